package io.brisk.command.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brisk.command.blocking.RawClient;
import io.brisk.command.blocking.StoreProbe;
import io.brisk.store.CollectionLimits;
import io.brisk.testing.ServerTest;
import io.lettuce.core.MapScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

class HashCommandsTest extends ServerTest {
    private static final String WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";

    @Test
    void setGetAndFriends() {
        Jedis j = jedis();
        assertThat(j.hset("h", Map.of("f1", "v1", "f2", "v2"))).isEqualTo(2);
        assertThat(j.hset("h", "f1", "v1b")).isZero();
        assertThat(j.hget("h", "f1")).isEqualTo("v1b");
        assertThat(j.hget("h", "nope")).isNull();
        assertThat(j.hget("nokey", "f")).isNull();
        assertThat(j.hsetnx("h", "f1", "x")).isZero();
        assertThat(j.hsetnx("h", "f3", "v3")).isEqualTo(1);
        assertThat(j.hsetnx("new", "f", "v")).isEqualTo(1);
        assertThat(j.hmget("h", "f1", "nope", "f3")).containsExactly("v1b", null, "v3");
        assertThat(j.hmget("nokey", "a", "b")).containsExactly(null, null);
        assertThat(j.hmset("h", Map.of("f4", "v4"))).isEqualTo("OK");
        assertThat(j.hlen("h")).isEqualTo(4);
        assertThat(j.hlen("nokey")).isZero();
        assertThat(j.hexists("h", "f4")).isTrue();
        assertThat(j.hexists("h", "zz")).isFalse();
        assertThat(j.hkeys("h")).containsExactlyInAnyOrder("f1", "f2", "f3", "f4");
        assertThat(j.hvals("h")).containsExactlyInAnyOrder("v1b", "v2", "v3", "v4");
        assertThat(j.hgetAll("h")).isEqualTo(Map.of("f1", "v1b", "f2", "v2", "f3", "v3", "f4", "v4"));
        assertThat(j.hgetAll("nokey")).isEmpty();
        assertThat(j.hkeys("nokey")).isEmpty();
        assertThat(j.hstrlen("h", "f1")).isEqualTo(3);
        assertThat(j.hstrlen("h", "zz")).isZero();
        assertThat(j.hdel("h", "f1", "f2", "zz")).isEqualTo(2);
        assertThat(j.hdel("nokey", "f")).isZero();
        assertThat(j.hdel("h", "f3", "f4")).isEqualTo(2);
        assertThat(StoreProbe.exists(server().context(), "h")).isFalse();
    }

    @Test
    void errors() {
        Jedis j = jedis();
        j.set("s", "x");
        for (Runnable r : List.<Runnable>of(() -> j.hset("s", "f", "v"), () -> j.hget("s", "f"), () -> j.hgetAll("s"),
                () -> j.hdel("s", "f"), () -> j.hlen("s"), () -> j.hincrBy("s", "f", 1), () -> j.hrandfield("s"),
                () -> j.hscan("s", "0"), () -> j.hkeys("s"), () -> j.hmget("s", "f"), () -> j.hsetnx("s", "f", "v"))) {
            assertThatThrownBy(r::run).hasMessage(WRONGTYPE);
        }
        assertThatThrownBy(() -> j.sendCommand(Protocol.Command.HSET, "h", "f", "v", "g")).hasMessage("ERR wrong number of arguments for 'hset' command");
        assertThatThrownBy(() -> j.sendCommand(Protocol.Command.HMSET, "h", "f")).hasMessage("ERR wrong number of arguments for 'hmset' command");
        assertThatThrownBy(() -> j.sendCommand(Protocol.Command.HGET, "h")).hasMessage("ERR wrong number of arguments for 'hget' command");
    }

