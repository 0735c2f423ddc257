package io.brisk.command.zset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brisk.command.set.CollectionTest;
import io.lettuce.core.ZAggregateArgs;
import io.lettuce.core.ZStoreArgs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ZParams;

class ZSetStoreCommandsTest extends CollectionTest {
    private Jedis j;

    @BeforeEach
    void data() {
        j = jedis();
        j.zadd("u1", Map.of("a", 1.0, "b", 2.0, "c", 3.0));
        j.zadd("u2", Map.of("b", 10.0, "c", 20.0, "d", 30.0));
        j.sadd("set", "c", "d", "e");
    }

    @Test
    void unionWithWeightsAndAggregates() {
        assertThat(cmd(j, "ZUNION", "2", "u1", "u2", "WITHSCORES")).isEqualTo(List.of("a", "1", "b", "12", "c", "23", "d", "30"));
        assertThat(cmd(j, "ZUNION", "2", "u1", "u2", "WEIGHTS", "2", "3", "WITHSCORES"))
                .isEqualTo(List.of("a", "2", "b", "34", "c", "66", "d", "90"));
        assertThat(cmd(j, "ZUNION", "2", "u1", "u2", "AGGREGATE", "MAX", "WITHSCORES")).isEqualTo(List.of("a", "1", "b", "10", "c", "20", "d", "30"));
        assertThat(cmd(j, "ZUNION", "2", "u1", "u2", "AGGREGATE", "min", "WITHSCORES")).isEqualTo(List.of("a", "1", "b", "2", "c", "3", "d", "30"));
        assertThat(cmd(j, "ZUNION", "3", "u1", "u2", "set", "WITHSCORES")).isEqualTo(List.of("a", "1", "e", "1", "b", "12", "c", "24", "d", "31"));
        assertThat(cmd(j, "ZUNION", "2", "u1", "missing")).isEqualTo(List.of("a", "b", "c"));
    }

    @Test
    void interAndDiff() {
        assertThat(cmd(j, "ZINTER", "2", "u1", "u2", "WITHSCORES")).isEqualTo(List.of("b", "12", "c", "23"));
        assertThat(cmd(j, "ZINTER", "3", "u1", "u2", "set", "WITHSCORES")).isEqualTo(List.of("c", "24"));
        assertThat(cmd(j, "ZINTER", "2", "u1", "u2", "WEIGHTS", "1", "0", "AGGREGATE", "MAX", "WITHSCORES")).isEqualTo(List.of("b", "2", "c", "3"));
        assertThat(cmd(j, "ZINTER", "2", "u1", "missing")).isEqualTo(List.of());
        assertThat(cmd(j, "ZDIFF", "2", "u1", "u2", "WITHSCORES")).isEqualTo(List.of("a", "1"));
        assertThat(cmd(j, "ZDIFF", "3", "u1", "missing", "set")).isEqualTo(List.of("a", "b"));
        assertThat(cmd(j, "ZDIFF", "1", "missing")).isEqualTo(List.of());
    }

    @Test
    void storeForms() {
        j.set("out", "string");
        assertThat(j.zunionstore("out", "u1", "u2")).isEqualTo(4);
        assertThat(cmd(j, "ZRANGE", "out", "0", "-1", "WITHSCORES")).isEqualTo(List.of("a", "1", "b", "12", "c", "23", "d", "30"));
        assertThat(j.zinterstore("out", new ZParams().weights(2, 2), "u1", "u2")).isEqualTo(2);
        assertThat(cmd(j, "ZRANGE", "out", "0", "-1", "WITHSCORES")).isEqualTo(List.of("b", "24", "c", "46"));
        assertThat(j.zdiffstore("out", "u1", "u2")).isEqualTo(1);
        assertThat(j.zinterstore("out", "u1", "missing")).isZero();
        assertThat(object("out")).isNull();
        assertThat(j.zunionstore("u1", "u1", "set")).isEqualTo(5); // destination may be an input
        assertThat(j.zscore("u1", "c")).isEqualTo(4.0);
    }

    @Test
    void infinitiesNeverProduceNaN() {
        j.zadd("inf", Map.of("a", Double.NEGATIVE_INFINITY, "b", Double.POSITIVE_INFINITY));
        j.zadd("inf2", Map.of("a", Double.POSITIVE_INFINITY));
        assertThat(cmd(j, "ZUNION", "1", "inf", "WEIGHTS", "0", "WITHSCORES")).isEqualTo(List.of("a", "0", "b", "0"));
        assertThat(cmd(j, "ZUNION", "2", "inf", "inf2", "WITHSCORES")).isEqualTo(List.of("a", "0", "b", "inf"));
    }

