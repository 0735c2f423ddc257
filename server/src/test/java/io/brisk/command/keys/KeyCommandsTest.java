package io.brisk.command.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brisk.store.ValueType;
import io.lettuce.core.CopyArgs;
import io.lettuce.core.FlushMode;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** DEL UNLINK EXISTS TOUCH TYPE RENAME RENAMENX COPY MOVE DBSIZE FLUSHDB FLUSHALL SWAPDB. */
class KeyCommandsTest extends KeyTestSupport {

    @Test
    void delAndUnlinkCountEachKeyOnce() {
        Jedis j = jedis();
        j.set("a", "1");
        j.set("b", "2");
        j.set("{t}c", "3");
        assertThat(j.del("a", "a", "missing", "b")).isEqualTo(2);
        assertThat(j.unlink("{t}c", "{t}c")).isEqualTo(1);
        assertThat(j.exists("a", "b", "{t}c")).isZero();
        RedisCommands<String, String> l = lettuce();
        l.set("x", "1");
        l.set("y", "1");
        assertThat(l.del("x", "y", "z")).isEqualTo(2);
        l.set("x", "1");
        assertThat(l.unlink("x")).isEqualTo(1);
        assertThat(error(j, "del")).isEqualTo("ERR wrong number of arguments for 'del' command");
        assertThat(error(j, "unlink")).isEqualTo("ERR wrong number of arguments for 'unlink' command");
    }

    @Test
    void existsCountsRepeatsTouchCountsExisting() {
        Jedis j = jedis();
        j.set("a", "1");
        j.set("b", "1");
        assertThat(j.exists("a", "a", "b", "nope")).isEqualTo(3);
        assertThat(j.exists("a")).isTrue();
        assertThat(j.exists("nope")).isFalse();
        assertThat(j.touch("a", "b", "nope", "a")).isEqualTo(3);
        RedisCommands<String, String> l = lettuce();
        assertThat(l.exists("a", "b", "c")).isEqualTo(2);
        assertThat(l.touch("a", "c")).isEqualTo(1);
        assertThat(error(j, "exists")).isEqualTo("ERR wrong number of arguments for 'exists' command");
        assertThat(error(j, "touch")).isEqualTo("ERR wrong number of arguments for 'touch' command");
    }

    @Test
    void typeNamesEveryKind() {
        Jedis j = jedis();
        j.set("s", "v");
        plant(0, "l", ValueType.LIST, "listpack");
        plant(0, "h", ValueType.HASH, "listpack");
        plant(0, "z", ValueType.ZSET, "skiplist");
        plant(0, "st", ValueType.SET, "intset");
        assertThat(j.type("s")).isEqualTo("string");
        assertThat(j.type("l")).isEqualTo("list");
        assertThat(j.type("h")).isEqualTo("hash");
        assertThat(j.type("z")).isEqualTo("zset");
        assertThat(j.type("st")).isEqualTo("set");
        assertThat(j.type("missing")).isEqualTo("none");
        RedisCommands<String, String> l = lettuce();
        assertThat(l.type("s")).isEqualTo("string");
        assertThat(l.type("l")).isEqualTo("list");
        assertThat(l.type("missing")).isEqualTo("none");
        assertThat(error(j, "type")).isEqualTo("ERR wrong number of arguments for 'type' command");
        assertThat(error(j, "type", "a", "b")).isEqualTo("ERR wrong number of arguments for 'type' command");
    }

