package io.brisk.command.set;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** SORT reads sets and sorted sets through store.Members, in every encoding. */
class SortOverSetsTest extends CollectionTest {
    @Test
    void sortsSetsOfEveryEncoding() {
        Jedis j = jedis();
        j.sadd("ints", "3", "1", "2");
        assertThat(encoding("ints")).isEqualTo("intset");
        assertThat(cmd(j, "SORT", "ints")).isEqualTo(List.of("1", "2", "3"));
        j.sadd("words", "b", "c", "a");
        assertThat(encoding("words")).isEqualTo("listpack");
        assertThat(cmd(j, "SORT", "words", "ALPHA", "DESC")).isEqualTo(List.of("c", "b", "a"));
        for (int i = 0; i < 200; i++) j.sadd("big", Integer.toString(i));
        j.sadd("big", "x".repeat(70));
        j.srem("big", "x".repeat(70));
        assertThat(encoding("big")).isEqualTo("hashtable");
        assertThat(cmd(j, "SORT", "big", "LIMIT", "0", "3")).isEqualTo(List.of("0", "1", "2"));
    }

    @Test
    void sortsSortedSetsAndKeepsScoreOrderWithoutSorting() {
        Jedis j = jedis();
        j.zadd("z", Map.of("c", 1.0, "a", 2.0, "b", 3.0));
        assertThat(cmd(j, "SORT", "z", "ALPHA")).isEqualTo(List.of("a", "b", "c"));
        assertThat(cmd(j, "SORT", "z", "BY", "nosort")).isEqualTo(List.of("c", "a", "b"));
        for (int i = 0; i < 200; i++) j.zadd("big", -i, "m" + i);
        assertThat(encoding("big")).isEqualTo("skiplist");
        assertThat(cmd(j, "SORT", "big", "BY", "nosort", "LIMIT", "0", "2")).isEqualTo(List.of("m199", "m198"));
    }
}
