package io.brisk.command.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brisk.command.blocking.RawClient;
import io.brisk.command.blocking.StoreProbe;
import io.brisk.store.CollectionLimits;
import io.brisk.testing.ServerTest;
import io.lettuce.core.LMPopArgs;
import io.lettuce.core.LMoveArgs;
import io.lettuce.core.LPosArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.ListDirection;
import redis.clients.jedis.args.ListPosition;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.LPosParams;

class ListCommandsTest extends ServerTest {
    private static final String WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";

    @Test
    void pushPopAndLength() {
        Jedis j = jedis();
        assertThat(j.lpush("l", "a", "b")).isEqualTo(2);
        assertThat(j.rpush("l", "c")).isEqualTo(3);
        assertThat(j.lrange("l", 0, -1)).containsExactly("b", "a", "c");
        assertThat(j.lpushx("nope", "x")).isZero();
        assertThat(j.rpushx("l", "d", "e")).isEqualTo(5);
        assertThat(j.llen("l")).isEqualTo(5);
        assertThat(j.llen("nope")).isZero();
        assertThat(j.lpop("l")).isEqualTo("b");
        assertThat(j.rpop("l")).isEqualTo("e");
        assertThat(j.lpop("l", 2)).containsExactly("a", "c");
        assertThat(j.rpop("l", 5)).containsExactly("d");
        assertThat(StoreProbe.exists(server().context(), "l")).isFalse(); // emptied list deletes the key
        assertThat(j.lpop("l")).isNull();
        assertThat(j.lpop("l", 2)).isNull();
    }

    @Test
    void popCountShapesAndErrors() throws Exception {
        Jedis j = jedis();
        j.rpush("l", "a");
        try (RawClient raw = new RawClient(port())) {
            assertThat(raw.call("LPOP", "nokey", "2")).isEqualTo("*-1\r\n");
            assertThat(raw.call("LPOP", "nokey")).isEqualTo("$-1\r\n");
            assertThat(raw.call("LPOP", "l", "0")).isEqualTo("*0\r\n");
            assertThat(raw.call("LPOP", "l", "-1")).isEqualTo("-ERR value is out of range, must be positive\r\n");
            assertThat(raw.call("LPOP", "l", "x")).isEqualTo("-ERR value is out of range, must be positive\r\n");
            assertThat(raw.call("RPOP", "l", "1", "2")).isEqualTo("-ERR syntax error\r\n");
            assertThat(raw.call("LPOP")).isEqualTo("-ERR wrong number of arguments for 'lpop' command\r\n");
            assertThat(raw.call("BRPOPLPUSH", "nokey", "dst", "0.01")).isEqualTo("*-1\r\n");
        }
    }

    @Test
    void wrongType() {
        Jedis j = jedis();
        j.set("s", "x");
        for (Runnable r : List.<Runnable>of(() -> j.lpush("s", "a"), () -> j.rpushx("s", "a"), () -> j.lpop("s"),
                () -> j.llen("s"), () -> j.lrange("s", 0, 1), () -> j.lindex("s", 0), () -> j.lset("s", 0, "a"),
                () -> j.lrem("s", 0, "a"), () -> j.ltrim("s", 0, 1), () -> j.lpos("s", "a"),
                () -> j.linsert("s", ListPosition.BEFORE, "a", "b"), () -> j.rpoplpush("s", "d"),
                () -> j.lmpop(ListDirection.LEFT, "s"), () -> j.blpop(1, "s"))) {
            assertThatThrownBy(r::run).isInstanceOf(JedisDataException.class).hasMessage(WRONGTYPE);
        }
        j.rpush("l", "a");
        assertThatThrownBy(() -> j.lmove("l", "s", ListDirection.LEFT, ListDirection.LEFT)).hasMessage(WRONGTYPE);
        assertThat(j.lrange("l", 0, -1)).containsExactly("a"); // nothing moved
    }

    @Test
    void rangeAndIndexWithNegativeAndOutOfRange() {
        Jedis j = jedis();
        j.rpush("l", "0", "1", "2", "3", "4");
        assertThat(j.lrange("l", -2, -1)).containsExactly("3", "4");
        assertThat(j.lrange("l", -100, 1)).containsExactly("0", "1");
        assertThat(j.lrange("l", 3, 100)).containsExactly("3", "4");
        assertThat(j.lrange("l", 4, 2)).isEmpty();
        assertThat(j.lrange("l", 5, 10)).isEmpty();
        assertThat(j.lrange("nokey", 0, -1)).isEmpty();
        assertThat(j.lindex("l", -1)).isEqualTo("4");
        assertThat(j.lindex("l", 5)).isNull();
        assertThat(j.lindex("l", -6)).isNull();
        assertThat(j.lindex("nokey", 0)).isNull();
        assertThatThrownBy(() -> j.sendCommand(redis.clients.jedis.Protocol.Command.LINDEX, "l", "x"))
                .hasMessage("ERR value is not an integer or out of range");
        assertThatThrownBy(() -> j.sendCommand(redis.clients.jedis.Protocol.Command.LRANGE, "l", "0", "y"))
                .hasMessage("ERR value is not an integer or out of range");
    }

