package io.brisk.command.set;

import static org.assertj.core.api.Assertions.assertThat;

import io.brisk.store.StoredObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** Redis 7.2's set encodings: intset -> listpack -> hashtable, and the keyspace's byte accounting. */
class SetEncodingTest extends CollectionTest {
    @AfterEach
    void defaults() {
        config("set-max-intset-entries", "512");
        config("set-max-listpack-entries", "128");
        config("set-max-listpack-value", "64");
    }

    @Test
    void integersStayAnIntsetUpToTheLimit() {
        Jedis j = jedis();
        for (int i = 0; i < 512; i++) j.sadd("s", Integer.toString(i * 7 - 100));
        assertThat(encoding("s")).isEqualTo("intset");
        j.sadd("s", "100000");
        assertThat(encoding("s")).isEqualTo("hashtable");
        assertThat(j.scard("s")).isEqualTo(513);
        assertThat(j.sismember("s", "-100")).isTrue();
    }

    @Test
    void aStringTurnsASmallIntsetIntoAListpack() {
        Jedis j = jedis();
        j.sadd("s", "1", "2", "3");
        assertThat(encoding("s")).isEqualTo("intset");
        assertThat(j.smembers("s")).containsExactly("1", "2", "3"); // ascending, like an intset
        j.sadd("s", "abc");
        assertThat(encoding("s")).isEqualTo("listpack");
        assertThat(j.smembers("s")).containsExactlyInAnyOrder("1", "2", "3", "abc");
        assertThat(j.sismember("s", "2")).isTrue();
        for (int i = 0; i < 124; i++) j.sadd("s", "m" + i);
        assertThat(j.scard("s")).isEqualTo(128);
        assertThat(encoding("s")).isEqualTo("listpack");
        j.sadd("s", "one-more");
        assertThat(encoding("s")).isEqualTo("hashtable");
        j.srem("s", "one-more", "abc");
        assertThat(encoding("s")).isEqualTo("hashtable"); // never converts back down
    }

    @Test
    void longMembersAndBigSaddsGoStraightToHashtable() {
        Jedis j = jedis();
        j.sadd("long", "x".repeat(65));
        assertThat(encoding("long")).isEqualTo("hashtable");
        j.sadd("short", "x".repeat(64));
        assertThat(encoding("short")).isEqualTo("listpack");
        j.sadd("short", "y".repeat(65));
        assertThat(encoding("short")).isEqualTo("hashtable");
        String[] many = new String[129];
        for (int i = 0; i < many.length; i++) many[i] = "m" + i;
        j.sadd("many", many);
        assertThat(encoding("many")).isEqualTo("hashtable");
        j.sadd("tiny", "a");
        j.sadd("tiny", many); // the size hint converts before adding
        assertThat(encoding("tiny")).isEqualTo("hashtable");
    }

    @Test
    void thresholdsComeFromTheConfig() {
        Jedis j = jedis();
        config("set-max-intset-entries", "4");
        config("set-max-listpack-entries", "2");
        j.sadd("s", "1", "2", "3", "4");
        assertThat(encoding("s")).isEqualTo("intset");
        j.sadd("s", "5");
        assertThat(encoding("s")).isEqualTo("hashtable");
        j.sadd("t", "a", "b");
        assertThat(encoding("t")).isEqualTo("listpack");
        j.sadd("t", "c");
        assertThat(encoding("t")).isEqualTo("hashtable");
        assertThat(server().context().config.get("set-max-listpack-value")).isEqualTo("64");
    }

    @Test
    void keyspaceBytesFollowEveryMutation() {
        Jedis j = jedis();
        long base = objectBytes();
        j.sadd("s", "1", "2");
        assertThat(objectBytes() - base).isEqualTo(object("s").estimatedBytes());
        j.sadd("s", "abc");
        for (int i = 0; i < 300; i++) j.sadd("s", "member-" + i);
        StoredObject o = object("s");
        assertThat(o.encoding()).isEqualTo("hashtable");
        assertThat(objectBytes() - base).isEqualTo(o.estimatedBytes());
        assertThat(o.estimatedBytes()).isGreaterThan(300L * 24);
        for (int i = 0; i < 250; i++) j.srem("s", "member-" + i);
        j.spop("s", 3);
        assertThat(objectBytes() - base).isEqualTo(object("s").estimatedBytes());
        j.sadd("t", "x");
        j.smove("s", "t", "abc");
        j.sunionstore("u", "s", "t");
        assertThat(objectBytes() - base).isEqualTo(object("s").estimatedBytes() + object("t").estimatedBytes() + object("u").estimatedBytes());
        j.spop("s", 1000);
        j.spop("t", 1000);
        j.spop("u", 1000);
        assertThat(objectBytes()).isEqualTo(base);
    }
}
