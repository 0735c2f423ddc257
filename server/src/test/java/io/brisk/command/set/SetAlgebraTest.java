package io.brisk.command.set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

class SetAlgebraTest extends CollectionTest {
    private Jedis j;

    @BeforeEach
    void data() {
        j = jedis();
        j.sadd("a", "1", "2", "3", "4", "x");
        j.sadd("b", "3", "4", "5", "x");
        j.sadd("c", "4", "x");
    }

    @Test
    void sinterSunionSdiff() {
        assertThat(j.sinter("a", "b", "c")).containsExactlyInAnyOrder("4", "x");
        assertThat(j.sinter("a")).containsExactlyInAnyOrder("1", "2", "3", "4", "x");
        assertThat(j.sinter("a", "missing")).isEmpty();
        assertThat(j.sunion("a", "b", "missing")).containsExactlyInAnyOrder("1", "2", "3", "4", "5", "x");
        assertThat(j.sdiff("a", "b", "c")).containsExactlyInAnyOrder("1", "2");
        assertThat(j.sdiff("a", "a")).isEmpty();
        assertThat(j.sdiff("missing", "a")).isEmpty();
        assertThat(j.sdiff("a", "missing")).hasSize(5);
    }

    @Test
    void storeFormsReplaceTheDestinationAndDeleteItWhenEmpty() {
        j.set("dst", "string");
        assertThat(j.sinterstore("dst", "a", "b")).isEqualTo(3);
        assertThat(j.smembers("dst")).containsExactlyInAnyOrder("3", "4", "x");
        assertThat(j.sunionstore("dst", "b", "c")).isEqualTo(4);
        assertThat(j.sdiffstore("dst", "a", "b")).isEqualTo(2);
        assertThat(j.smembers("dst")).containsExactlyInAnyOrder("1", "2");
        assertThat(encoding("dst")).isEqualTo("intset");
        assertThat(j.sinterstore("dst", "a", "missing")).isZero();
        assertThat(object("dst")).isNull();
        assertThat(j.sdiffstore("a", "a", "c")).isEqualTo(3); // destination may be a source
        assertThat(j.smembers("a")).containsExactlyInAnyOrder("1", "2", "3");
    }

    @Test
    void sintercardWithLimit() {
        assertThat(j.sintercard("a", "b")).isEqualTo(3);
        assertThat(j.sintercard(2, "a", "b")).isEqualTo(2);
        assertThat(cmd(j, "SINTERCARD", "2", "a", "b", "LIMIT", "0")).isEqualTo(3L);
        assertThat(cmd(j, "SINTERCARD", "1", "missing")).isEqualTo(0L);
        assertThatThrownBy(() -> cmd(j, "SINTERCARD", "0", "a")).hasMessage("ERR numkeys should be greater than 0");
        assertThatThrownBy(() -> cmd(j, "SINTERCARD", "3", "a")).hasMessage("ERR Number of keys can't be greater than number of args");
        assertThatThrownBy(() -> cmd(j, "SINTERCARD", "1", "a", "LIMIT", "-1")).hasMessage("ERR LIMIT can't be negative");
        assertThatThrownBy(() -> cmd(j, "SINTERCARD", "1", "a", "LIMIT")).hasMessage("ERR syntax error");
        assertThatThrownBy(() -> cmd(j, "SINTERCARD", "1", "a", "FOO", "1")).hasMessage("ERR syntax error");
    }

    @Test
    void anyWrongTypeInputIsAnError() {
        j.set("str", "v");
        assertThatThrownBy(() -> j.sinter("missing", "str")).hasMessageStartingWith("WRONGTYPE");
        assertThatThrownBy(() -> j.sunion("a", "str")).hasMessageStartingWith("WRONGTYPE");
        assertThatThrownBy(() -> j.sdiff("a", "str")).hasMessageStartingWith("WRONGTYPE");
        assertThatThrownBy(() -> j.sunionstore("d", "a", "str")).hasMessageStartingWith("WRONGTYPE");
        assertThatThrownBy(() -> cmd(j, "SINTERCARD", "2", "a", "str")).hasMessageStartingWith("WRONGTYPE");
    }

    @Test
    void overLettuce() {
        var l = lettuce();
        assertThat(l.sinter("a", "b", "c")).containsExactlyInAnyOrder("4", "x");
        assertThat(l.sunion("b", "c")).containsExactlyInAnyOrder("3", "4", "5", "x");
        assertThat(l.sdiff("a", "b")).containsExactlyInAnyOrder("1", "2");
        assertThat(l.sinterstore("d", "a", "c")).isEqualTo(2);
        assertThat(l.sunionstore("d", "a", "c")).isEqualTo(5);
        assertThat(l.sdiffstore("d", "b", "a")).isEqualTo(1);
        assertThat(l.sintercard(List.of("a", "b").toArray(new String[0]))).isEqualTo(3);
    }
}
