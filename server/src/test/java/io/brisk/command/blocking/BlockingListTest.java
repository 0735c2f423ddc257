package io.brisk.command.blocking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brisk.command.Session;
import io.brisk.testing.ServerTest;
import io.lettuce.core.KeyValue;
import io.lettuce.core.api.sync.RedisCommands;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.ListDirection;

class BlockingListTest extends ServerTest {
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private BlockingKeys blocking() {
        return server().context().blocking;
    }

    /** Waits until n clients are blocked (so arrival order is known). */
    private java.util.Set<Long> blockedIds() {
        return server().context().clients.all().stream().filter(Session::blocked).map(Session::id)
                .collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
    }

    private List<Long> newIds(java.util.Set<Long> before) {
        return blockedIds().stream().filter(id -> !before.contains(id)).sorted().toList();
    }

    private void awaitBlocked(int n) throws InterruptedException {
        long end = System.currentTimeMillis() + 5000;
        while (blocking().blockedClients() < n) {
            if (System.currentTimeMillis() > end) throw new AssertionError("only " + blocking().blockedClients() + " blocked");
            Thread.sleep(2);
        }
    }

    @Test
    void blpopIsServedByAPushFromAnotherConnection() throws Exception {
        for (int round = 0; round < 4; round++) { // new connections land on both event loops
            Jedis waiter = jedis();
            Jedis pusher = jedis();
            Future<List<String>> got = pool.submit(() -> waiter.blpop(0, "a", "k"));
            awaitBlocked(1);
            assertThat(pusher.rpush("k", "v1", "v2")).isEqualTo(2);
            assertThat(got.get(5, TimeUnit.SECONDS)).containsExactly("k", "v1");
            assertThat(pusher.lrange("k", 0, -1)).containsExactly("v2");
            pusher.ltrim("k", 1, 0);
            awaitBlocked(0);
        }
    }

    @Test
    void renameMoveAndCopyOfAListServeBlockedClients() throws Exception {
        Jedis waiter = jedis();
        Jedis other = jedis();
        Future<List<String>> got = pool.submit(() -> waiter.blpop(0, "dest"));
        awaitBlocked(1);
        other.rpush("src", "a", "b");
        assertThat(other.rename("src", "dest")).isEqualTo("OK");
        assertThat(got.get(5, TimeUnit.SECONDS)).containsExactly("dest", "a");

        got = pool.submit(() -> waiter.blpop(0, "copied"));
        awaitBlocked(1);
        assertThat(other.copy("dest", "copied", false)).isTrue();
        assertThat(got.get(5, TimeUnit.SECONDS)).containsExactly("copied", "b");

        Jedis inDb1 = jedis();
        inDb1.select(1);
        Future<List<String>> got1 = pool.submit(() -> inDb1.blpop(0, "moved"));
        awaitBlocked(1);
        other.rpush("moved", "m");
        assertThat(other.move("moved", 1)).isEqualTo(1);
        assertThat(got1.get(5, TimeUnit.SECONDS)).containsExactly("moved", "m");
        awaitBlocked(0);
    }

    @Test
    void immediateAnswerWhenDataIsThere() {
        Jedis j = jedis();
        j.rpush("b", "x", "y");
        assertThat(j.blpop(1, "a", "b")).containsExactly("b", "x");
        assertThat(j.brpop(1, "b")).containsExactly("b", "y");
        RedisCommands<String, String> l = lettuce();
        l.rpush("c", "1", "2", "3");
        KeyValue<String, List<String>> kv = l.blmpop(1, io.lettuce.core.LMPopArgs.Builder.left().count(2), "c");
        assertThat(kv.getValue()).containsExactly("1", "2");
        assertThat(l.blmove("c", "d", io.lettuce.core.LMoveArgs.Builder.rightLeft(), 1)).isEqualTo("3");
        assertThat(l.lrange("d", 0, -1)).containsExactly("3");
    }

