package io.brisk.command.zset;

import static org.assertj.core.api.Assertions.assertThat;

import io.brisk.command.blocking.RawClient;
import io.brisk.testing.ServerTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random sorted-set commands (and the order-independent set commands) against Brisk and a real
 * redis-server started here (skipped when it is not installed): every reply must match byte for
 * byte. Scores are halves, whose text is the same in every Redis version; small and large members
 * counts exercise both encodings. Lex ranges run on a key whose scores are all equal: with mixed
 * scores Redis leaves their result unspecified (it depends on its skip list's random levels).
 */
class ZSetDifferentialRedisTest extends ServerTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void sameRepliesAsRedis(long seed) throws Exception {
        Path bin = Path.of("/usr/bin/redis-server");
        Assumptions.assumeTrue(Files.isExecutable(bin), "redis-server not installed");
        int redisPort = freePort();
        Process redis = new ProcessBuilder(bin.toString(), "--port", Integer.toString(redisPort), "--save", "", "--appendonly", "no")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Random rnd = new Random(seed);
        int width = seed == 3 ? 400 : 12; // 400 distinct members push zsets past the listpack limit
        try (RawClient b = new RawClient(port()); RawClient r = connect(redisPort)) {
            String[] keys = {"z1", "z2", "z3", "s1"};
            for (int i = 0; i < 6000; i++) {
                String k = keys[rnd.nextInt(3)], k2 = keys[rnd.nextInt(keys.length)];
                String m = "m" + rnd.nextInt(width), m2 = "m" + rnd.nextInt(width);
                String sc = score(rnd), sc2 = score(rnd);
                String lo = bound(rnd), hi = bound(rnd);
                String lexLo = lex(rnd, width), lexHi = lex(rnd, width);
                String n = Integer.toString(rnd.nextInt(14) - 7), n2 = Integer.toString(rnd.nextInt(14) - 7);
                List<String> cmd = switch (rnd.nextInt(36)) {
                    case 0, 1, 2 -> List.of("ZADD", k, sc, m, sc2, m2);
                    case 3 -> List.of("ZADD", k, pick(rnd, "NX", "XX", "GT", "LT", "CH"), sc, m);
                    case 4 -> List.of("ZADD", k, "INCR", sc, m);
                    case 5 -> List.of("ZINCRBY", k, sc, m);
                    case 6 -> List.of("ZREM", k, m, m2);
                    case 7 -> List.of("ZSCORE", k, m);
                    case 8 -> List.of("ZMSCORE", k, m, m2);
                    case 9 -> List.of("ZRANK", k, m);
                    case 10 -> List.of("ZREVRANK", k, m);
                    case 11 -> List.of("ZCARD", k);
                    case 12 -> List.of("ZRANGE", k, n, n2, "WITHSCORES");
                    case 13 -> List.of("ZREVRANGE", k, n, n2);
                    case 14 -> List.of("ZRANGEBYSCORE", k, lo, hi, "WITHSCORES", "LIMIT", n, n2);
                    case 15 -> List.of("ZREVRANGEBYSCORE", k, hi, lo);
                    case 16 -> List.of("ZRANGE", k, hi, lo, "BYSCORE", "REV", "LIMIT", n, n2);
                    // lex ranges are defined only when all scores are equal: key "lex" only gets score 0
                    case 17 -> rnd.nextBoolean() ? List.of("ZADD", "lex", "0", m, "0", m2) : List.of("ZRANGEBYLEX", "lex", lexLo, lexHi);
                    case 18 -> List.of("ZREVRANGEBYLEX", "lex", lexHi, lexLo, "LIMIT", n, n2);
                    case 19 -> List.of("ZLEXCOUNT", "lex", lexLo, lexHi);
                    case 20 -> List.of("ZCOUNT", k, lo, hi);
                    case 21 -> List.of("ZREMRANGEBYRANK", k, n, n2);
                    case 22 -> List.of("ZREMRANGEBYSCORE", k, lo, hi);
                    case 23 -> List.of("ZREMRANGEBYLEX", "lex", lexLo, lexHi);
                    case 24 -> List.of("ZPOPMIN", k, Integer.toString(rnd.nextInt(3)));
                    case 25 -> List.of("ZPOPMAX", k);
                    case 26 -> List.of("ZMPOP", "2", k, k2, pick(rnd, "MIN", "MAX"), "COUNT", "2");
                    case 27 -> List.of("ZUNION", "2", k, k2, "WEIGHTS", "2", "0.5", "AGGREGATE", pick(rnd, "SUM", "MIN", "MAX"), "WITHSCORES");
                    case 28 -> List.of("ZINTERSTORE", keys[rnd.nextInt(3)], "2", k, k2);
                    case 29 -> List.of("ZDIFF", "2", k, k2, "WITHSCORES");
                    case 30 -> List.of("ZRANGESTORE", keys[rnd.nextInt(3)], k, lo, hi, "BYSCORE", "LIMIT", "0", "5");
                    case 31 -> List.of("ZINTERCARD", "2", k, k2);
                    case 32 -> List.of("SADD", "s1", m, m2);
                    case 33 -> List.of("SREM", "s1", m);
                    case 34 -> List.of("SMISMEMBER", "s1", m, m2);
                    default -> List.of("ZUNIONSTORE", keys[rnd.nextInt(3)], "2", k, k2, "AGGREGATE", "MAX");
                };
                String[] c = cmd.toArray(new String[0]);
                String rb = b.call(c), rr = r.call(c);
                assertThat(rb).as("step %d: %s", i, cmd).isEqualTo(rr);
            }
        } finally {
            redis.destroy();
            redis.waitFor();
        }
    }

    private static String score(Random rnd) {
        int v = rnd.nextInt(20) - 10;
        return switch (rnd.nextInt(10)) {
            case 0 -> "+inf";
            case 1 -> "-inf";
            case 2, 3 -> (v / 2) + ".5";
            default -> Integer.toString(v);
        };
    }

    private static String bound(Random rnd) {
        String b = rnd.nextInt(8) == 0 ? (rnd.nextBoolean() ? "-inf" : "+inf") : Integer.toString(rnd.nextInt(20) - 10);
        return rnd.nextInt(3) == 0 ? "(" + b : b;
    }

    private static String lex(Random rnd, int width) {
        return switch (rnd.nextInt(6)) {
            case 0 -> "-";
            case 1 -> "+";
            case 2 -> "(m" + rnd.nextInt(width);
            default -> "[m" + rnd.nextInt(width);
        };
    }

    private static String pick(Random rnd, String... options) {
        return options[rnd.nextInt(options.length)];
    }

    private static RawClient connect(int port) throws Exception {
        for (int i = 0; ; i++) {
            try {
                return new RawClient(port);
            } catch (java.net.ConnectException e) {
                if (i > 100) throw e;
                Thread.sleep(20);
            }
        }
    }
}
