package io.brisk.command.zset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brisk.command.set.CollectionTest;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ZRangeParams;
import redis.clients.jedis.resps.Tuple;

class ZSetRangeCommandsTest extends CollectionTest {
    private Jedis j;

    @BeforeEach
    void data() {
        j = jedis();
        j.zadd("z", Map.of("a", 1.0, "b", 2.0, "c", 3.0, "d", 4.0, "e", 5.0));
        j.zadd("l", Map.of("a", 0.0, "b", 0.0, "c", 0.0, "d", 0.0, "e", 0.0, "f", 0.0));
    }

    @Test
    void byRankWithNegativeAndOutOfRangeIndexes() {
        assertThat(j.zrange("z", 0, -1)).containsExactly("a", "b", "c", "d", "e");
        assertThat(j.zrange("z", -2, -1)).containsExactly("d", "e");
        assertThat(j.zrange("z", -100, 1)).containsExactly("a", "b");
        assertThat(j.zrange("z", 3, 100)).containsExactly("d", "e");
        assertThat(j.zrange("z", 5, 10)).isEmpty();
        assertThat(j.zrange("z", 2, 1)).isEmpty();
        assertThat(j.zrange("missing", 0, -1)).isEmpty();
        assertThat(j.zrevrange("z", 0, 1)).containsExactly("e", "d");
        assertThat(cmd(j, "ZRANGE", "z", "0", "1", "REV")).isEqualTo(List.of("e", "d"));
        assertThat(j.zrangeWithScores("z", 0, 0)).containsExactly(new Tuple("a", 1.0));
        assertThat(cmd(j, "ZREVRANGE", "z", "0", "0", "WITHSCORES")).isEqualTo(List.of("e", "5"));
    }

    @Test
    void byScoreWithExclusiveBoundsInfinitiesAndLimit() {
        assertThat(j.zrangeByScore("z", "-inf", "+inf")).containsExactly("a", "b", "c", "d", "e");
        assertThat(j.zrangeByScore("z", "(1", "(4")).containsExactly("b", "c");
        assertThat(j.zrangeByScore("z", "(1", "+inf", 1, 2)).containsExactly("c", "d");
        assertThat(j.zrangeByScore("z", "-inf", "+inf", 4, -1)).containsExactly("e");
        assertThat(j.zrangeByScore("z", "-inf", "+inf", -1, 2)).isEmpty();
        assertThat(j.zrangeByScore("z", "-inf", "+inf", 0, 0)).isEmpty();
        assertThat(j.zrangeByScore("z", "-inf", "+inf", 9, 2)).isEmpty();
        assertThat(j.zrangeByScore("z", 4, 2)).isEmpty();
        assertThat(j.zrevrangeByScore("z", "+inf", "(3")).containsExactly("e", "d");
        assertThat(j.zrevrangeByScore("z", "5", "1", 1, 2)).containsExactly("d", "c");
        assertThat(j.zrangeByScoreWithScores("z", 2, 3)).containsExactly(new Tuple("b", 2.0), new Tuple("c", 3.0));
        assertThat(j.zrange("z", ZRangeParams.zrangeByScoreParams(2, 4).rev())).isEmpty(); // REV reads max first
        assertThat(j.zrange("z", ZRangeParams.zrangeByScoreParams(4, 2).rev())).containsExactly("d", "c", "b");
        assertThat(j.zrange("z", ZRangeParams.zrangeByScoreParams(1, 5).limit(1, 2))).containsExactly("b", "c");
        assertThat(cmd(j, "ZRANGE", "z", "(", "2", "BYSCORE")).isEqualTo(List.of("a", "b")); // "(" alone reads as (0
    }

    @Test
    void byLex() {
        assertThat(j.zrangeByLex("l", "-", "+")).containsExactly("a", "b", "c", "d", "e", "f");
        assertThat(j.zrangeByLex("l", "[b", "(e")).containsExactly("b", "c", "d");
        assertThat(j.zrangeByLex("l", "(b", "[e", 1, 2)).containsExactly("d", "e");
        assertThat(j.zrevrangeByLex("l", "+", "-")).containsExactly("f", "e", "d", "c", "b", "a");
        assertThat(j.zrevrangeByLex("l", "[e", "(b")).containsExactly("e", "d", "c");
        assertThat(j.zrevrangeByLex("l", "(e", "[b", 0, 1)).containsExactly("d");
        assertThat(j.zrangeByLex("l", "+", "-")).isEmpty();
        assertThat(j.zrange("l", ZRangeParams.zrangeByLexParams("+", "[e").rev())).containsExactly("f", "e");
        assertThat(j.zlexcount("l", "-", "+")).isEqualTo(6);
        assertThat(j.zlexcount("l", "[b", "[d")).isEqualTo(3);
        assertThat(j.zlexcount("l", "(b", "(b")).isZero();
    }