    @Test
    void zintercard() {
        assertThat(j.zintercard("u1", "u2")).isEqualTo(2);
        assertThat(j.zintercard(1, "u1", "u2")).isEqualTo(1);
        assertThat(cmd(j, "ZINTERCARD", "2", "u1", "set")).isEqualTo(1L);
        assertThatThrownBy(() -> cmd(j, "ZINTERCARD", "0", "u1")).hasMessage("ERR at least 1 input key is needed for 'zintercard' command");
        assertThatThrownBy(() -> cmd(j, "ZINTERCARD", "3", "u1")).hasMessage("ERR syntax error");
        assertThatThrownBy(() -> cmd(j, "ZINTERCARD", "1", "u1", "LIMIT", "-1")).hasMessage("ERR LIMIT can't be negative");
    }

    @Test
    void errors() {
        assertThatThrownBy(() -> cmd(j, "ZUNIONSTORE", "d", "0", "u1")).hasMessage("ERR at least 1 input key is needed for 'zunionstore' command");
        assertThatThrownBy(() -> cmd(j, "ZUNION", "0", "u1")).hasMessage("ERR at least 1 input key is needed for 'zunion' command");
        assertThatThrownBy(() -> cmd(j, "ZUNION", "3", "u1", "u2")).hasMessage("ERR syntax error");
        assertThatThrownBy(() -> cmd(j, "ZUNION", "x", "u1")).hasMessage("ERR value is not an integer or out of range");
        assertThatThrownBy(() -> cmd(j, "ZINTERSTORE", "d", "1", "u1", "WEIGHTS", "1", "2")).hasMessage("ERR syntax error");
        assertThatThrownBy(() -> cmd(j, "ZUNION", "2", "u1", "u2", "WEIGHTS", "1", "x")).hasMessage("ERR weight value is not a float");
        assertThatThrownBy(() -> cmd(j, "ZUNION", "2", "u1", "u2", "WEIGHTS", "1")).hasMessage("ERR syntax error");
        assertThatThrownBy(() -> cmd(j, "ZUNION", "2", "u1", "u2", "AGGREGATE", "AVG")).hasMessage("ERR syntax error");
        assertThatThrownBy(() -> cmd(j, "ZUNIONSTORE", "d", "1", "u1", "WITHSCORES")).hasMessage("ERR syntax error");
        assertThatThrownBy(() -> cmd(j, "ZDIFF", "2", "u1", "u2", "WEIGHTS", "1", "1")).hasMessage("ERR syntax error");
        j.set("str", "v");
        assertThatThrownBy(() -> cmd(j, "ZUNION", "2", "u1", "str")).hasMessageStartingWith("WRONGTYPE");
        assertThatThrownBy(() -> cmd(j, "ZINTERSTORE", "d", "2", "missing", "str")).hasMessageStartingWith("WRONGTYPE");
    }

    @Test
    void overLettuce() {
        var l = lettuce();
        assertThat(l.zunion("u1", "u2")).containsExactly("a", "b", "c", "d");
        assertThat(l.zunionWithScores(ZAggregateArgs.Builder.max(), "u1", "u2").get(1).getScore()).isEqualTo(10.0);
        assertThat(l.zinter("u1", "u2")).containsExactly("b", "c");
        assertThat(l.zinterWithScores("u1", "u2").get(0).getScore()).isEqualTo(12.0);
        assertThat(l.zdiff("u1", "u2")).containsExactly("a");
        assertThat(l.zdiffWithScores("u1", "u2").get(0).getScore()).isEqualTo(1.0);
        assertThat(l.zunionstore("o", ZStoreArgs.Builder.weights(1, 2), "u1", "u2")).isEqualTo(4);
        assertThat(l.zscore("o", "b")).isEqualTo(22.0);
        assertThat(l.zinterstore("o", "u1", "u2")).isEqualTo(2);
        assertThat(l.zdiffstore("o", "u2", "u1")).isEqualTo(1);
        assertThat(l.zintercard("u1", "u2")).isEqualTo(2);
    }
}
