package io.brisk.command.zset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brisk.command.set.CollectionTest;
import io.lettuce.core.ZPopArgs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.SortedSetOption;
import redis.clients.jedis.resps.Tuple;

class ZSetPopCommandsTest extends CollectionTest {
    @Test
    void zpopminZpopmax() {
        Jedis j = jedis();
        j.zadd("z", Map.of("a", 1.0, "b", 2.0, "c", 3.0, "d", 4.0, "e", 5.0));
        assertThat(j.zpopmin("z")).isEqualTo(new Tuple("a", 1.0));
        assertThat(j.zpopmax("z")).isEqualTo(new Tuple("e", 5.0));
        assertThat(j.zpopmin("z", 2)).containsExactly(new Tuple("b", 2.0), new Tuple("c", 3.0));
        assertThat(j.zpopmin("z", 0)).isEmpty();
        assertThat(cmd(j, "ZPOPMAX", "z", "10")).isEqualTo(List.of("d", "4"));
        assertThat(object("z")).isNull();
        assertThat(j.zpopmin("z")).isNull();
        assertThat(j.zpopmax("z", 3)).isEmpty();
        assertThatThrownBy(() -> cmd(j, "ZPOPMIN", "z", "-1")).hasMessage("ERR value is out of range, must be positive");
        assertThatThrownBy(() -> cmd(j, "ZPOPMIN", "z", "1", "2")).hasMessage("ERR syntax error");
        j.set("s", "v");
        assertThatThrownBy(() -> j.zpopmin("s")).hasMessageStartingWith("WRONGTYPE");
    }

    @Test
    void zmpop() {
        Jedis j = jedis();
        j.zadd("z", Map.of("a", 1.0, "b", 2.0, "c", 3.0));
        assertThat(cmd(j, "ZMPOP", "2", "missing", "z", "MIN")).isEqualTo(List.of("z", List.of(List.of("a", "1"))));
        assertThat(cmd(j, "ZMPOP", "1", "z", "MAX", "COUNT", "5")).isEqualTo(List.of("z", List.of(List.of("c", "3"), List.of("b", "2"))));
        assertThat(object("z")).isNull();
        assertThat(cmd(j, "ZMPOP", "1", "z", "MIN")).isNull();
        assertThat(j.zmpop(SortedSetOption.MIN, "z")).isNull();
        assertThatThrownBy(() -> cmd(j, "ZMPOP", "0", "z", "MIN")).hasMessage("ERR numkeys should be greater than 0");
        assertThatThrownBy(() -> cmd(j, "ZMPOP", "3", "z", "MIN")).hasMessage("ERR syntax error");
        assertThatThrownBy(() -> cmd(j, "ZMPOP", "1", "z", "FOO")).hasMessage("ERR syntax error");
        assertThatThrownBy(() -> cmd(j, "ZMPOP", "1", "z", "MIN", "COUNT", "0")).hasMessage("ERR count should be greater than 0");
        assertThatThrownBy(() -> cmd(j, "ZMPOP", "1", "z", "MIN", "COUNT", "1", "COUNT", "2")).hasMessage("ERR syntax error");
        j.set("s", "v");
        assertThatThrownBy(() -> cmd(j, "ZMPOP", "1", "s", "MIN")).hasMessageStartingWith("WRONGTYPE");
    }

    @Test
    void overLettuce() {
        var l = lettuce();
        l.zadd("z", 1.0, "a", 2.0, "b", 3.0, "c");
        assertThat(l.zpopmin("z").getValue()).isEqualTo("a");
        assertThat(l.zpopmax("z", 1).get(0).getScore()).isEqualTo(3.0);
        var popped = l.zmpop(ZPopArgs.Builder.min(), "missing", "z");
        assertThat(popped.getKey()).isEqualTo("z");
        assertThat(popped.getValue().getValue()).isEqualTo("b");
        assertThat(l.zcard("z")).isZero();
    }
}