    @Test
    void rangeErrors() {
        assertThatThrownBy(() -> cmd(j, "ZRANGE", "z", "x", "1")).hasMessage("ERR value is not an integer or out of range");
        assertThatThrownBy(() -> cmd(j, "ZRANGE", "z", "a", "b", "BYSCORE")).hasMessage("ERR min or max is not a float");
        assertThatThrownBy(() -> cmd(j, "ZRANGEBYSCORE", "z", "1", "nan")).hasMessage("ERR min or max is not a float");
        assertThatThrownBy(() -> cmd(j, "ZRANGE", "z", "a", "b", "BYLEX")).hasMessage("ERR min or max not valid string range item");
        assertThatThrownBy(() -> cmd(j, "ZLEXCOUNT", "z", "a", "[b")).hasMessage("ERR min or max not valid string range item");
        assertThatThrownBy(() -> cmd(j, "ZRANGE", "z", "0", "1", "LIMIT", "0", "1"))
                .hasMessage("ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX");
        assertThatThrownBy(() -> cmd(j, "ZRANGE", "z", "-", "+", "BYLEX", "WITHSCORES"))
                .hasMessage("ERR syntax error, WITHSCORES not supported in combination with BYLEX");
        assertThatThrownBy(() -> cmd(j, "ZRANGE", "z", "0", "1", "FOO")).hasMessage("ERR syntax error");
        assertThatThrownBy(() -> cmd(j, "ZRANGEBYSCORE", "z", "0", "1", "BYSCORE")).hasMessage("ERR syntax error");
        assertThatThrownBy(() -> cmd(j, "ZRANGEBYSCORE", "z", "0", "1", "LIMIT", "0")).hasMessage("ERR syntax error");
        assertThatThrownBy(() -> cmd(j, "ZRANGEBYSCORE", "z", "0", "1", "LIMIT", "x", "1")).hasMessage("ERR value is not an integer or out of range");
        assertThatThrownBy(() -> cmd(j, "ZREVRANGE", "z", "0", "1", "LIMIT", "0", "1"))
                .hasMessage("ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX");
        assertThatThrownBy(() -> cmd(j, "ZRANGESTORE", "d", "z", "0", "1", "WITHSCORES")).hasMessage("ERR syntax error");
        j.set("s", "v");
        assertThatThrownBy(() -> j.zrange("s", 0, 1)).hasMessageStartingWith("WRONGTYPE");
        assertThatThrownBy(() -> j.zcount("s", 0, 1)).hasMessageStartingWith("WRONGTYPE");
        assertThatThrownBy(() -> j.zremrangeByRank("s", 0, 1)).hasMessageStartingWith("WRONGTYPE");
    }

    @Test
    void zcount() {
        assertThat(j.zcount("z", "-inf", "+inf")).isEqualTo(5);
        assertThat(j.zcount("z", "(1", "3")).isEqualTo(2);
        assertThat(j.zcount("z", "3", "1")).isZero();
        assertThat(j.zcount("missing", "1", "3")).isZero();
        assertThatThrownBy(() -> cmd(j, "ZCOUNT", "z", "x", "1")).hasMessage("ERR min or max is not a float");
    }

    @Test
    void zrangestore() {
        j.set("dst", "was a string");
        assertThat(j.zrangestore("dst", "z", ZRangeParams.zrangeParams(0, 1))).isEqualTo(2);
        assertThat(j.zrangeWithScores("dst", 0, -1)).containsExactly(new Tuple("a", 1.0), new Tuple("b", 2.0));
        assertThat(j.zrangestore("dst", "z", ZRangeParams.zrangeByScoreParams(2, 5).rev())).isZero();
        assertThat(object("dst")).isNull();
        assertThat(j.zrangestore("dst", "z", ZRangeParams.zrangeByScoreParams(5, 2).rev().limit(0, 2))).isEqualTo(2);
        assertThat(j.zrange("dst", 0, -1)).containsExactly("d", "e");
        assertThat(j.zrangestore("dst", "l", ZRangeParams.zrangeByLexParams("[b", "[c"))).isEqualTo(2);
        assertThat(j.zrange("dst", 0, -1)).containsExactly("b", "c");
        assertThat(j.zrangestore("dst", "missing", ZRangeParams.zrangeParams(0, -1))).isZero();
        assertThat(object("dst")).isNull();
    }