    @Test
    void setInsertRemoveTrim() {
        Jedis j = jedis();
        j.rpush("l", "a", "b", "a", "c", "a");
        assertThat(j.lset("l", -1, "z")).isEqualTo("OK");
        assertThatThrownBy(() -> j.lset("l", 5, "x")).hasMessage("ERR index out of range");
        assertThatThrownBy(() -> j.lset("nokey", 0, "x")).hasMessage("ERR no such key");
        assertThat(j.linsert("l", ListPosition.BEFORE, "c", "B")).isEqualTo(6);
        assertThat(j.linsert("l", ListPosition.AFTER, "c", "C")).isEqualTo(7);
        assertThat(j.linsert("l", ListPosition.AFTER, "missing", "C")).isEqualTo(-1);
        assertThat(j.linsert("nokey", ListPosition.AFTER, "a", "C")).isZero();
        assertThatThrownBy(() -> j.sendCommand(redis.clients.jedis.Protocol.Command.LINSERT, "l", "middle", "a", "b"))
                .hasMessage("ERR syntax error");
        assertThat(j.lrange("l", 0, -1)).containsExactly("a", "b", "a", "B", "c", "C", "z");
        assertThat(j.lrem("l", -1, "a")).isEqualTo(1);
        assertThat(j.lrange("l", 0, -1)).containsExactly("a", "b", "B", "c", "C", "z");
        j.rpush("l", "a", "a");
        assertThat(j.lrem("l", 2, "a")).isEqualTo(2);
        assertThat(j.lrem("l", 0, "a")).isEqualTo(1);
        assertThat(j.lrem("nokey", 0, "a")).isZero();
        assertThat(j.ltrim("l", 1, -2)).isEqualTo("OK");
        assertThat(j.lrange("l", 0, -1)).containsExactly("B", "c", "C");
        assertThat(j.ltrim("l", 5, 10)).isEqualTo("OK");
        assertThat(StoreProbe.exists(server().context(), "l")).isFalse();
        j.rpush("l", "x");
        assertThat(j.lrem("l", 0, "x")).isEqualTo(1);
        assertThat(StoreProbe.exists(server().context(), "l")).isFalse();
    }

    @Test
    void lposOptions() {
        Jedis j = jedis();
        j.rpush("l", "a", "b", "c", "1", "2", "3", "c", "c");
        assertThat(j.lpos("l", "c")).isEqualTo(2);
        assertThat(j.lpos("l", "c", LPosParams.lPosParams().rank(2))).isEqualTo(6);
        assertThat(j.lpos("l", "c", LPosParams.lPosParams().rank(-1))).isEqualTo(7);
        assertThat(j.lpos("l", "c", LPosParams.lPosParams(), 0)).containsExactly(2L, 6L, 7L);
        assertThat(j.lpos("l", "c", LPosParams.lPosParams().rank(-1), 2)).containsExactly(7L, 6L);
        assertThat(j.lpos("l", "c", LPosParams.lPosParams().maxlen(3), 0)).containsExactly(2L);
        assertThat(j.lpos("l", "zz")).isNull();
        assertThat(j.lpos("nokey", "zz", LPosParams.lPosParams(), 1)).isEmpty();
        assertThatThrownBy(() -> j.lpos("l", "c", LPosParams.lPosParams().rank(0))).hasMessageStartingWith("ERR RANK can't be zero");
        assertThatThrownBy(() -> j.lpos("l", "c", LPosParams.lPosParams(), -1)).hasMessage("ERR COUNT can't be negative");
        assertThatThrownBy(() -> j.lpos("l", "c", LPosParams.lPosParams().maxlen(-1))).hasMessage("ERR MAXLEN can't be negative");
        RedisCommands<String, String> l = lettuce();
        assertThat(l.lpos("l", "c", LPosArgs.Builder.rank(-2))).isEqualTo(6);
        assertThat(l.lpos("l", "c", 2)).containsExactly(2L, 6L);
    }

