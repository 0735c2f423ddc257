package io.brisk.command.zset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brisk.command.set.CollectionTest;
import io.lettuce.core.ZAddArgs;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.ZAddParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.Tuple;

class ZSetCommandsTest extends CollectionTest {
    private static final String WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";

    @Test
    void zaddReportsAddedAndChanged() {
        Jedis j = jedis();
        assertThat(j.zadd("z", Map.of("a", 1.0, "b", 2.0, "c", 3.0))).isEqualTo(3);
        assertThat(j.zadd("z", 5, "a")).isZero();
        assertThat(j.zscore("z", "a")).isEqualTo(5.0);
        assertThat(cmd(j, "ZADD", "z", "CH", "6", "a", "1", "b", "10", "d")).isEqualTo(3L);
        assertThat(cmd(j, "ZADD", "z", "CH", "6", "a", "1", "b")).isEqualTo(0L);
        assertThat(j.zcard("z")).isEqualTo(4);
    }

    @Test
    void zaddNxXxGtLt() {
        Jedis j = jedis();
        j.zadd("z", 5, "a");
        assertThat(j.zadd("z", 1, "a", ZAddParams.zAddParams().nx())).isZero();
        assertThat(j.zscore("z", "a")).isEqualTo(5.0);
        assertThat(j.zadd("z", 1, "new", ZAddParams.zAddParams().xx())).isZero();
        assertThat(j.zscore("z", "new")).isNull();
        assertThat(cmd(j, "ZADD", "z", "GT", "CH", "3", "a")).isEqualTo(0L);
        assertThat(cmd(j, "ZADD", "z", "GT", "CH", "7", "a")).isEqualTo(1L);
        assertThat(cmd(j, "ZADD", "z", "LT", "CH", "9", "a")).isEqualTo(0L);
        assertThat(cmd(j, "ZADD", "z", "LT", "CH", "2", "a")).isEqualTo(1L);
        assertThat(cmd(j, "ZADD", "z", "GT", "1", "fresh")).isEqualTo(1L); // GT only limits updates
        assertThat(j.zscore("z", "a")).isEqualTo(2.0);
        assertThat(cmd(j, "ZADD", "nokey", "XX", "1", "a")).isEqualTo(0L);
        assertThat(object("nokey")).isNull();
    }

    @Test
    void zaddErrors() {
        Jedis j = jedis();
        assertThatThrownBy(() -> cmd(j, "ZADD", "z", "NX", "XX", "1", "a")).hasMessage("ERR XX and NX options at the same time are not compatible");
        assertThatThrownBy(() -> cmd(j, "ZADD", "z", "GT", "LT", "1", "a")).hasMessage("ERR GT, LT, and/or NX options at the same time are not compatible");
        assertThatThrownBy(() -> cmd(j, "ZADD", "z", "NX", "GT", "1", "a")).hasMessage("ERR GT, LT, and/or NX options at the same time are not compatible");
        assertThatThrownBy(() -> cmd(j, "ZADD", "z", "1", "a", "2")).hasMessage("ERR syntax error");
        assertThatThrownBy(() -> cmd(j, "ZADD", "z", "NX", "1")).hasMessage("ERR syntax error");
        assertThatThrownBy(() -> cmd(j, "ZADD", "z", "x", "a")).hasMessage("ERR value is not a valid float");
        assertThatThrownBy(() -> cmd(j, "ZADD", "z", "nan", "a")).hasMessage("ERR value is not a valid float");
        assertThatThrownBy(() -> cmd(j, "ZADD", "z", "INCR", "1", "a", "2", "b")).hasMessage("ERR INCR option supports a single increment-element pair");
        assertThatThrownBy(() -> cmd(j, "ZADD", "z", "1")).hasMessage("ERR wrong number of arguments for 'zadd' command");
        assertThat(object("z")).isNull();
        j.set("s", "v");
        assertThatThrownBy(() -> cmd(j, "ZADD", "s", "1", "a")).hasMessage(WRONGTYPE);
    }