    @Test
    void zremrangeByRankScoreLex() {
        assertThat(j.zremrangeByRank("z", 0, 0)).isEqualTo(1);
        assertThat(j.zremrangeByRank("z", -1, -1)).isEqualTo(1);
        assertThat(j.zrange("z", 0, -1)).containsExactly("b", "c", "d");
        assertThat(j.zremrangeByScore("z", "(2", "3")).isEqualTo(1);
        assertThat(j.zremrangeByScore("z", "10", "20")).isZero();
        assertThat(j.zrange("z", 0, -1)).containsExactly("b", "d");
        assertThat(j.zremrangeByLex("l", "[e", "+")).isEqualTo(2);
        assertThat(j.zremrangeByLex("l", "-", "(b")).isEqualTo(1);
        assertThat(j.zrange("l", 0, -1)).containsExactly("b", "c", "d");
        assertThat(j.zremrangeByRank("l", 0, -1)).isEqualTo(3);
        assertThat(object("l")).isNull();
        assertThat(j.zremrangeByScore("z", "-inf", "+inf")).isEqualTo(2);
        assertThat(object("z")).isNull();
        assertThat(j.zremrangeByRank("missing", 0, 1)).isZero();
        assertThatThrownBy(() -> cmd(j, "ZREMRANGEBYSCORE", "z", "x", "1")).hasMessage("ERR min or max is not a float");
        assertThatThrownBy(() -> cmd(j, "ZREMRANGEBYLEX", "z", "x", "[a")).hasMessage("ERR min or max not valid string range item");
        assertThatThrownBy(() -> cmd(j, "ZREMRANGEBYRANK", "z", "x", "1")).hasMessage("ERR value is not an integer or out of range");
    }

    @Test
    void infiniteScoresSortAtTheEnds() {
        j.zadd("inf", Map.of("lo", Double.NEGATIVE_INFINITY, "hi", Double.POSITIVE_INFINITY, "mid", 0.0));
        assertThat(cmd(j, "ZRANGE", "inf", "0", "-1", "WITHSCORES")).isEqualTo(List.of("lo", "-inf", "mid", "0", "hi", "inf"));
        assertThat(j.zrangeByScore("inf", "(-inf", "(+inf")).containsExactly("mid");
        assertThat(j.zcount("inf", "-inf", "-inf")).isEqualTo(1);
    }

    @Test
    void overLettuce() {
        var l = lettuce();
        assertThat(l.zrange("z", 0, 1)).containsExactly("a", "b");
        assertThat(l.zrangeWithScores("z", -1, -1).get(0).getScore()).isEqualTo(5.0);
        assertThat(l.zrangebyscore("z", Range.create(2, 4), Limit.create(1, 1))).containsExactly("c");
        assertThat(l.zrevrangebyscore("z", Range.create(2, 4))).containsExactly("d", "c", "b");
        assertThat(l.zrangebyscoreWithScores("z", Range.from(Range.Boundary.excluding(4), Range.Boundary.unbounded())))
                .hasSize(1).allSatisfy(sv -> assertThat(sv.getScore()).isEqualTo(5.0));
        assertThat(l.zrangebylex("l", Range.create("b", "d"))).containsExactly("b", "c", "d");
        assertThat(l.zrevrangebylex("l", Range.from(Range.Boundary.excluding("b"), Range.Boundary.unbounded()))).containsExactly("f", "e", "d", "c");
        assertThat(l.zcount("z", Range.create(2, 3))).isEqualTo(2);
        assertThat(l.zlexcount("l", Range.create("a", "c"))).isEqualTo(3);
        assertThat(l.zrangestore("dst", "z", Range.create(0L, 2L))).isEqualTo(3);
        assertThat(l.zremrangebyrank("dst", 0, 0)).isEqualTo(1);
        assertThat(l.zremrangebyscore("dst", Range.create(3, 3))).isEqualTo(1);
        assertThat(l.zremrangebylex("l", Range.create("a", "b"))).isEqualTo(2);
    }
}
