package io.brisk.command.hll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brisk.command.string.RealRedis;
import io.brisk.command.string.RedisParity;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** PFADD/PFCOUNT/PFMERGE: accuracy, Redis's exact byte format, and values exchanged with a real redis-server. */
class HyperLogLogTest extends RedisParity {
    private static final double STD_ERROR = 0.0081;

    private static void addRange(Jedis j, String key, String prefix, int from, int to) {
        for (int start = from; start < to; start += 1000) {
            String[] batch = new String[Math.min(1000, to - start)];
            for (int i = 0; i < batch.length; i++) batch[i] = prefix + (start + i);
            j.pfadd(key, batch);
        }
    }

    @Test
    void countsHundredThousandElementsWithinThreeStandardErrors() {
        Jedis j = jedis();
        addRange(j, "h", "element:", 0, 100_000);
        long count = j.pfcount("h");
        assertThat(Math.abs(count - 100_000) / 100_000.0).isLessThan(3 * STD_ERROR);
        // Adding the same elements again changes nothing.
        assertThat(j.pfadd("h", "element:1", "element:99999")).isZero();
        assertThat(j.pfcount("h")).isEqualTo(count);
        RedisCommands<String, String> l = lettuce();
        assertThat(l.pfcount("h")).isEqualTo(count);
    }

    /** Bytes redis-server 7.0.15 produced for PFADD x a b c hello world, then after PFCOUNT (runs without redis-server). */
    @Test
    void matchesAReferenceValueWrittenByRedis() {
        Jedis j = jedis();
        j.pfadd("x", "a", "b", "c", "hello", "world");
        assertThat(HexFormat.of().formatHex(j.get("x".getBytes())))
                .isEqualTo("48594c4c0100000000000000000000804ab588563c80430a804da5844bfb80425a");
        assertThat(j.pfcount("x")).isEqualTo(5);
        assertThat(HexFormat.of().formatHex(j.get("x".getBytes())))
                .isEqualTo("48594c4c0100000005000000000000004ab588563c80430a804da5844bfb80425a");
    }

    @Test
    void smallSetsAreCountedExactlyAndPfaddReportsChanges() {
        RedisCommands<String, String> l = lettuce();
        assertThat(l.pfadd("h", "a", "b", "c")).isEqualTo(1);
        assertThat(l.pfadd("h", "a")).isZero();
        assertThat(l.pfcount("h")).isEqualTo(3);
        assertThat(l.pfcount("missing")).isZero();
        Jedis j = jedis();
        assertThat(j.pfadd("empty")).isOne();
        assertThat(j.pfadd("empty")).isZero();
        assertThat(j.pfcount("empty")).isZero();
        assertThat(j.get("empty".getBytes())).hasSize(18).startsWith('H', 'Y', 'L', 'L', 1);
    }

    @Test
    void mergeAndMultiKeyCountSeeTheUnion() {
        Jedis j = jedis();
        addRange(j, "{h}a", "x", 0, 30_000);
        addRange(j, "{h}b", "x", 20_000, 50_000);
        long union = j.pfcount("{h}a", "{h}b");
        assertThat(Math.abs(union - 50_000) / 50_000.0).isLessThan(3 * STD_ERROR);
        assertThat(j.pfmerge("{h}c", "{h}a", "{h}b")).isEqualTo("OK");
        assertThat(j.pfcount("{h}c")).isEqualTo(union);
        assertThat(j.pfmerge("{h}d")).isEqualTo("OK");
        assertThat(j.pfcount("{h}d")).isZero();
        RedisCommands<String, String> l = lettuce();
        assertThat(l.pfmerge("{h}a", "{h}b")).isEqualTo("OK");
        assertThat(l.pfcount("{h}a")).isEqualTo(union);
    }

    @Test
    void otherValuesAreRefused() {
        Jedis j = jedis();
        j.set("s", "not an hll");
        assertThatThrownBy(() -> j.pfadd("s", "x")).hasMessage("WRONGTYPE Key is not a valid HyperLogLog string value.");
        assertThatThrownBy(() -> j.pfcount("s")).hasMessage("WRONGTYPE Key is not a valid HyperLogLog string value.");
        assertThatThrownBy(() -> j.pfmerge("d", "s")).hasMessage("WRONGTYPE Key is not a valid HyperLogLog string value.");
        // A sparse body that does not add up to 16384 registers.
        byte[] corrupt = Arrays.copyOf("HYLL".getBytes(StandardCharsets.US_ASCII), 18);
        corrupt[4] = 1;
        corrupt[15] = (byte) 0x80;
        corrupt[16] = 0x40;
        corrupt[17] = 0x10;
        j.set("c".getBytes(), corrupt);
        assertThatThrownBy(() -> j.pfcount("c")).hasMessage("INVALIDOBJ Corrupted HLL object detected");
        assertThat(RealRedis.call(j, "PFADD")).isEqualTo("!ERR wrong number of arguments for 'pfadd' command");
        assertThat(RealRedis.call(j, "PFSELFTEST")).isEqualTo("OK");
    }

