package io.brisk.command.zset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.brisk.command.set.CollectionTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

class ZSetBlockingTest extends CollectionTest {
    private CompletableFuture<Object> async(Jedis j, String... args) {
        // a thread of its own: the common pool may have a single worker on a 2-core machine
        return CompletableFuture.supplyAsync(() -> cmd(j, args), r -> new Thread(r, "blocked-client").start());
    }

    private static void awaitBlocked(int n) {
        await().atMost(Duration.ofSeconds(5)).until(() -> server().context().blocking.blockedClients() == n);
    }

    @Test
    void answersAtOnceWhenAMemberIsThere() {
        Jedis j = jedis();
        j.zadd("z", Map.of("a", 1.0, "b", 2.0));
        assertThat(cmd(j, "BZPOPMIN", "missing", "z", "0")).isEqualTo(List.of("z", "a", "1"));
        assertThat(cmd(j, "BZPOPMAX", "z", "0")).isEqualTo(List.of("z", "b", "2"));
        assertThat(object("z")).isNull();
        j.zadd("z", Map.of("a", 1.0, "b", 2.0, "c", 3.0));
        assertThat(cmd(j, "BZMPOP", "0", "2", "missing", "z", "MAX", "COUNT", "2"))
                .isEqualTo(List.of("z", List.of(List.of("c", "3"), List.of("b", "2"))));
    }

    @Test
    void timesOutWithANullReply() {
        Jedis j = jedis();
        long t0 = System.nanoTime();
        assertThat(cmd(j, "BZPOPMIN", "z", "0.1")).isNull();
        assertThat(cmd(j, "BZMPOP", "0.1", "1", "z", "MIN")).isNull();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isGreaterThanOrEqualTo(190);
        assertThat(cmd(j, "PING")).isEqualTo("PONG");
    }

    @Test
    void zaddWakesTheFirstWaiter() throws Exception {
        Jedis first = jedis(), second = jedis(), pusher = jedis();
        CompletableFuture<Object> f1 = async(first, "BZPOPMIN", "z", "other", "5");
        awaitBlocked(1);
        CompletableFuture<Object> f2 = async(second, "BZPOPMAX", "z", "5");
        awaitBlocked(2);
        assertThat(pusher.zadd("z", Map.of("a", 1.0, "b", 2.0))).isEqualTo(2);
        assertThat(f1.get(5, TimeUnit.SECONDS)).isEqualTo(List.of("z", "a", "1"));
        assertThat(f2.get(5, TimeUnit.SECONDS)).isEqualTo(List.of("z", "b", "2"));
        assertThat(object("z")).isNull();
        awaitBlocked(0);
    }

    @Test
    void bzmpopIsServedByZincrbyAndStoreCommands() throws Exception {
        Jedis waiter = jedis(), pusher = jedis();
        CompletableFuture<Object> f = async(waiter, "BZMPOP", "5", "2", "a", "b", "MIN", "COUNT", "10");
        awaitBlocked(1);
        pusher.zincrby("b", 2.5, "m");
        assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo(List.of("b", List.of(List.of("m", "2.5"))));
        pusher.zadd("src", Map.of("x", 1.0, "y", 2.0));
        CompletableFuture<Object> g = async(waiter, "BZPOPMIN", "dst", "5");
        awaitBlocked(1);
        pusher.zunionstore("dst", "src");
        assertThat(g.get(5, TimeUnit.SECONDS)).isEqualTo(List.of("dst", "x", "1"));
        assertThat(pusher.zrange("dst", 0, -1)).containsExactly("y");
    }

    @Test
    void errors() {
        Jedis j = jedis();
        j.set("s", "v");
        assertThatThrownBy(() -> cmd(j, "BZPOPMIN", "s", "0")).hasMessageStartingWith("WRONGTYPE");
        assertThatThrownBy(() -> cmd(j, "BZPOPMIN", "z", "x")).hasMessage("ERR timeout is not a float or out of range");
        assertThatThrownBy(() -> cmd(j, "BZPOPMIN", "z", "-1")).hasMessage("ERR timeout is negative");
        assertThatThrownBy(() -> cmd(j, "BZMPOP", "0", "0", "z", "MIN")).hasMessage("ERR numkeys should be greater than 0");
        assertThatThrownBy(() -> cmd(j, "BZMPOP", "0", "1", "z", "FOO")).hasMessage("ERR syntax error");
        assertThatThrownBy(() -> cmd(j, "BZMPOP", "0", "1", "s", "MIN")).hasMessageStartingWith("WRONGTYPE");
    }

    @Test
    void overLettuce() throws Exception {
        var waiter = lettuceAsyncClient();
        var l = lettuce();
        var f = waiter.bzpopmax(5, "z");
        awaitBlocked(1);
        l.zadd("z", 7.0, "m");
        var kv = f.get(5, TimeUnit.SECONDS);
        assertThat(kv.getKey()).isEqualTo("z");
        assertThat(kv.getValue().getValue()).isEqualTo("m");
        assertThat(kv.getValue().getScore()).isEqualTo(7.0);
    }

    private io.lettuce.core.api.async.RedisAsyncCommands<String, String> lettuceAsyncClient() {
        var c = lettuceClient().connect();
        extra.add(c);
        return c.async();
    }

    private final List<AutoCloseable> extra = new java.util.ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void closeExtra() throws Exception {
        for (AutoCloseable c : extra) c.close();
        extra.clear();
    }
}