    @Test
    void renameMovesValueAndTtl() {
        Jedis j = jedis();
        j.set("a", "1");
        j.pexpire("a", 100_000);
        j.set("b", "old");
        assertThat(j.rename("a", "b")).isEqualTo("OK");
        assertThat(j.exists("a")).isFalse();
        assertThat(j.get("b")).isEqualTo("1");
        assertThat(j.pttl("b")).isBetween(90_000L, 100_000L);
        j.set("plain", "p");
        j.set("timed", "t", redis.clients.jedis.params.SetParams.setParams().ex(100));
        assertThat(j.rename("plain", "timed")).isEqualTo("OK");
        assertThat(j.ttl("timed")).isEqualTo(-1); // the target's TTL goes with its old value
        assertThat(j.get("timed")).isEqualTo("p");
        assertThat(j.rename("b", "b")).isEqualTo("OK");
        assertThat(j.get("b")).isEqualTo("1");
        assertThat(error(j, "rename", "nope", "x")).isEqualTo("ERR no such key");
        assertThat(error(j, "rename", "nope", "nope")).isEqualTo("ERR no such key");
        assertThat(error(j, "rename", "b")).isEqualTo("ERR wrong number of arguments for 'rename' command");
        // same slot (hash tag): the new key may grow the table under the old one
        for (int i = 0; i < 100; i++) j.set("{t}" + i, "v" + i);
        for (int i = 0; i < 100; i++) assertThat(j.rename("{t}" + i, "{t}new" + i)).isEqualTo("OK");
        for (int i = 0; i < 100; i++) {
            assertThat(j.get("{t}new" + i)).isEqualTo("v" + i);
            assertThat(j.exists("{t}" + i)).isFalse();
        }
        RedisCommands<String, String> l = lettuce();
        assertThat(l.rename("{t}new0", "c")).isEqualTo("OK");
        assertThat(l.get("c")).isEqualTo("v0");
        assertThatThrownBy(() -> l.rename("nope", "x")).isInstanceOf(RedisCommandExecutionException.class)
                .hasMessage("ERR no such key");
    }

    @Test
    void renameCarriesCollections() {
        Jedis j = jedis();
        plant(0, "src", ValueType.HASH, "listpack");
        var before = planted(0, "src");
        j.set("dst", "string");
        assertThat(j.rename("src", "dst")).isEqualTo("OK");
        assertThat(j.type("dst")).isEqualTo("hash");
        assertThat(planted(0, "dst")).isSameAs(before);
        assertThat(j.exists("src")).isFalse();
    }

    @Test
    void renamenxOnlyWhenTargetIsFree() {
        Jedis j = jedis();
        j.set("a", "1");
        j.set("b", "2");
        assertThat(j.renamenx("a", "b")).isZero();
        assertThat(j.get("a")).isEqualTo("1");
        assertThat(j.renamenx("a", "a")).isZero();
        assertThat(j.renamenx("a", "c")).isEqualTo(1);
        assertThat(j.get("c")).isEqualTo("1");
        assertThat(j.exists("a")).isFalse();
        assertThat(error(j, "renamenx", "nope", "x")).isEqualTo("ERR no such key");
        // an expired target counts as free
        j.set("{x}dead", "v", redis.clients.jedis.params.SetParams.setParams().px(1));
        j.set("{x}live", "v");
        sleep(20);
        assertThat(j.renamenx("{x}live", "{x}dead")).isEqualTo(1);
        assertThat(j.get("{x}dead")).isEqualTo("v");
        assertThat(j.exists("{x}live")).isFalse();
        RedisCommands<String, String> l = lettuce();
        l.set("p", "1");
        l.set("q", "2");
        assertThat(l.renamenx("p", "q")).isFalse();
        assertThat(l.renamenx("p", "r")).isTrue();
    }

    @Test
    void copyWithDbAndReplace() {
        Jedis j = jedis();
        j.set("a", "1");
        j.pexpire("a", 50_000);
        assertThat(j.copy("a", "b", false)).isTrue();
        assertThat(j.get("b")).isEqualTo("1");
        assertThat(j.pttl("b")).isBetween(40_000L, 50_000L);
        j.set("c", "other");
        assertThat(j.copy("a", "c", false)).isFalse();
        assertThat(j.get("c")).isEqualTo("other");
        assertThat(j.copy("a", "c", true)).isTrue();
        assertThat(j.get("c")).isEqualTo("1");
        assertThat(j.copy("missing", "d", true)).isFalse();
        assertThat(j.copy("a", "a", 1, false)).isTrue();
        j.select(1);
        assertThat(j.get("a")).isEqualTo("1");
        j.select(0);
        assertThat(error(j, "copy", "a", "a")).isEqualTo("ERR source and destination objects are the same");
        assertThat(error(j, "copy", "a", "a", "db", "0")).isEqualTo("ERR source and destination objects are the same");
        assertThat(error(j, "copy", "a", "b", "db", "x")).isEqualTo("ERR value is not an integer or out of range");
        assertThat(error(j, "copy", "a", "b", "db", "16")).isEqualTo("ERR DB index is out of range");
        assertThat(error(j, "copy", "a", "b", "db", "-3000000000")).isEqualTo("ERR value is out of range, value must between -2147483648 and 2147483647");
        assertThat(error(j, "copy", "a", "b", "db")).isEqualTo("ERR syntax error");
        assertThat(error(j, "copy", "a", "b", "foo")).isEqualTo("ERR syntax error");
        assertThat(error(j, "copy", "a")).isEqualTo("ERR wrong number of arguments for 'copy' command");
        RedisCommands<String, String> l = lettuce();
        assertThat(l.copy("a", "e")).isTrue();
        assertThat(l.copy("a", "e")).isFalse();
        assertThat(l.copy("a", "e", CopyArgs.Builder.destinationDb(2).replace(true))).isTrue();
        assertThat(l.copy("a", "e", CopyArgs.Builder.replace(true))).isTrue();
    }