    @Test
    void zaddIncrAndZincrby() {
        Jedis j = jedis();
        assertThat(cmd(j, "ZADD", "z", "INCR", "2.5", "a")).isEqualTo("2.5");
        assertThat(cmd(j, "ZADD", "z", "INCR", "1", "a")).isEqualTo("3.5");
        assertThat(cmd(j, "ZADD", "z", "NX", "INCR", "1", "a")).isNull();
        assertThat(cmd(j, "ZADD", "z", "XX", "INCR", "1", "b")).isNull();
        assertThat(cmd(j, "ZADD", "z", "GT", "INCR", "-1", "a")).isNull();
        assertThat(j.zincrby("z", 1.5, "a")).isEqualTo(5.0);
        assertThat(j.zincrby("z", 2, "new")).isEqualTo(2.0);
        assertThat(j.zincrby("fresh", -3, "m")).isEqualTo(-3.0);
        assertThat(cmd(j, "ZADD", "z", "INCR", "+inf", "a")).isEqualTo("inf");
        assertThatThrownBy(() -> cmd(j, "ZADD", "z", "INCR", "-inf", "a")).hasMessage("ERR resulting score is not a number (NaN)");
        assertThatThrownBy(() -> j.zincrby("z", Double.NEGATIVE_INFINITY, "a")).hasMessage("ERR resulting score is not a number (NaN)");
        assertThat(j.zscore("z", "a")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThatThrownBy(() -> cmd(j, "ZINCRBY", "z", "x", "a")).hasMessage("ERR value is not a valid float");
    }

    @Test
    void zremZcardZscoreZmscore() {
        Jedis j = jedis();
        j.zadd("z", Map.of("a", 1.0, "b", 2.0));
        assertThat(j.zmscore("z", "a", "x", "b")).containsExactly(1.0, null, 2.0);
        assertThat(j.zmscore("missing", "a")).containsExactly((Double) null);
        assertThat(j.zscore("missing", "a")).isNull();
        assertThat(j.zrem("z", "a", "x")).isEqualTo(1);
        assertThat(j.zcard("z")).isEqualTo(1);
        assertThat(j.zrem("z", "b")).isEqualTo(1);
        assertThat(object("z")).isNull();
        assertThat(j.zcard("z")).isZero();
        assertThat(j.zrem("missing", "a")).isZero();
        j.set("s", "v");
        for (String[] c : List.of(new String[] {"ZREM", "s", "a"}, new String[] {"ZCARD", "s"}, new String[] {"ZSCORE", "s", "a"},
                new String[] {"ZMSCORE", "s", "a"}, new String[] {"ZRANK", "s", "a"}, new String[] {"ZINCRBY", "s", "1", "a"},
                new String[] {"ZRANDMEMBER", "s"}, new String[] {"ZSCAN", "s", "0"})) {
            assertThatThrownBy(() -> cmd(j, c)).as(c[0]).hasMessage(WRONGTYPE);
        }
    }

    @Test
    void zrankZrevrankWithScore() {
        Jedis j = jedis();
        j.zadd("z", Map.of("a", 1.0, "b", 2.0, "c", 3.0));
        assertThat(j.zrank("z", "a")).isZero();
        assertThat(j.zrank("z", "c")).isEqualTo(2);
        assertThat(j.zrevrank("z", "c")).isZero();
        assertThat(j.zrank("z", "x")).isNull();
        assertThat(j.zrank("missing", "x")).isNull();
        assertThat(cmd(j, "ZRANK", "z", "b", "WITHSCORE")).isEqualTo(List.of(1L, "2"));
        assertThat(cmd(j, "ZREVRANK", "z", "b", "withscore")).isEqualTo(List.of(1L, "2"));
        assertThat(cmd(j, "ZRANK", "z", "x", "WITHSCORE")).isNull();
        assertThatThrownBy(() -> cmd(j, "ZRANK", "z", "a", "foo")).hasMessage("ERR syntax error");
        assertThatThrownBy(() -> cmd(j, "ZRANK", "z", "a", "WITHSCORE", "x")).hasMessage("ERR syntax error");
    }

    @Test
    void zrandmember() {
        Jedis j = jedis();
        j.zadd("z", Map.of("a", 1.0, "b", 2.0, "c", 3.0));
        assertThat(j.zrandmember("z")).isIn("a", "b", "c");
        assertThat(j.zrandmember("z", 2)).hasSize(2).doesNotHaveDuplicates();
        assertThat(j.zrandmember("z", 5)).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(j.zrandmember("z", -6)).hasSize(6);
        List<Tuple> ws = j.zrandmemberWithScores("z", -4);
        assertThat(ws).hasSize(4).allSatisfy(t -> assertThat(t.getScore()).isEqualTo(t.getElement().charAt(0) - 'a' + 1.0));
        for (int i = 0; i < 300; i++) j.zadd("big", i, "m" + i);
        List<Tuple> few = j.zrandmemberWithScores("big", 10);
        assertThat(few).hasSize(10).doesNotHaveDuplicates()
                .allSatisfy(t -> assertThat(t.getScore()).isEqualTo(Double.parseDouble(t.getElement().substring(1))));
        assertThat(j.zrandmember("big", 200)).hasSize(200).doesNotHaveDuplicates();
        assertThat(j.zrandmember("missing")).isNull();
        assertThat(j.zrandmember("missing", 3)).isEmpty();
        assertThat(j.zrandmember("z", 0)).isEmpty();
        assertThatThrownBy(() -> cmd(j, "ZRANDMEMBER", "z", "1", "foo")).hasMessage("ERR syntax error");
        assertThatThrownBy(() -> cmd(j, "ZRANDMEMBER", "z", "x")).hasMessage("ERR value is not an integer or out of range");
    }

    @Test
    void zscan() {
        Jedis j = jedis();
        j.zadd("small", Map.of("a1", 0.5, "a2", 2.0, "b", 3.0));
        assertThat(cmd(j, "ZSCAN", "small", "0", "MATCH", "a*")).isEqualTo(List.of("0", List.of("a1", "0.5", "a2", "2")));
        for (int i = 0; i < 500; i++) j.zadd("big", i, "m" + i);
        Set<String> seen = new HashSet<>();
        String cursor = "0";
        do {
            ScanResult<Tuple> page = j.zscan("big", cursor, new ScanParams().count(20));
            page.getResult().forEach(t -> {
                assertThat(t.getScore()).isEqualTo(Double.parseDouble(t.getElement().substring(1)));
                seen.add(t.getElement());
            });
            cursor = page.getCursor();
        } while (!cursor.equals("0"));
        assertThat(seen).hasSize(500);
        assertThat(cmd(j, "ZSCAN", "missing", "0")).isEqualTo(List.of("0", List.of()));
        assertThatThrownBy(() -> cmd(j, "ZSCAN", "big", "-1")).hasMessage("ERR invalid cursor");
    }

    @Test
    void lettuceResp3ScoresAreDoubles() {
        var l = lettuce();
        assertThat(l.zadd("z", 1.5, "a")).isEqualTo(1);
        assertThat(l.zadd("z", ZAddArgs.Builder.nx(), 3, "b")).isEqualTo(1);
        assertThat(l.zaddincr("z", 2, "a")).isEqualTo(3.5);
        assertThat(l.zscore("z", "a")).isEqualTo(3.5);
        assertThat(l.zmscore("z", "a", "x")).containsExactly(3.5, null);
        assertThat(l.zincrby("z", 1, "b")).isEqualTo(4.0);
        assertThat(l.zrank("z", "b")).isEqualTo(1);
        assertThat(l.zrevrank("z", "b")).isZero();
        assertThat(l.zcard("z")).isEqualTo(2);
        assertThat(l.zrandmemberWithScores("z", 2)).hasSize(2);
        assertThat(l.zscan("z").getValues()).hasSize(2);
        assertThat(l.zrem("z", "a", "b")).isEqualTo(2);
        assertThat(l.zcard("z")).isZero();
    }

    @Test
    void expiredZsetIsGone() throws InterruptedException {
        Jedis j = jedis();
        j.zadd("z", 1, "a");
        expireIn("z", 30);
        Thread.sleep(60);
        assertThat(j.zcard("z")).isZero();
        assertThat(j.zscore("z", "a")).isNull();
        assertThat(j.zadd("z", 2, "b")).isEqualTo(1);
    }
}
