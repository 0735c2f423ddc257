package io.brisk.command.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brisk.command.Session;
import io.brisk.testing.RawClient;
import io.brisk.testing.RawClient.Err;
import io.brisk.testing.ServerTest;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/** CLIENT UNBLOCK across two real connections, as Redis 7 answers it. */
class ClientUnblockTest extends ServerTest {
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    /** Waits until the client with this id is blocked in a blocking command. */
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
    void timeoutGivesTheBlockedClientItsTimeoutReply() throws Exception {
        Jedis waiter = jedis();
        Jedis admin = jedis();
        long id = waiter.clientId();
        Future<List<String>> got = pool.submit(() -> waiter.blpop(0, "k"));
        awaitBlocked(id);
        assertThat(admin.clientUnblock(id)).isEqualTo(1);
        assertThat(got.get(5, TimeUnit.SECONDS)).isNull(); // BLPOP's timeout reply: a null array
        assertThat(admin.clientUnblock(id)).isEqualTo(0); // no longer blocked
        assertThat(waiter.ping()).isEqualTo("PONG"); // and it runs commands again
        admin.rpush("k", "v");
        assertThat(admin.llen("k")).isEqualTo(1); // the unblocked client took nothing
    }

    @Test
    void errorGivesTheBlockedClientTheUnblockedError() throws Exception {
        try (RawClient waiter = new RawClient(port()); RawClient admin = new RawClient(port())) {
            long id = (Long) waiter.call("CLIENT", "ID");
            waiter.send(RawClient.frame("BLPOP", "k", "0"));
            awaitBlocked(id);
            assertThat(admin.call("CLIENT", "UNBLOCK", Long.toString(id), "error")).isEqualTo(1L);
            assertThat(waiter.read()).isEqualTo(new Err("UNBLOCKED client unblocked via CLIENT UNBLOCK"));
            assertThat(waiter.call("PING")).isEqualTo("PONG");
        }
    }

    @Test
    void explicitTimeoutReasonAndLettuce() throws Exception {
        Jedis waiter = jedis();
        long id = waiter.clientId();
        Future<String> got = pool.submit(() -> waiter.blmove("src", "dst", redis.clients.jedis.args.ListDirection.LEFT,
                redis.clients.jedis.args.ListDirection.RIGHT, 0));
        awaitBlocked(id);
        assertThat(lettuce().clientUnblock(id, io.lettuce.core.UnblockType.TIMEOUT)).isEqualTo(1L);
        assertThat(got.get(5, TimeUnit.SECONDS)).isNull(); // BLMOVE's timeout reply: a null bulk
    }

    @Test
    void errorReasonReachesJedisAsAnException() throws Exception {
        Jedis waiter = jedis();
        long id = waiter.clientId();
        Future<List<String>> got = pool.submit(() -> waiter.brpop(0, "k"));
        awaitBlocked(id);
        assertThat(jedis().clientUnblock(id, redis.clients.jedis.args.UnblockType.ERROR)).isEqualTo(1);
        assertThatThrownBy(() -> got.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(JedisDataException.class)
                .cause().hasMessage("UNBLOCKED client unblocked via CLIENT UNBLOCK");
    }

    @Test
    void clientsThatAreNotBlockedAndBadArguments() throws Exception {
        try (RawClient c = new RawClient(port()); RawClient other = new RawClient(port())) {
            long otherId = (Long) other.call("CLIENT", "ID");
            long self = (Long) c.call("CLIENT", "ID");
            assertThat(c.call("CLIENT", "UNBLOCK", Long.toString(otherId))).isEqualTo(0L);
            assertThat(c.call("CLIENT", "UNBLOCK", Long.toString(self), "TIMEOUT")).isEqualTo(0L);
            assertThat(c.call("CLIENT", "UNBLOCK", "999999999")).isEqualTo(0L);
            assertThat(c.call("CLIENT", "UNBLOCK", "-1")).isEqualTo(0L);
            assertThat(c.call("CLIENT", "UNBLOCK", "abc")).isEqualTo(new Err("ERR value is not an integer or out of range"));
            assertThat(c.call("CLIENT", "UNBLOCK", "1", "foo")).isEqualTo(new Err("ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR"));
            assertThat(c.call("CLIENT", "UNBLOCK", "1", "TIMEOUT", "x"))
                    .isEqualTo(new Err("ERR unknown subcommand or wrong number of arguments for 'UNBLOCK'. Try CLIENT HELP."));
            assertThat(c.call("CLIENT", "UNBLOCK")).isEqualTo(new Err("ERR wrong number of arguments for 'client|unblock' command"));
            assertThat(c.call("CLIENT", "PAUSE", "10", "WRITE", "x"))
                    .isEqualTo(new Err("ERR unknown subcommand or wrong number of arguments for 'PAUSE'. Try CLIENT HELP."));
            @SuppressWarnings("unchecked")
            List<Object> help = (List<Object>) c.call("CLIENT", "HELP");
            int at = help.indexOf("UNBLOCK <clientid> [TIMEOUT|ERROR]");
            assertThat(at).isPositive();
            assertThat(help.get(at + 1)).isEqualTo("    Unblock the specified blocked client.");
        }
    }
}