    @Test
    void timesOutOnTime() throws Exception {
        Jedis j = jedis();
        long t0 = System.nanoTime();
        assertThat(j.blpop(0.2, "nokey")).isNull();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(ms).isBetween(150L, 2000L);
        try (RawClient raw = new RawClient(port())) {
            assertThat(raw.call("BLPOP", "nokey", "0.05")).isEqualTo("*-1\r\n");
            assertThat(raw.call("BLMOVE", "nokey", "d", "LEFT", "LEFT", "0.05")).isEqualTo("*-1\r\n");
            assertThat(raw.call("BLMPOP", "0.05", "1", "nokey", "LEFT")).isEqualTo("*-1\r\n");
            assertThat(raw.call("BLPOP", "k", "-1")).isEqualTo("-ERR timeout is negative\r\n");
            assertThat(raw.call("BLPOP", "k", "abc")).isEqualTo("-ERR timeout is not a float or out of range\r\n");
            assertThat(raw.call("BLPOP", "k", "inf")).isEqualTo("-ERR timeout is negative\r\n");
            assertThat(raw.call("BLMPOP", "0", "0", "k", "LEFT")).isEqualTo("-ERR numkeys should be greater than 0\r\n");
            assertThat(raw.call("BLMOVE", "a", "b", "UP", "LEFT", "0")).isEqualTo("-ERR syntax error\r\n");
            assertThat(raw.call("BLMPOP", "-1", "1", "k", "UP")).isEqualTo("-ERR syntax error\r\n");
            assertThat(raw.call("BLMOVE", "a", "b", "UP", "LEFT", "-1")).isEqualTo("-ERR syntax error\r\n");
        }
        awaitBlocked(0);
    }

