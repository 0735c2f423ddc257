package io.brisk.command.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brisk.command.blocking.StoreProbe;
import io.brisk.store.Members;
import io.brisk.store.StoredObject;
import io.brisk.store.ValueType;
import io.brisk.testing.ServerTest;
import io.brisk.util.Crc16;
import io.lettuce.core.SortArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.params.SortingParams;

class SortCommandsTest extends ServerTest {

    @Test
    void numericAlphaLimitDesc() {
        Jedis j = jedis();
        j.rpush("l", "3", "10", "1", "2.5", "-1");
        assertThat(j.sort("l")).containsExactly("-1", "1", "2.5", "3", "10");
        assertThat(j.sort("l", new SortingParams().desc())).containsExactly("10", "3", "2.5", "1", "-1");
        assertThat(j.sort("l", new SortingParams().alpha())).containsExactly("-1", "1", "10", "2.5", "3");
        assertThat(j.sort("l", new SortingParams().limit(1, 2))).containsExactly("1", "2.5");
        assertThat(j.sort("l", new SortingParams().limit(10, 2))).isEmpty();
        assertThat(j.sort("l", new SortingParams().limit(-5, -1))).hasSize(5);
        assertThat(j.sort("nokey")).isEmpty();
        j.rpush("words", "b", "a", "c");
        assertThatThrownBy(() -> j.sort("words")).hasMessage("ERR One or more scores can't be converted into double");
        assertThat(j.sortReadonly("words", new SortingParams().alpha().desc())).containsExactly("c", "b", "a");
    }

    @Test
    void byAndGetPatterns() {
        Jedis j = jedis();
        j.rpush("ids", "1", "2", "3");
        j.set("w_1", "30");
        j.set("w_2", "10");
        j.set("w_3", "20");
        j.hset("o_1", Map.of("name", "one", "rank", "3"));
        j.hset("o_2", Map.of("name", "two", "rank", "1"));
        j.hset("o_3", Map.of("name", "three"));
        assertThat(j.sort("ids", new SortingParams().by("w_*"))).containsExactly("2", "3", "1");
        assertThat(j.sort("ids", new SortingParams().by("o_*->rank"))).containsExactly("3", "2", "1");
        assertThat(j.sort("ids", new SortingParams().by("nosort"))).containsExactly("1", "2", "3");
        assertThat(j.sort("ids", new SortingParams().by("w_*").get("#", "o_*->name", "missing_*")))
                .containsExactly("2", "two", null, "3", "three", null, "1", "one", null);
        assertThat(j.sort("ids", new SortingParams().by("o_*->name").alpha())).containsExactly("1", "3", "2");
        assertThat(j.sort("ids", new SortingParams().get("fixedkey"))).containsExactly(null, null, null);
        RedisCommands<String, String> l = lettuce();
        assertThat(l.sort("ids", SortArgs.Builder.by("w_*").desc())).containsExactly("1", "3", "2");
        assertThat(l.sort("ids", SortArgs.Builder.get("o_*->name").limit(0, 1))).containsExactly("one");
    }

    @Test
    void storeReplacesTheDestination() {
        Jedis j = jedis();
        j.rpush("l", "2", "1", "3");
        j.set("dst", "string");
        assertThat(j.sort("l", new SortingParams().desc(), "dst")).isEqualTo(3);
        assertThat(j.lrange("dst", 0, -1)).containsExactly("3", "2", "1");
        assertThat(j.sort("l", new SortingParams().get("nothere_*"), "dst")).isEqualTo(3);
        assertThat(j.lrange("dst", 0, -1)).containsExactly("", "", "");
        assertThat(j.sort("nokey", "dst")).isZero();
        assertThat(StoreProbe.exists(server().context(), "dst")).isFalse();
        assertThat(j.sort("l", "l")).isEqualTo(3); // source and destination the same key
        assertThat(j.lrange("l", 0, -1)).containsExactly("1", "2", "3");
        assertThatThrownBy(() -> j.sendCommand(Protocol.Command.SORT_RO, "l", "STORE", "x")).hasMessage("ERR syntax error");
        assertThatThrownBy(() -> j.sendCommand(Protocol.Command.SORT, "l", "LIMIT", "1")).hasMessage("ERR syntax error");
        assertThatThrownBy(() -> j.sendCommand(Protocol.Command.SORT, "l", "LIMIT", "a", "1")).hasMessage("ERR value is not an integer or out of range");
        j.set("s", "x");
        assertThatThrownBy(() -> j.sort("s")).hasMessage("WRONGTYPE Operation against a key holding the wrong kind of value");
        j.hset("h", "f", "v");
        assertThatThrownBy(() -> j.sort("h")).hasMessage("WRONGTYPE Operation against a key holding the wrong kind of value");
    }

    @Test
    void storeWakesABlockedClient() throws Exception {
        Jedis w = jedis(), p = jedis();
        var f = java.util.concurrent.CompletableFuture.supplyAsync(() -> w.blpop(5, "dst"));
        long end = System.currentTimeMillis() + 5000;
        while (server().context().blocking.blockedClients() == 0 && System.currentTimeMillis() < end) Thread.sleep(2);
        p.rpush("l", "2", "1");
        assertThat(p.sort("l", "dst")).isEqualTo(2);
        assertThat(f.get(5, java.util.concurrent.TimeUnit.SECONDS)).containsExactly("dst", "1");
    }

    /** Sets and sorted sets come from another family: a stand-in that implements Members the same way. */
    private record FakeCollection(List<String> members) implements StoredObject, Members {
        public long estimatedBytes() { return 64; }
        public StoredObject deepCopy() { return this; }
        public String encoding() { return "listpack"; }
        public long memberCount() { return members.size(); }
        public void forEachMember(MemberVisitor v) {
            for (String m : members) v.member(m.getBytes(), 0, m.length());
        }
    }

    private void putFake(String key, ValueType type, List<String> members) {
        var ctx = server().context();
        int slot = Crc16.slot(MemorySegment.ofArray(key.getBytes()), 0, key.length());
        ctx.keyspace.locks().lock(slot);
        try {
            ctx.keyspace.db(0).putObject(key.getBytes(), type, new FakeCollection(members), 0, new io.brisk.store.EntryRef());
        } finally {
            ctx.keyspace.locks().unlock(slot);
        }
    }

    @Test
    void setsAndSortedSetsThroughMembers() {
        Jedis j = jedis();
        putFake("set", ValueType.SET, List.of("c", "a", "b"));
        putFake("zset", ValueType.ZSET, List.of("low", "mid", "high")); // score order
        assertThat(j.sort("set", new SortingParams().alpha())).containsExactly("a", "b", "c");
        assertThat(j.sort("set", new SortingParams().by("nosort"), "dst")).isEqualTo(3);
        assertThat(j.lrange("dst", 0, -1)).containsExactly("a", "b", "c"); // a stored set is sorted anyway
        assertThat(j.sort("zset", new SortingParams().by("nosort"))).containsExactly("low", "mid", "high");
        assertThat(j.sort("zset", new SortingParams().by("nosort").desc().limit(0, 2))).containsExactly("high", "mid");
    }
}