    @Test
    void increments() {
        Jedis j = jedis();
        assertThat(j.hincrBy("h", "n", 5)).isEqualTo(5);
        assertThat(j.hincrBy("h", "n", -7)).isEqualTo(-2);
        j.hset("h", "s", "abc");
        assertThatThrownBy(() -> j.hincrBy("h", "s", 1)).hasMessage("ERR hash value is not an integer");
        assertThatThrownBy(() -> j.sendCommand(Protocol.Command.HINCRBY, "h", "n", "x")).hasMessage("ERR value is not an integer or out of range");
        j.hset("h", "big", Long.toString(Long.MAX_VALUE));
        assertThatThrownBy(() -> j.hincrBy("h", "big", 1)).hasMessage("ERR increment or decrement would overflow");
        assertThat(j.hincrByFloat("h", "fl", 1.5)).isEqualTo(1.5);
        assertThat(j.hincrByFloat("h", "fl", 1.0)).isEqualTo(2.5);
        assertThat(j.hget("h", "fl")).isEqualTo("2.5");
        assertThat(j.sendCommand(Protocol.Command.HINCRBYFLOAT, "h", "fl", "5.0e3")).isEqualTo("5002.5".getBytes());
        assertThatThrownBy(() -> j.hincrByFloat("h", "s", 1)).hasMessage("ERR hash value is not a float");
        assertThatThrownBy(() -> j.sendCommand(Protocol.Command.HINCRBYFLOAT, "h", "fl", "x")).hasMessage("ERR value is not a valid float");
        assertThatThrownBy(() -> j.sendCommand(Protocol.Command.HINCRBYFLOAT, "h", "fl", "inf")).hasMessage("ERR increment would produce NaN or Infinity");
    }

    @Test
    void randomFields() throws Exception {
        Jedis j = jedis();
        j.hset("h", Map.of("a", "1", "b", "2", "c", "3"));
        assertThat(j.hrandfield("h")).isIn("a", "b", "c");
        assertThat(j.hrandfield("nokey")).isNull();
        assertThat(j.hrandfield("h", 2)).hasSize(2).doesNotHaveDuplicates();
        assertThat(j.hrandfield("h", 10)).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(j.hrandfield("h", -5)).hasSize(5).allMatch(f -> Set.of("a", "b", "c").contains(f));
        assertThat(j.hrandfield("h", 0)).isEmpty();
        assertThat(j.hrandfield("nokey", 3)).isEmpty();
        List<Map.Entry<String, String>> wv = j.hrandfieldWithValues("h", 3);
        assertThat(wv).hasSize(3);
        for (var e : wv) assertThat(j.hget("h", e.getKey())).isEqualTo(e.getValue());
        assertThatThrownBy(() -> j.sendCommand(Protocol.Command.HRANDFIELD, "h", "1", "foo")).hasMessage("ERR syntax error");
        assertThatThrownBy(() -> j.sendCommand(Protocol.Command.HRANDFIELD, "h", "x")).hasMessage("ERR value is not an integer or out of range");
        try (RawClient raw = new RawClient(port())) {
            assertThat(raw.call("HRANDFIELD", "h", "-2", "WITHVALUES")).startsWith("*4\r\n"); // RESP2: flat
        }
        RedisCommands<String, String> l = lettuce();
        assertThat(l.hrandfieldWithvalues("h", 2)).hasSize(2).allMatch(kv -> kv.getValue().equals(Map.of("a", "1", "b", "2", "c", "3").get(kv.getKey())));
    }