    @Test
    void repliesMatchRedis() {
        assertSameAsRedis("PFADD h a b c d e", "PFCOUNT h", "GET h", "PFADD h a", "PFCOUNT h", "PFADD h", "PFADD n",
                "GET n", "PFCOUNT n", "PFCOUNT h n missing", "PFMERGE m h n missing", "GET m", "PFCOUNT m", "SET s x",
                "PFADD s a", "PFCOUNT s", "PFCOUNT h s", "PFMERGE s h", "PFMERGE m s", "RPUSH l a", "PFADD l a",
                "PFCOUNT l", "PFMERGE l h", "PFMERGE h l", "SET e ''", "PFCOUNT e", "SET t HYLLxxxxxxxxxxxxxxxxx",
                "PFCOUNT t", "PFCOUNT", "PFMERGE", "PFDEBUG ENCODING h", "PFDEBUG DECODE h", "PFDEBUG GETREG missing",
                "PFDEBUG FOO h", "PFDEBUG ENCODING s", "PFDEBUG TODENSE h", "PFDEBUG TODENSE h", "PFDEBUG ENCODING h",
                "PFDEBUG DECODE h", "GET h", "PFCOUNT h", "PFADD h2 x y", "PFDEBUG GETREG h2", "GET h2", "PFDEBUG ENCODING l");
    }

    /**
     * Elements chosen to fall in a narrow window of registers, added in random order and batches:
     * runs of equal values split and merge as in Redis's sparse editor, so the bytes stay identical.
     */
    @Test
    void sparseRunsSplitAndMergeExactlyAsInRedis() throws Exception {
        java.util.Random rnd = new java.util.Random(5);
        java.util.List<String> picked = new java.util.ArrayList<>();
        for (int i = 0; picked.size() < 1500; i++) {
            byte[] b = ("w" + i).getBytes(StandardCharsets.US_ASCII);
            int pl = io.brisk.store.hll.HyperLogLog.patLen(java.lang.foreign.MemorySegment.ofArray(b), 0, b.length);
            if ((pl & 0xFFFF) >= 1000 && (pl & 0xFFFF) < 1200) picked.add("w" + i);
        }
        java.util.Collections.shuffle(picked, rnd);
        try (RealRedis redis = RealRedis.start(); Jedis real = redis.jedis()) {
            Jedis brisk = jedis();
            for (int i = 0; i < picked.size(); ) {
                int n = Math.min(picked.size() - i, 1 + rnd.nextInt(4));
                String[] batch = picked.subList(i, i + n).toArray(String[]::new);
                i += n;
                assertThat(brisk.pfadd("w", batch)).isEqualTo(real.pfadd("w", batch));
                assertThat(brisk.get("w".getBytes())).as("after %d elements", i).isEqualTo(real.get("w".getBytes()));
            }
            assertThat(brisk.pfcount("w")).isEqualTo(real.pfcount("w"));
        }
    }

    @Test
    void valuesMoveBetweenBriskAndRedisUnchanged() throws Exception {
        try (RealRedis redis = RealRedis.start(); Jedis real = redis.jedis()) {
            Jedis brisk = jedis();
            for (int n : new int[] {1, 10, 200, 1_000, 5_000, 60_000}) {
                String key = "h" + n;
                addRange(brisk, key, "e", 0, n);
                addRange(real, key, "e", 0, n);
                byte[] briskBytes = brisk.get(key.getBytes());
                byte[] redisBytes = real.get(key.getBytes());
                assertThat(briskBytes).as("HLL of %d elements, byte for byte", n).isEqualTo(redisBytes);

                // Brisk's bytes counted by Redis and Redis's counted by Brisk.
                real.set(("fromBrisk" + n).getBytes(), briskBytes);
                brisk.set(("fromRedis" + n).getBytes(), redisBytes);
                long byBrisk = brisk.pfcount("fromRedis" + n);
                long byRedis = real.pfcount("fromBrisk" + n);
                assertThat(byBrisk).as("count of %d", n).isEqualTo(byRedis).isEqualTo(brisk.pfcount(key));
                // The cached count Brisk writes is the one Redis would write.
                assertThat(brisk.get(key.getBytes())).isEqualTo(real.get(("fromBrisk" + n).getBytes()));
            }
            brisk.pfmerge("merged", "h200", "h5000", "h60000");
            real.pfmerge("merged", "h200", "h5000", "h60000");
            assertThat(brisk.get("merged".getBytes())).isEqualTo(real.get("merged".getBytes()));
            assertThat(brisk.pfcount("h10", "h1000", "h60000")).isEqualTo(real.pfcount("h10", "h1000", "h60000"));
        }
    }
}