    @Test
    void moveAndMpop() {
        Jedis j = jedis();
        j.rpush("a", "1", "2", "3");
        assertThat(j.lmove("a", "b", ListDirection.LEFT, ListDirection.RIGHT)).isEqualTo("1");
        assertThat(j.rpoplpush("a", "b")).isEqualTo("3");
        assertThat(j.lrange("b", 0, -1)).containsExactly("3", "1");
        assertThat(j.lmove("a", "a", ListDirection.LEFT, ListDirection.RIGHT)).isEqualTo("2"); // rotation of one
        assertThat(j.lmove("a", "b", ListDirection.RIGHT, ListDirection.LEFT)).isEqualTo("2");
        assertThat(StoreProbe.exists(server().context(), "a")).isFalse();
        assertThat(j.lmove("a", "b", ListDirection.RIGHT, ListDirection.LEFT)).isNull();
        assertThat(j.lmpop(ListDirection.LEFT, 5, "a", "b").getValue()).containsExactly("2", "3", "1");
        assertThat(j.lmpop(ListDirection.LEFT, "a", "b")).isNull();
        j.rpush("c", "x", "y");
        RedisCommands<String, String> l = lettuce();
        var kv = l.lmpop(LMPopArgs.Builder.right().count(1), "a", "c");
        assertThat(kv.getKey()).isEqualTo("c");
        assertThat(kv.getValue()).containsExactly("y");
        assertThat(l.lmove("c", "d", LMoveArgs.Builder.leftLeft())).isEqualTo("x");
        assertThatThrownBy(() -> j.sendCommand(redis.clients.jedis.Protocol.Command.LMPOP, "0", "a", "LEFT")).hasMessage("ERR numkeys should be greater than 0");
        assertThatThrownBy(() -> j.sendCommand(redis.clients.jedis.Protocol.Command.LMPOP, "3", "a", "LEFT")).hasMessage("ERR syntax error");
        assertThatThrownBy(() -> j.sendCommand(redis.clients.jedis.Protocol.Command.LMPOP, "1", "a", "UP")).hasMessage("ERR syntax error");
        assertThatThrownBy(() -> j.sendCommand(redis.clients.jedis.Protocol.Command.LMPOP, "1", "a", "LEFT", "COUNT", "0")).hasMessage("ERR count should be greater than 0");
        assertThatThrownBy(() -> j.sendCommand(redis.clients.jedis.Protocol.Command.LMOVE, "a", "b", "UP", "LEFT")).hasMessage("ERR syntax error");
    }

    @Test
    void lettuceBasics() {
        RedisCommands<String, String> l = lettuce();
        assertThat(l.rpush("l", "a", "b", "c")).isEqualTo(3);
        assertThat(l.lrange("l", 0, -1)).containsExactly("a", "b", "c");
        assertThat(l.lindex("l", -1)).isEqualTo("c");
        assertThat(l.lpop("l", 2)).containsExactly("a", "b");
        assertThat(l.rpop("l")).isEqualTo("c");
        assertThat(l.rpop("l")).isNull();
        assertThat(l.llen("l")).isZero();
    }

    @Test
    void expiryWorksAsForStrings() throws Exception {
        Jedis j = jedis();
        j.rpush("l", "a");
        StoreProbe.expireInMillis(server().context(), "l", 50); // EXPIRE belongs to another family
        assertThat(j.rpush("l", "b")).isEqualTo(2); // in-place change keeps the expiry
        Thread.sleep(120);
        assertThat(j.llen("l")).isZero();
        assertThat(j.lrange("l", 0, -1)).isEmpty();
    }

    @Test
    void bigListConvertsEncodingAndServesRanges() {
        Jedis j = jedis();
        String[] vals = new String[5000];
        for (int i = 0; i < vals.length; i++) vals[i] = "v" + i;
        j.rpush("big", vals);
        assertThat(encoding("big")).isEqualTo("quicklist");
        assertThat(j.lrange("big", 2500, 2502)).containsExactly("v2500", "v2501", "v2502");
        assertThat(j.lindex("big", -1)).isEqualTo("v4999");
        assertThat(j.lrange("big", 0, -1)).hasSize(5000).startsWith("v0", "v1");
        j.ltrim("big", 0, 9);
        assertThat(encoding("big")).isEqualTo("listpack");
        j.rpush("small", "a");
        assertThat(encoding("small")).isEqualTo("listpack");
        CollectionLimits.listMaxListpackSize = 2;
        try {
            j.rpush("small", "b", "c");
            assertThat(encoding("small")).isEqualTo("quicklist");
        } finally {
            CollectionLimits.listMaxListpackSize = -2;
        }
        assertThat(server().context().config.get("list-max-ziplist-size")).isEqualTo("-2");
    }

    @Test
    void encodingParametersAreLiveConfig() throws Exception {
        var config = server().context().config;
        try {
            config.set("list-max-ziplist-size", "4");
            config.set("hash-max-listpack-entries", "7");
            config.set("hash-max-ziplist-value", "9");
            assertThat(CollectionLimits.listMaxListpackSize).isEqualTo(4);
            assertThat(CollectionLimits.hashMaxListpackEntries).isEqualTo(7);
            assertThat(CollectionLimits.hashMaxListpackValue).isEqualTo(9);
        } finally {
            config.set("list-max-listpack-size", "-2");
            config.set("hash-max-listpack-entries", "128");
            config.set("hash-max-listpack-value", "64");
        }
        assertThat(CollectionLimits.listMaxListpackSize).isEqualTo(-2);
    }

    /** OBJECT ENCODING belongs to another helper; read StoredObject.encoding() directly. */
    private static String encoding(String key) {
        return StoreProbe.encoding(server().context(), key);
    }
}