    @Test
    void copyDeepCopiesCollections() {
        Jedis j = jedis();
        plant(0, "l", ValueType.LIST, "quicklist");
        assertThat(j.copy("l", "l2", false)).isTrue();
        assertThat(j.type("l2")).isEqualTo("list");
        assertThat(planted(0, "l2")).isNotSameAs(planted(0, "l")).isEqualTo(planted(0, "l"));
        assertThat(j.copy("l", "l", 3, false)).isTrue();
        assertThat(planted(3, "l")).isNotNull().isNotSameAs(planted(0, "l"));
    }

    @Test
    void moveBetweenDatabases() {
        Jedis j = jedis();
        j.set("a", "1");
        j.pexpire("a", 70_000);
        assertThat(j.move("a", 1)).isEqualTo(1);
        assertThat(j.exists("a")).isFalse();
        j.select(1);
        assertThat(j.get("a")).isEqualTo("1");
        assertThat(j.pttl("a")).isBetween(60_000L, 70_000L);
        j.set("b", "in1");
        j.select(0);
        j.set("b", "in0");
        assertThat(j.move("b", 1)).isZero();
        assertThat(j.get("b")).isEqualTo("in0");
        assertThat(j.move("missing", 1)).isZero();
        assertThat(error(j, "move", "b", "0")).isEqualTo("ERR source and destination objects are the same");
        assertThat(error(j, "move", "b", "x")).isEqualTo("ERR value is not an integer or out of range");
        assertThat(error(j, "move", "b", "16")).isEqualTo("ERR DB index is out of range");
        assertThat(error(j, "move", "b", "99999999999")).isEqualTo("ERR value is out of range, value must between -2147483648 and 2147483647");
        assertThat(error(j, "move", "b", "-1")).isEqualTo("ERR DB index is out of range");
        assertThat(error(j, "move", "b")).isEqualTo("ERR wrong number of arguments for 'move' command");
        plant(0, "h", ValueType.HASH, "hashtable");
        var o = planted(0, "h");
        RedisCommands<String, String> l = lettuce();
        assertThat(l.move("h", 5)).isTrue();
        assertThat(planted(5, "h")).isSameAs(o);
        assertThat(planted(0, "h")).isNull();
        assertThat(l.move("h", 5)).isFalse();
    }

    @Test
    void dbsizeFlushdbFlushall() {
        Jedis j = jedis();
        for (int i = 0; i < 50; i++) j.set("k" + i, "v");
        j.select(2);
        j.set("other", "v");
        assertThat(j.dbSize()).isEqualTo(1);
        j.select(0);
        assertThat(j.dbSize()).isEqualTo(50);
        assertThat(j.flushDB()).isEqualTo("OK");
        assertThat(j.dbSize()).isZero();
        j.select(2);
        assertThat(j.dbSize()).isEqualTo(1);
        assertThat(call(j, "flushdb", "async")).isEqualTo("OK");
        assertThat(j.dbSize()).isZero();
        j.set("x", "v");
        j.select(0);
        j.set("y", "v");
        assertThat(call(j, "flushall", "SYNC")).isEqualTo("OK");
        assertThat(j.dbSize()).isZero();
        j.select(2);
        assertThat(j.dbSize()).isZero();
        assertThat(error(j, "flushdb", "foo")).isEqualTo("ERR syntax error");
        assertThat(error(j, "flushdb", "sync", "async")).isEqualTo("ERR syntax error");
        assertThat(error(j, "flushall", "now")).isEqualTo("ERR syntax error");
        assertThat(error(j, "dbsize", "x")).isEqualTo("ERR wrong number of arguments for 'dbsize' command");
        RedisCommands<String, String> l = lettuce();
        l.set("a", "1");
        assertThat(l.dbsize()).isEqualTo(1);
        assertThat(l.flushdb(FlushMode.ASYNC)).isEqualTo("OK");
        assertThat(l.dbsize()).isZero();
        l.set("a", "1");
        assertThat(l.flushall()).isEqualTo("OK");
        assertThat(l.dbsize()).isZero();
    }

