package io.brisk.command.string;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.GetExArgs;
import io.lettuce.core.KeyValue;
import io.lettuce.core.LcsArgs;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.SetArgs;
import io.lettuce.core.StringMatchResult;
import io.lettuce.core.api.sync.RedisCommands;
import io.brisk.testing.ServerTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.GetExParams;
import redis.clients.jedis.params.LCSParams;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.LCSMatchResult;

/** Every string command through Jedis (RESP2) and Lettuce (RESP3), errors included. */
class StringCommandsTest extends ServerTest {
    @Test
    void setWithPxExpiresAndGetexChangesTtl() {
        Jedis j = jedis();
        assertThat(j.set("k", "v", SetParams.setParams().px(100))).isEqualTo("OK");
        assertThat(j.get("k")).isEqualTo("v");
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> j.get("k") == null);

        RedisCommands<String, String> l = lettuce();
        l.set("e", "v", SetArgs.Builder.ex(100));
        assertThat(l.getex("e", GetExArgs.Builder.px(150))).isEqualTo("v");
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> l.get("e") == null);

        j.psetex("p", 100, "v");
        assertThat(j.get("p")).isEqualTo("v");
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> j.get("p") == null);

        j.set("x", "v", SetParams.setParams().px(200));
        assertThat(j.getEx("x", GetExParams.getExParams().persist())).isEqualTo("v");
        j.set("y", "v", SetParams.setParams().pxAt(System.currentTimeMillis() + 150));
        j.set("y", "w", SetParams.setParams().keepTtl());
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> j.get("y") == null);
        assertThat(j.get("x")).isEqualTo("v");
    }

    @Test
    void setOptionsOverLettuce() {
        RedisCommands<String, String> l = lettuce();
        assertThat(l.set("k", "1", SetArgs.Builder.nx())).isEqualTo("OK");
        assertThat(l.set("k", "2", SetArgs.Builder.nx())).isNull();
        assertThat(l.set("k", "3", SetArgs.Builder.xx())).isEqualTo("OK");
        assertThat(l.setGet("k", "4")).isEqualTo("3");
        assertThat(l.setnx("k", "5")).isFalse();
        assertThat(l.setnx("n", "5")).isTrue();
        assertThat(l.setex("s", 100, "v")).isEqualTo("OK");
        assertThat(l.getset("s", "w")).isEqualTo("v");
        assertThat(l.getdel("s")).isEqualTo("w");
        assertThat(l.get("s")).isNull();
        assertThatThrownBy(() -> l.setex("s", 0, "v")).isInstanceOf(RedisCommandExecutionException.class)
                .hasMessage("ERR invalid expire time in 'setex' command");
        assertThatThrownBy(() -> l.set("k", "v", SetArgs.Builder.ex(-1))).hasMessage("ERR invalid expire time in 'set' command");
    }

    @Test
    void multiKeyCommands() {
        Jedis j = jedis();
        assertThat(j.mset("a", "1", "b", "2")).isEqualTo("OK");
        assertThat(j.mget("a", "b", "c")).containsExactly("1", "2", null);
        assertThat(j.msetnx("c", "3", "a", "9")).isZero();
        assertThat(j.msetnx("c", "3", "d", "4")).isOne();
        RedisCommands<String, String> l = lettuce();
        assertThat(l.mget("a", "c", "zz")).containsExactly(KeyValue.just("a", "1"), KeyValue.just("c", "3"), KeyValue.empty("zz"));
        assertThat(l.mset(Map.of("{t}x", "1", "{t}y", "2"))).isEqualTo("OK");
        assertThat(l.msetnx(Map.of("{t}x", "1", "{t}z", "2"))).isFalse();
        assertThat(RealRedis.call(j, "MSET", "a")).isEqualTo("!ERR wrong number of arguments for 'mset' command");
        assertThat(RealRedis.call(j, "MSET", "a", "1", "b")).isEqualTo("!ERR wrong number of arguments for 'mset' command");
    }

    @Test
    void countersAndOverflow() {
        Jedis j = jedis();
        assertThat(j.incr("n")).isEqualTo(1);
        assertThat(j.incrBy("n", 41)).isEqualTo(42);
        assertThat(j.decr("n")).isEqualTo(41);
        assertThat(j.decrBy("n", 50)).isEqualTo(-9);
        assertThat(j.get("n")).isEqualTo("-9");
        j.set("max", Long.toString(Long.MAX_VALUE));
        assertThatThrownBy(() -> j.incr("max")).hasMessage("ERR increment or decrement would overflow");
        j.set("min", Long.toString(Long.MIN_VALUE));
        assertThatThrownBy(() -> j.decr("min")).hasMessage("ERR increment or decrement would overflow");
        assertThat(j.incrBy("min", Long.MAX_VALUE)).isEqualTo(-1);
        assertThatThrownBy(() -> j.decrBy("n", Long.MIN_VALUE)).hasMessage("ERR decrement would overflow");
        j.set("s", "abc");
        assertThatThrownBy(() -> j.incr("s")).hasMessage("ERR value is not an integer or out of range");
        j.set("t", "5", SetParams.setParams().ex(1000));
        j.incr("t");
        assertThat((Long) StoreBackdoor.emulate(server(), new String[] {"TTL", "t"})).isBetween(990L, 1000L);

        RedisCommands<String, String> l = lettuce();
        assertThat(l.incr("ln")).isEqualTo(1);
        assertThat(l.incrby("ln", -11)).isEqualTo(-10);
        assertThat(l.decrby("ln", 5)).isEqualTo(-15);
        assertThat(l.incrbyfloat("f", 10.5)).isEqualTo(10.5);
        assertThat(l.incrbyfloat("f", 0.1)).isEqualTo(10.6);
        assertThat(l.get("f")).isEqualTo("10.6");
        assertThat(j.incrByFloat("f", 5.0e3)).isEqualTo(5010.6);
        assertThat(j.get("f")).isEqualTo("5010.60000000000000009");
        assertThatThrownBy(() -> l.incrbyfloat("s", 1)).hasMessage("ERR value is not a valid float");
        j.set("big", "1e308");
        assertThat(j.incrByFloat("big", 1e308)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(j.get("big")).startsWith("199999999999999999993371759311691291321120199694831134415594095989843");
    }

    @Test
    void wrongTypeIsReportedByEveryStringCommand() {
        Jedis j = jedis();
        j.set("s", "v");
        // A collection written directly so the test does not depend on the list family.
        StoreBackdoor.emulate(server(), new String[] {"RPUSH", "l", "x"});
        String wt = "WRONGTYPE Operation against a key holding the wrong kind of value";
        assertThatThrownBy(() -> j.get("l")).hasMessage(wt);
        assertThatThrownBy(() -> j.incr("l")).hasMessage(wt);
        assertThatThrownBy(() -> j.incrByFloat("l", 1)).hasMessage(wt);
        assertThatThrownBy(() -> j.append("l", "x")).hasMessage(wt);
        assertThatThrownBy(() -> j.strlen("l")).hasMessage(wt);
        assertThatThrownBy(() -> j.getrange("l", 0, 1)).hasMessage(wt);
        assertThatThrownBy(() -> j.setrange("l", 0, "x")).hasMessage(wt);
        assertThatThrownBy(() -> j.getSet("l", "x")).hasMessage(wt);
        assertThatThrownBy(() -> j.getDel("l")).hasMessage(wt);
        assertThatThrownBy(() -> j.getEx("l", GetExParams.getExParams().persist())).hasMessage(wt);
        assertThatThrownBy(() -> j.setGet("l", "x")).hasMessage(wt);
        assertThat(j.mget("l", "s")).containsExactly(null, "v");
        assertThat(j.msetnx("l", "x")).isZero();
        assertThat(j.setnx("l", "x")).isZero();
        assertThat(j.set("l", "now a string")).isEqualTo("OK");
        assertThat(j.get("l")).isEqualTo("now a string");
    }

    @Test
    void rangesAndAppend() {
        Jedis j = jedis();
        assertThat(j.append("a", "Hello")).isEqualTo(5);
        assertThat(j.append("a", " World")).isEqualTo(11);
        assertThat(j.strlen("a")).isEqualTo(11);
        assertThat(j.getrange("a", -5, -1)).isEqualTo("World");
        assertThat(j.substr("a", 0, 4)).isEqualTo("Hello");
        assertThat(j.setrange("a", 6, "Redis")).isEqualTo(11);
        assertThat(j.get("a")).isEqualTo("Hello Redis");
        assertThat(j.setrange("z", 3, "x")).isEqualTo(4);
        assertThat(j.get("z".getBytes())).containsExactly(0, 0, 0, 'x');
        assertThatThrownBy(() -> j.setrange("a", -1, "x")).hasMessage("ERR offset is out of range");
        assertThatThrownBy(() -> j.setrange("a", 512L * 1024 * 1024, "x"))
                .hasMessage("ERR string exceeds maximum allowed size (proto-max-bulk-len)");
        RedisCommands<String, String> l = lettuce();
        assertThat(l.append("b", "xy")).isEqualTo(2);
        assertThat(l.getrange("b", 0, -1)).isEqualTo("xy");
        assertThat(l.setrange("b", 1, "Z")).isEqualTo(2);
        assertThat(l.strlen("b")).isEqualTo(2);
        assertThat(l.getrange("nothing", 0, 10)).isEmpty();
    }

    @Test
    void appendPastTheLimitIsRefused() throws Exception {
        Jedis j = jedis();
        var config = server().context().config;
        config.set("proto-max-bulk-len", "1048576");
        try {
            j.set("k", "x".repeat(1024 * 1024 - 1));
            assertThat(j.append("k", "y")).isEqualTo(1024 * 1024);
            assertThatThrownBy(() -> j.append("k", "z")).hasMessage("ERR string exceeds maximum allowed size (proto-max-bulk-len)");
        } finally {
            config.set("proto-max-bulk-len", "536870912");
        }
    }

    @Test
    void valuesAreBinarySafeAndMayBeLarge() {
        Jedis j = jedis();
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) all[i] = (byte) i;
        byte[] key = {0, (byte) 0xff, '\r', '\n'};
        j.set(key, all);
        assertThat(j.get(key)).isEqualTo(all);
        assertThat(j.append(key, all)).isEqualTo(512);
        assertThat(j.getrange(key, 250, 260)).containsExactly(250, 251, 252, 253, 254, 255, 0, 1, 2, 3, 4);

        byte[] big = new byte[5 * 1024 * 1024 + 7];
        new Random(42).nextBytes(big);
        j.set("big".getBytes(), big);
        assertThat(j.get("big".getBytes())).isEqualTo(big);
        assertThat(j.strlen("big")).isEqualTo(big.length);
        assertThat(j.append("big".getBytes(), all)).isEqualTo(big.length + 256L);
        byte[] back = j.getrange("big".getBytes(), big.length - 2, big.length + 1);
        assertThat(back).containsExactly(big[big.length - 2], big[big.length - 1], 0, 1);
        RedisCommands<String, String> l = lettuce();
        assertThat(l.strlen("big")).isEqualTo(big.length + 256L);
    }

    @Test
    void lcsOverBothClients() {
        Jedis j = jedis();
        j.mset("key1", "ohmytext", "key2", "mynewtext");
        assertThat(j.lcs("key1", "key2", LCSParams.LCSParams()).getMatchString()).isEqualTo("mytext");
        assertThat(j.lcs("key1", "key2", LCSParams.LCSParams().len()).getLen()).isEqualTo(6);
        LCSMatchResult r = j.lcs("key1", "key2", LCSParams.LCSParams().idx().minMatchLen(4).withMatchLen());
        assertThat(r.getLen()).isEqualTo(6);
        assertThat(r.getMatches()).hasSize(1);
        assertThat(r.getMatches().get(0).getA().getStart()).isEqualTo(4);
        assertThat(r.getMatches().get(0).getMatchLen()).isEqualTo(4);
        RedisCommands<String, String> l = lettuce();
        StringMatchResult m = l.lcs(LcsArgs.Builder.keys("key1", "key2").withIdx());
        assertThat(m.getLen()).isEqualTo(6);
        List<StringMatchResult.MatchedPosition> pos = m.getMatches();
        assertThat(pos).hasSize(2);
        assertThat(pos.get(1).getA().getStart()).isEqualTo(2);
        assertThat(pos.get(1).getB().getEnd()).isEqualTo(1);
        assertThatThrownBy(() -> j.lcs("key1", "key2", LCSParams.LCSParams().len().idx()))
                .hasMessage("ERR If you want both the length and indexes, please just use IDX.");
    }

    @Test
    void arityAndSyntaxErrors() {
        Jedis j = jedis();
        assertThat(RealRedis.call(j, "GET")).isEqualTo("!ERR wrong number of arguments for 'get' command");
        assertThat(RealRedis.call(j, "INCRBY", "k")).isEqualTo("!ERR wrong number of arguments for 'incrby' command");
        assertThat(RealRedis.call(j, "SET", "k", "v", "EX")).isEqualTo("!ERR syntax error");
        assertThat(RealRedis.call(j, "SET", "k", "v", "NX", "XX")).isEqualTo("!ERR syntax error");
        assertThat(RealRedis.call(j, "GETEX", "k", "NX")).isEqualTo("!ERR syntax error");
        assertThat(RealRedis.call(j, "SETEX", "k", "x", "v")).isEqualTo("!ERR value is not an integer or out of range");
    }
}