    @Test
    void waitersAreServedInArrivalOrder() throws Exception {
        List<Future<List<String>>> got = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Jedis w = jedis();
            got.add(pool.submit(() -> w.brpop(5, "q")));
            awaitBlocked(i + 1);
        }
        Jedis p = jedis();
        p.rpush("q", "1", "2", "3", "4");
        // BRPOP pops from the tail: the first waiter gets the last element pushed
        assertThat(got.get(0).get(5, TimeUnit.SECONDS)).containsExactly("q", "4");
        assertThat(got.get(1).get(5, TimeUnit.SECONDS)).containsExactly("q", "3");
        assertThat(got.get(2).get(5, TimeUnit.SECONDS)).containsExactly("q", "2");
        assertThat(got.get(3).get(5, TimeUnit.SECONDS)).containsExactly("q", "1");
        assertThat(StoreProbe.exists(server().context(), "q")).isFalse();
    }

    @Test
    void blmoveAndBlmpopAreServed() throws Exception {
        Jedis w1 = jedis(), w2 = jedis(), p = jedis();
        Future<String> moved = pool.submit(() -> w1.blmove("src", "dst", ListDirection.LEFT, ListDirection.RIGHT, 0));
        awaitBlocked(1);
        Future<?> mp = pool.submit(() -> w2.blmpop(0, ListDirection.RIGHT, 2, "x", "y"));
        awaitBlocked(2);
        p.lpush("src", "e");
        assertThat(moved.get(5, TimeUnit.SECONDS)).isEqualTo("e");
        long end = System.currentTimeMillis() + 2000;
        while (p.llen("dst") == 0 && System.currentTimeMillis() < end) Thread.sleep(2);
        assertThat(p.lrange("dst", 0, -1)).containsExactly("e");
        p.rpush("y", "1", "2", "3");
        @SuppressWarnings("unchecked")
        var kv = (redis.clients.jedis.util.KeyValue<String, List<String>>) mp.get(5, TimeUnit.SECONDS);
        assertThat(kv.getKey()).isEqualTo("y");
        assertThat(kv.getValue()).containsExactly("3", "2");
        assertThat(p.lrange("y", 0, -1)).containsExactly("1");
    }

    @Test
    void blmoveIntoWrongTypeAnswersWrongTypeAndKeepsTheElement() throws Exception {
        Jedis w = jedis(), p = jedis();
        p.set("dst", "string");
        Future<String> moved = pool.submit(() -> w.brpoplpush("src", "dst", 0));
        awaitBlocked(1);
        p.rpush("src", "e");
        assertThatThrownBy(() -> moved.get(5, TimeUnit.SECONDS)).hasMessageContaining("WRONGTYPE");
        long end = System.currentTimeMillis() + 2000;
        while (p.llen("src") == 0 && System.currentTimeMillis() < end) Thread.sleep(2);
        assertThat(p.lrange("src", 0, -1)).containsExactly("e");
    }

    @Test
    void pipelinedCommandsWaitBehindABlockedOne() throws Exception {
        try (RawClient raw = new RawClient(port())) {
            raw.send("BLPOP", "k", "0");
            raw.send("PING");
            awaitBlocked(1);
            raw.timeout(200);
            assertThatThrownBy(raw::read).isInstanceOf(SocketTimeoutException.class);
            raw.timeout(5000);
            jedis().rpush("k", "v");
            assertThat(raw.read()).isEqualTo("*2\r\n$1\r\nk\r\n$1\r\nv\r\n");
            assertThat(raw.read()).isEqualTo("+PONG\r\n");
            assertThat(raw.call("PING")).isEqualTo("+PONG\r\n");
        }
    }

    @Test
    void clientUnblockEndsTheWait() throws Exception {
        try (RawClient a = new RawClient(port()); RawClient b = new RawClient(port())) {
            // only this test's clients: a blocked client of another test may not have gone yet
            java.util.Set<Long> before = blockedIds();
            a.send("BLPOP", "k", "0");
            awaitBlocked(before.size() + 1);
            long idA = newIds(before).get(0);
            before.add(idA);
            b.send("BLMOVE", "k", "d", "LEFT", "LEFT", "0");
            awaitBlocked(before.size() + 1);
            List<Long> ids = List.of(idA, newIds(before).get(0));
            assertThat(BlockingKeys.unblock(server().context(), ids.get(0), false)).isTrue();
            assertThat(a.read()).isEqualTo("*-1\r\n");
            assertThat(BlockingKeys.unblock(server().context(), ids.get(1), true)).isTrue();
            assertThat(b.read()).isEqualTo("-UNBLOCKED client unblocked via CLIENT UNBLOCK\r\n");
            assertThat(BlockingKeys.unblock(server().context(), ids.get(0), false)).isFalse();
            assertThat(a.call("PING")).isEqualTo("+PONG\r\n");
        }
        awaitBlocked(0);
    }

    @Test
    void disconnectedWaiterLosesNothing() throws Exception {
        RawClient gone = new RawClient(port());
        gone.send("BLPOP", "k", "0");
        awaitBlocked(1);
        gone.close();
        awaitBlocked(0);
        Jedis p = jedis();
        p.rpush("k", "v");
        assertThat(p.lrange("k", 0, -1)).containsExactly("v");
    }

    /** Waiters time out while pushes race them: every pushed element is received or still listed. */
    @Test
    void noElementIsLostWhenTimeoutsRacePushes() throws Exception {
        int waiters = 6, rounds = 30;
        List<Future<Integer>> results = new ArrayList<>();
        for (int w = 0; w < waiters; w++) {
            Jedis j = jedis();
            results.add(pool.submit(() -> {
                int got = 0;
                for (int r = 0; r < rounds; r++) if (j.blpop(0.01, "race") != null) got++;
                return got;
            }));
        }
        Jedis p = jedis();
        int pushed = 0;
        for (int i = 0; i < 300; i++) {
            p.rpush("race", "e" + i);
            pushed++;
            if (i % 10 == 0) Thread.sleep(1);
        }
        int received = 0;
        for (Future<Integer> f : results) received += f.get(30, TimeUnit.SECONDS);
        awaitBlocked(0);
        assertThat(received + p.llen("race")).isEqualTo(pushed);
    }

    @Test
    void lettuceBlpopAcrossConnections() throws Exception {
        RedisCommands<String, String> w = lettuce();
        RedisCommands<String, String> p = lettuce();
        CompletableFuture<KeyValue<String, String>> got = CompletableFuture.supplyAsync(() -> w.blpop(5, "lk"), pool);
        awaitBlocked(1);
        p.lpush("lk", "x");
        KeyValue<String, String> kv = got.get(5, TimeUnit.SECONDS);
        assertThat(kv.getKey()).isEqualTo("lk");
        assertThat(kv.getValue()).isEqualTo("x");
    }
}
