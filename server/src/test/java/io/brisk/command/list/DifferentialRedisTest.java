package io.brisk.command.list;

import static org.assertj.core.api.Assertions.assertThat;

import io.brisk.command.blocking.RawClient;
import io.brisk.testing.ServerTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random list, hash and SORT commands against Brisk and a real redis-server (started here when the
 * binary is installed, skipped otherwise): every reply must match byte for byte. Small hashes only,
 * since only the listpack encoding has a defined field order.
 */
class DifferentialRedisTest extends ServerTest {
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"42,-2", "7,3", "9,-1"})
    void sameReplies(long seed, int fill) throws Exception {
        java.nio.file.Path bin = java.nio.file.Path.of("/usr/bin/redis-server");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(bin), "redis-server not installed");
        int redisPort = freePort();
        Process redis = new ProcessBuilder(bin.toString(), "--port", Integer.toString(redisPort), "--save", "", "--appendonly", "no")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Random rnd = new Random(seed);
        io.brisk.store.CollectionLimits.listMaxListpackSize = fill; // Brisk's node size must not change replies
        try (RawClient b = new RawClient(port()); RawClient r = connect(redisPort)) {
            String[] keys = {"k1", "k2", "h1", "h2"};
            String[] vals = {"a", "b", "c", "1", "2", "-3", "", "xyz", "10"};
            for (int i = 0; i < 5000; i++) {
                List<String> cmd = new ArrayList<>();
                String k = keys[rnd.nextInt(keys.length)];
                String v = vals[rnd.nextInt(vals.length)];
                String n = Integer.toString(rnd.nextInt(9) - 4);
                String m = Integer.toString(rnd.nextInt(9) - 4);
                switch (rnd.nextInt(30)) {
                    case 0 -> cmd.addAll(List.of("LPUSH", k, v, vals[rnd.nextInt(vals.length)]));
                    case 1 -> cmd.addAll(List.of("RPUSH", k, v));
                    case 2 -> cmd.addAll(List.of("LPUSHX", k, v));
                    case 3 -> cmd.addAll(rnd.nextBoolean() ? List.of("LPOP", k) : List.of("LPOP", k, Integer.toString(rnd.nextInt(4))));
                    case 4 -> cmd.addAll(rnd.nextBoolean() ? List.of("RPOP", k) : List.of("RPOP", k, Integer.toString(rnd.nextInt(4))));
                    case 5 -> cmd.addAll(List.of("LRANGE", k, n, m));
                    case 6 -> cmd.addAll(List.of("LINDEX", k, n));
                    case 7 -> cmd.addAll(List.of("LSET", k, n, v));
                    case 8 -> cmd.addAll(List.of("LINSERT", k, rnd.nextBoolean() ? "BEFORE" : "AFTER", v, "ins"));
                    case 9 -> cmd.addAll(List.of("LREM", k, n, v));
                    case 10 -> cmd.addAll(List.of("LTRIM", k, n, m));
                    case 11 -> cmd.addAll(List.of("LPOS", k, v, "RANK", rnd.nextBoolean() ? "1" : "-2", "COUNT", Integer.toString(rnd.nextInt(3)), "MAXLEN", Integer.toString(rnd.nextInt(5))));
                    case 12 -> cmd.addAll(List.of("LMOVE", k, keys[rnd.nextInt(keys.length)], rnd.nextBoolean() ? "LEFT" : "RIGHT", rnd.nextBoolean() ? "LEFT" : "RIGHT"));
                    case 13 -> cmd.addAll(List.of("LMPOP", "2", k, keys[rnd.nextInt(keys.length)], rnd.nextBoolean() ? "LEFT" : "RIGHT", "COUNT", "2"));
                    case 14 -> cmd.addAll(List.of("LLEN", k));
                    case 15 -> cmd.addAll(List.of("HSET", k, v, vals[rnd.nextInt(vals.length)]));
                    case 16 -> cmd.addAll(List.of("HDEL", k, v));
                    case 17 -> cmd.addAll(List.of("HGETALL", k));
                    case 18 -> cmd.addAll(List.of("HINCRBY", k, v, n));
                    case 19 -> cmd.addAll(List.of("HINCRBYFLOAT", k, v, "1.25"));
                    case 20 -> cmd.addAll(List.of("HMGET", k, v, "a"));
                    case 21 -> cmd.addAll(List.of("HSETNX", k, v, "z"));
                    case 22 -> cmd.addAll(List.of("HKEYS", k));
                    case 23 -> cmd.addAll(List.of("HSTRLEN", k, v));
                    case 24 -> cmd.addAll(List.of("SORT", k));
                    case 25 -> cmd.addAll(List.of("SORT", k, "ALPHA", "DESC", "LIMIT", n, m));
                    case 26 -> cmd.addAll(List.of("RPOPLPUSH", k, keys[rnd.nextInt(keys.length)]));
                    case 27 -> cmd.addAll(List.of("HSCAN", k, "0", "MATCH", "*"));
                    case 28 -> cmd.addAll(List.of("SORT", k, "BY", "nosort", "STORE", keys[rnd.nextInt(keys.length)]));
                    default -> cmd.addAll(List.of("BLPOP", k, keys[rnd.nextInt(keys.length)], "0.001"));
                }
                String[] c = cmd.toArray(new String[0]);
                String rb = b.call(c), rr = r.call(c);
                assertThat(rb).as("step %d: %s", i, cmd).isEqualTo(rr);
            }
        } finally {
            io.brisk.store.CollectionLimits.listMaxListpackSize = -2;
            redis.destroy();
            redis.waitFor();
        }
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
