package io.brisk.command.string;

import static org.assertj.core.api.Assertions.assertThat;

import io.brisk.testing.ServerTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import redis.clients.jedis.Jedis;

/**
 * Base for tests that run the same command script against Brisk and a real redis-server and expect
 * identical replies, errors included. Words are split on spaces; "''" stands for an empty argument.
 * Commands of other families (RPUSH, EXPIRE, TTL) that this branch may not have yet are emulated
 * on Brisk's store directly, so wrong-type and TTL cases can still be compared.
 */
public abstract class RedisParity extends ServerTest {
    private static RealRedis redis;

    /** Started on first use, so a class's other tests still run where redis-server is missing. */
    private static synchronized RealRedis redis() {
        if (redis == null) {
            try {
                redis = RealRedis.start();
            } catch (RuntimeException e) {
                throw e; // includes the assumption failure that skips the test
            } catch (Exception e) {
                throw new IllegalStateException("could not start redis-server", e);
            }
        }
        return redis;
    }

    @AfterAll
    static synchronized void stopRedis() throws Exception {
        if (redis != null) redis.close();
        redis = null;
    }

    /** Runs each line on both servers (both flushed first) and compares every reply. */
    protected void assertSameAsRedis(String... lines) {
        try (Jedis real = redis().jedis()) {
            Jedis brisk = jedis();
            real.flushAll();
            List<String> mismatches = new ArrayList<>();
            for (String line : lines) {
                String[] words = line.split(" ");
                for (int i = 0; i < words.length; i++) if (words[i].equals("''")) words[i] = "";
                Object want = RealRedis.call(real, words);
                Object got = RealRedis.call(brisk, words);
                if (String.valueOf(got).startsWith("!ERR unknown command")) got = StoreBackdoor.emulate(server(), words);
                if (!String.valueOf(want).equals(String.valueOf(got))) {
                    mismatches.add(line + "\n    redis: " + want + "\n    brisk: " + got);
                }
            }
            assertThat(mismatches).as("replies that differ from redis-server").isEmpty();
        }
    }
}