    @Test
    void randomFieldsOfABigHash() {
        Jedis j = jedis();
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < 1000; i++) m.put("f" + i, "v" + i);
        j.hset("big", m);
        assertThat(StoreProbe.encoding(server().context(), "big")).isEqualTo("hashtable");
        assertThat(j.hrandfield("big", 10)).hasSize(10).doesNotHaveDuplicates().allMatch(m::containsKey);
        assertThat(j.hrandfield("big", 600)).hasSize(600).doesNotHaveDuplicates();
        assertThat(j.hrandfield("big", 5000)).hasSize(1000).doesNotHaveDuplicates();
        assertThat(j.hrandfield("big", -3000)).hasSize(3000).allMatch(m::containsKey);
        assertThat(j.hrandfieldWithValues("big", 20)).allMatch(e -> m.get(e.getKey()).equals(e.getValue()));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) seen.add(j.hrandfield("big"));
        assertThat(seen.size()).isGreaterThan(500); // spread over the whole table
    }

    @Test
    void lettuceMapsAndScan() {
        RedisCommands<String, String> l = lettuce();
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < 300; i++) m.put("f" + i, "v" + i);
        l.hset("h", m);
        assertThat(l.hgetall("h")).isEqualTo(m);
        assertThat(l.hlen("h")).isEqualTo(300);
        // full scan through cursors returns every field
        Map<String, String> seen = new HashMap<>();
        ScanCursor cur = ScanCursor.INITIAL;
        do {
            MapScanCursor<String, String> page = l.hscan("h", cur, ScanArgs.Builder.limit(20));
            seen.putAll(page.getMap());
            cur = page;
        } while (!cur.isFinished());
        assertThat(seen).isEqualTo(m);
        MapScanCursor<String, String> matched = l.hscan("h", ScanCursor.INITIAL, ScanArgs.Builder.matches("f1?").limit(1000));
        assertThat(matched.getMap().keySet()).hasSize(10).allMatch(k -> k.matches("f1\\d"));
    }

    @Test
    void jedisScanSmallHashAndErrors() {
        Jedis j = jedis();
        j.hset("h", Map.of("a", "1", "b", "2"));
        ScanResult<Map.Entry<String, String>> r = j.hscan("h", "0");
        assertThat(r.getCursor()).isEqualTo("0");
        assertThat(r.getResult()).hasSize(2);
        assertThat(j.hscan("nokey", "0").getResult()).isEmpty();
        assertThat(j.hscan("h", "0", new ScanParams().match("a*")).getResult()).extracting(Map.Entry::getKey).containsExactly("a");
        assertThatThrownBy(() -> j.sendCommand(Protocol.Command.HSCAN, "h", "x")).hasMessage("ERR invalid cursor");
        assertThatThrownBy(() -> j.sendCommand(Protocol.Command.HSCAN, "h", "0", "COUNT", "0")).hasMessage("ERR syntax error");
        assertThatThrownBy(() -> j.sendCommand(Protocol.Command.HSCAN, "h", "0", "NOVALUES")).hasMessage("ERR syntax error");
    }

    @Test
    void encodingConvertsPastTheLimits() {
        Jedis j = jedis();
        j.hset("h", "f", "v");
        assertThat(StoreProbe.encoding(server().context(), "h")).isEqualTo("listpack");
        j.hset("h", "long", "x".repeat(65));
        assertThat(StoreProbe.encoding(server().context(), "h")).isEqualTo("hashtable");
        assertThat(j.hget("h", "f")).isEqualTo("v");
        for (int i = 0; i < 512; i++) j.hset("many", "f" + i, "v");
        assertThat(StoreProbe.encoding(server().context(), "many")).isEqualTo("listpack");
        j.hset("many", "one-more", "v");
        assertThat(StoreProbe.encoding(server().context(), "many")).isEqualTo("hashtable");
        assertThat(j.hlen("many")).isEqualTo(513);
        assertThat(server().context().config.get("hash-max-ziplist-entries")).isEqualTo("512"); // Redis 7.0's built-in default
        assertThat(server().context().config.get("hash-max-listpack-value")).isEqualTo("64");
        CollectionLimits.hashMaxListpackEntries = 1;
        try {
            j.hset("tiny", Map.of("a", "1", "b", "2"));
            assertThat(StoreProbe.encoding(server().context(), "tiny")).isEqualTo("hashtable");
        } finally {
            CollectionLimits.hashMaxListpackEntries = 128;
        }
    }

    @Test
    void memoryEstimateTracksContent() {
        Jedis j = jedis();
        j.hset("h", Map.of("f1", "v1", "f2", "v2"));
        long small = StoreProbe.estimatedBytes(server().context(), "h");
        assertThat(StoreProbe.inline(server().context(), "h")).isTrue();
        assertThat(small).isBetween(20L, 40L); // the entry alone: header, key, packed fields
        long used0 = server().context().keyspace.usedMemory();
        j.hset("h", "f3", "x".repeat(1000));
        assertThat(server().context().keyspace.usedMemory() - used0).isGreaterThan(1000);
    }

    /**
     * HSET of a value as long as the one it replaces rewrites the inline hash where it lies (a new
     * version all the same); after 15 such rewrites, or at another length, a new version is appended.
     */
    @Test
    void sameLengthUpdatesRewriteAnInlineHashInPlace() {
        Jedis j = jedis();
        j.hset("h", Map.of("f", "v00", "g", "w"));
        j.pexpire("h", 100_000);
        long where = location("h");
        Set<Long> versions = new HashSet<>(List.of(StoreProbe.version(server().context(), "h")));
        for (int i = 1; i <= 15; i++) {
            assertThat(j.hset("h", "f", String.format("v%02d", i))).isZero();
            assertThat(location("h")).as("after update %d", i).isEqualTo(where);
            assertThat(versions.add(StoreProbe.version(server().context(), "h"))).as("version after update %d is new", i).isTrue();
        }
        assertThat(j.hgetAll("h")).isEqualTo(Map.of("f", "v15", "g", "w"));
        assertThat(j.pttl("h")).isBetween(90_000L, 100_000L);
        assertThat(j.hset("h", "f", "v16")).isZero(); // rewrite count used up: appended elsewhere
        assertThat(location("h")).isNotEqualTo(where);
        where = location("h");
        assertThatThrownBy(() -> j.hincrBy("h", "g", 1)).hasMessageContaining("not an integer"); // nothing written
        assertThat(location("h")).isEqualTo(where);
        assertThat(j.hset("h", "f", "longer")).isZero(); // another length: appended
        assertThat(location("h")).isNotEqualTo(where);
        assertThat(j.hgetAll("h")).isEqualTo(Map.of("f", "longer", "g", "w"));
        assertThat(j.pttl("h")).isBetween(90_000L, 100_000L);
        assertThat(StoreProbe.inline(server().context(), "h")).isTrue();
    }

    /** Where the key's entry lies: the low 44 bits of its version stamp (an entry never moved by compaction). */
    private long location(String key) {
        return StoreProbe.version(server().context(), key) & ((1L << 44) - 1);
    }

    @Test
    void smallHashesLiveInlineAndMoveToTheHeapWhenTheyGrow() {
        Jedis j = jedis();
        j.hset("h", Map.of("f1", "v1", "f2", "v2"));
        j.pexpire("h", 100_000);
        assertThat(StoreProbe.inline(server().context(), "h")).isTrue();
        assertThat(j.hincrBy("h", "n", 5)).isEqualTo(5);
        assertThat(j.hincrByFloat("h", "x", 1.5)).isEqualTo(1.5);
        assertThat(j.hsetnx("h", "f1", "other")).isZero();
        assertThat(j.pttl("h")).isBetween(90_000L, 100_000L); // every rewrite keeps the TTL
        assertThat(j.objectEncoding("h")).isEqualTo("listpack");
        assertThat(j.memoryUsage("h")).isPositive();
        // past the inline size the hash moves to the heap, still listpack-encoded, TTL kept
        for (int i = 0; i < 20; i++) j.hset("h", "field" + i, "value-" + "y".repeat(i));
        assertThat(StoreProbe.inline(server().context(), "h")).isFalse();
        assertThat(j.objectEncoding("h")).isEqualTo("listpack");
        assertThat(j.pttl("h")).isBetween(90_000L, 100_000L);
        assertThat(j.hlen("h")).isEqualTo(24);
        assertThat(j.hget("h", "field19")).isEqualTo("value-" + "y".repeat(19));
        // copies, renames and moves carry inline hashes as they are
        j.hset("small", Map.of("a", "1", "b", "2"));
        assertThat(j.copy("small", "copy", false)).isTrue();
        assertThat(j.rename("small", "renamed")).isEqualTo("OK");
        assertThat(j.hgetAll("copy")).isEqualTo(Map.of("a", "1", "b", "2"));
        assertThat(j.hgetAll("renamed")).isEqualTo(Map.of("a", "1", "b", "2"));
        assertThat(j.type("renamed")).isEqualTo("hash");
        assertThatThrownBy(() -> j.get("renamed")).hasMessageStartingWith("WRONGTYPE");
        assertThat(j.hdel("renamed", "a", "b")).isEqualTo(2);
        assertThat(j.exists("renamed")).isFalse(); // emptied: the key is gone
    }
}
