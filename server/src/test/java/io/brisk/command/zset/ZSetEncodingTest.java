package io.brisk.command.zset;

import static org.assertj.core.api.Assertions.assertThat;

import io.brisk.command.set.CollectionTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ZRangeParams;

/** listpack -> skiplist conversion (zset-max-listpack-entries/value and their ziplist aliases) and byte accounting. */
class ZSetEncodingTest extends CollectionTest {
    @AfterEach
    void defaults() {
        config("zset-max-listpack-entries", "128");
        config("zset-max-listpack-value", "64");
    }

    @Test
    void smallZsetsAreListpacksUntilAThresholdIsCrossed() {
        Jedis j = jedis();
        for (int i = 0; i < 128; i++) j.zadd("z", i, "m" + i);
        assertThat(encoding("z")).isEqualTo("listpack");
        j.zadd("z", 1000, "one-more");
        assertThat(encoding("z")).isEqualTo("skiplist");
        assertThat(j.zrank("z", "one-more")).isEqualTo(128);
        j.zremrangeByRank("z", 0, 100);
        assertThat(encoding("z")).isEqualTo("skiplist");
        j.zadd("long", 1, "x".repeat(65));
        assertThat(encoding("long")).isEqualTo("skiplist");
        j.zadd("edge", 1, "x".repeat(64));
        assertThat(encoding("edge")).isEqualTo("listpack");
        j.zincrby("edge", 1, "y".repeat(65));
        assertThat(encoding("edge")).isEqualTo("skiplist");
        Map<String, Double> many = new HashMap<>();
        for (int i = 0; i < 129; i++) many.put("k" + i, (double) i);
        j.zadd("many", many);
        assertThat(encoding("many")).isEqualTo("skiplist");
    }

    @Test
    void storeResultsTakeTheEncodingThatFits() {
        Jedis j = jedis();
        for (int i = 0; i < 300; i++) j.zadd("big", i, "m" + i);
        assertThat(j.zrangestore("small", "big", ZRangeParams.zrangeParams(0, 9))).isEqualTo(10);
        assertThat(encoding("small")).isEqualTo("listpack");
        assertThat(j.zunionstore("u", "big", "small")).isEqualTo(300);
        assertThat(encoding("u")).isEqualTo("skiplist");
        assertThat(j.zinterstore("i", "big", "small")).isEqualTo(10);
        assertThat(encoding("i")).isEqualTo("listpack");
    }

    @Test
    void aliasesAndConfigDriveTheThresholds() {
        Jedis j = jedis();
        config("zset-max-ziplist-entries", "2");
        assertThat(server().context().config.get("zset-max-listpack-entries")).isEqualTo("2");
        j.zadd("z", Map.of("a", 1.0, "b", 2.0));
        assertThat(encoding("z")).isEqualTo("listpack");
        j.zadd("z", 3, "c");
        assertThat(encoding("z")).isEqualTo("skiplist");
        config("zset-max-listpack-value", "3");
        j.zadd("v", 1, "abcd");
        assertThat(encoding("v")).isEqualTo("skiplist");
    }

    @Test
    void keyspaceBytesFollowEveryMutation() {
        Jedis j = jedis();
        long base = objectBytes();
        j.zadd("z", 1, "a");
        assertThat(objectBytes() - base).isEqualTo(object("z").estimatedBytes());
        for (int i = 0; i < 400; i++) j.zadd("z", i % 37, "member-" + i);
        j.zincrby("z", 5, "member-3");
        j.zadd("z", 99, "member-4");
        assertThat(encoding("z")).isEqualTo("skiplist");
        assertThat(objectBytes() - base).isEqualTo(object("z").estimatedBytes());
        j.zremrangeByScore("z", 0, 10);
        j.zrem("z", "member-399");
        j.zpopmin("z", 5);
        j.zremrangeByLex("z", "-", "[member-2");
        assertThat(objectBytes() - base).isEqualTo(object("z").estimatedBytes());
        j.zunionstore("u", "z", "z");
        assertThat(objectBytes() - base).isEqualTo(object("z").estimatedBytes() + object("u").estimatedBytes());
        j.zremrangeByRank("z", 0, -1);
        j.zpopmax("u", 10_000);
        assertThat(objectBytes()).isEqualTo(base);
    }
}