    @Test
    void swapdbExchangesContents() {
        Jedis j = jedis();
        j.set("a", "in0");
        j.select(1);
        j.set("b", "in1");
        Jedis other = jedis(); // stays on db 0 and sees the swap
        assertThat(j.swapDB(0, 1)).isEqualTo("OK");
        assertThat(j.get("a")).isEqualTo("in0");
        assertThat(j.exists("b")).isFalse();
        assertThat(other.get("b")).isEqualTo("in1");
        assertThat(other.exists("a")).isFalse();
        assertThat(j.swapDB(3, 3)).isEqualTo("OK");
        assertThat(error(j, "swapdb", "x", "0")).isEqualTo("ERR invalid first DB index");
        assertThat(error(j, "swapdb", "0", "x")).isEqualTo("ERR invalid second DB index");
        assertThat(error(j, "swapdb", "0", "16")).isEqualTo("ERR DB index is out of range");
        assertThat(error(j, "swapdb", "-1", "0")).isEqualTo("ERR DB index is out of range");
        assertThat(error(j, "swapdb", "0")).isEqualTo("ERR wrong number of arguments for 'swapdb' command");
        RedisCommands<String, String> l = lettuce();
        assertThat(l.swapdb(0, 1)).isEqualTo("OK"); // and back
        assertThat(l.get("a")).isEqualTo("in0");
        assertThat(l.get("b")).isNull();
        l.select(1);
        assertThat(l.get("b")).isEqualTo("in1");
    }

    /**
     * RENAME from several connections at once, across slots, while another walks the keyspace:
     * the dispatcher locks both keys' slots, so no value is lost or duplicated.
     */
    @Test
    void concurrentRenamesKeepEveryValue() throws Exception {
        Jedis setup = jedis();
        int n = 50;
        for (int i = 0; i < n; i++) setup.set("r:" + i + ":0", "value" + i);
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        for (int t = 0; t < 4; t++) {
            Jedis c = jedis();
            int first = t;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int round = 0; round < 200; round++) {
                        for (int i = first; i < n; i += 4) {
                            c.rename("r:" + i + ":" + round, "r:" + i + ":" + (round + 1)); // usually another slot
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        Jedis walker = jedis();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread walk = Thread.ofPlatform().start(() -> {
            try {
                while (!done.get()) {
                    // a walk is not atomic against multi-slot writes (one slot lock at a time, by design):
                    // a key renamed into a slot already counted is missed, out of one not yet counted is seen twice
                    assertThat(walker.dbSize()).isBetween(n - 25L, n + 25L);
                    walker.keys("r:*");
                    walker.randomKey();
                }
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        });
        for (Thread t : threads) t.join();
        done.set(true);
        walk.join();
        assertThat(failure.get()).isNull();
        assertThat(setup.dbSize()).isEqualTo(n);
        for (int i = 0; i < n; i++) assertThat(setup.get("r:" + i + ":200")).isEqualTo("value" + i);
    }

    @Test
    void readLookupsCountHitsAndMisses() {
        Jedis j = jedis();
        j.set("a", "1");
        var ctx = server().context();
        long hits = ctx.keyspaceHits.sum(), misses = ctx.keyspaceMisses.sum();
        j.exists("a", "b");
        j.type("a");
        j.ttl("zz");
        j.del("a"); // a write lookup: not counted
        assertThat(ctx.keyspaceHits.sum() - hits).isEqualTo(2);
        assertThat(ctx.keyspaceMisses.sum() - misses).isEqualTo(2);
    }

    @Test
    void keyCommandsWorkInPipelines() {
        Jedis j = jedis();
        var p = j.pipelined();
        for (int i = 0; i < 200; i++) p.set("p" + i, "v");
        for (int i = 0; i < 200; i += 2) p.del("p" + i);
        p.sync();
        assertThat(j.dbSize()).isEqualTo(100);
        assertThat(j.keys("p*")).hasSize(100);
        assertThat(List.of(j.type("p1"), j.type("p0"))).containsExactly("string", "none");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
