package io.brisk.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.brisk.command.Session;
import io.brisk.testing.RawClient;
import io.brisk.testing.ServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** The idle {@code timeout} and {@code client-output-buffer-limit}, over real sockets. */
class ClientLimitsTest extends ServerTest {
    private static final String DEFAULT_LIMITS = "normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60";

    @AfterEach
    void restoreDefaults() throws Exception {
        server().context().config.set("timeout", "0");
        server().context().config.set("client-output-buffer-limit", DEFAULT_LIMITS);
    }

    private static boolean connected(long id) {
        return server().context().clients.get(id) != null;
    }

    private static void awaitBlocked(long id) throws InterruptedException {
        long end = System.currentTimeMillis() + 5000;
        while (true) {
            Session s = server().context().clients.get(id);
            if (s != null && s.blocked()) return;
            if (System.currentTimeMillis() > end) throw new AssertionError("client " + id + " never blocked");
            Thread.sleep(2);
        }
    }

    @Test
    void idleClientsAreClosedButActiveAndBlockedOnesAreNot() throws Exception {
        Jedis admin = jedis();
        assertThat(admin.configSet("timeout", "1")).isEqualTo("OK");
        assertThat(admin.configGet("timeout")).containsEntry("timeout", "1");
        try (RawClient idle = new RawClient(port()); RawClient active = new RawClient(port()); RawClient blocked = new RawClient(port())) {
            long start = System.currentTimeMillis();
            long idleId = (Long) idle.call("CLIENT", "ID");
            long blockedId = (Long) blocked.call("CLIENT", "ID");
            blocked.send(RawClient.frame("BLPOP", "never", "0"));
            awaitBlocked(blockedId);
            boolean idleClosed = false;
            while (System.currentTimeMillis() - start < 6000) { // Redis closes after more than 1 s idle, checked once a second
                assertThat(active.call("PING")).isEqualTo("PONG");
                if (!connected(idleId)) {
                    idleClosed = true;
                    break;
                }
                Thread.sleep(200);
            }
            long closedAfter = System.currentTimeMillis() - start;
            assertThat(idleClosed).as("idle client closed").isTrue();
            assertThat(closedAfter).as("not before it was idle longer than the timeout").isGreaterThanOrEqualTo(1000);
            assertThat(idle.closedByServer(2000)).isTrue();
            // the blocked client is still waiting and is served normally
            assertThat(connected(blockedId)).isTrue();
            jedis().rpush("never", "v"); // a new connection: the admin one has been idle too
            assertThat(RawClient.list(blocked.read())).containsExactly("never", "v");
            assertThat(active.call("PING")).isEqualTo("PONG");
        }
    }

    @Test
    void timeoutZeroNeverCloses() throws Exception {
        try (RawClient c = new RawClient(port())) {
            long id = (Long) c.call("CLIENT", "ID");
            Thread.sleep(2500);
            assertThat(connected(id)).isTrue();
            assertThat(c.call("PING")).isEqualTo("PONG");
        }
    }

    @Test
    void replyOverTheHardLimitClosesTheClientWithoutReply() throws Exception {
        Jedis admin = jedis();
        String big = "x".repeat(1_000_000);
        admin.set("big", big);
        assertThat(admin.configSet("client-output-buffer-limit", "normal 100000 0 0")).isEqualTo("OK");
        assertThat(admin.configGet("client-output-buffer-limit"))
                .containsEntry("client-output-buffer-limit", "normal 100000 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60");
        try (RawClient c = new RawClient(port())) {
            assertThat(c.call("SET", "small", "v")).isEqualTo("OK"); // small replies pass
            assertThat(c.call("GET", "small")).isEqualTo("v");
            c.send(RawClient.frame("GET", "big"));
            assertThat(c.closedByServer(5000)).isTrue();
        }
        assertThat(admin.strlen("big")).isEqualTo(1_000_000); // the admin's own small replies are fine
        assertThat(admin.configSet("client-output-buffer-limit", "normal 0 0 0")).isEqualTo("OK");
        try (RawClient c = new RawClient(port())) {
            assertThat(c.call("GET", "big")).isEqualTo(big); // no limit: served
        }
    }

    @Test
    void softLimitClosesOnlyAfterItsSeconds() throws Exception {
        Jedis admin = jedis();
        admin.set("big", "y".repeat(1_000_000));
        admin.configSet("client-output-buffer-limit", "normal 0 100000 1");
        try (RawClient once = new RawClient(port())) {
            // one large reply that the client reads at once: noted, not closed
            assertThat(((String) once.call("GET", "big")).length()).isEqualTo(1_000_000);
            assertThat(once.call("PING")).isEqualTo("PONG");
        }
        try (RawClient slow = new RawClient(port())) {
            long id = (Long) slow.call("CLIENT", "ID");
            StringBuilder pipeline = new StringBuilder();
            for (int i = 0; i < 30; i++) pipeline.append(RawClient.frame("GET", "big"));
            slow.send(pipeline.toString()); // 30 MB of replies that it does not read
            long end = System.currentTimeMillis() + 8000;
            while (connected(id) && System.currentTimeMillis() < end) Thread.sleep(50);
            assertThat(connected(id)).as("closed after staying over the soft limit for more than 1 s").isFalse();
        }
    }

    @Test
    void badLimitsAreRefusedAsRedisDoes() {
        Jedis admin = jedis();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> admin.configSet("client-output-buffer-limit", "normal 1 2"))
                .hasMessageContaining("Wrong number of arguments in buffer limit configuration.");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> admin.configSet("client-output-buffer-limit", "bogus 1 2 3"))
                .hasMessageContaining("Invalid client class specified in buffer limit configuration.");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> admin.configSet("timeout", "-1"))
                .hasMessageContaining("argument must be between 0 and 2147483647 inclusive");
        assertThat(admin.configSet("client-output-buffer-limit", "pubsub 1mb 512kb 30")).isEqualTo("OK");
        assertThat(admin.configGet("client-output-buffer-limit")).containsEntry("client-output-buffer-limit",
                "normal 0 0 0 slave 268435456 67108864 60 pubsub 1048576 524288 30");
    }
}
