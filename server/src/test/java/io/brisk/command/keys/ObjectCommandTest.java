package io.brisk.command.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.brisk.store.ValueType;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** OBJECT ENCODING FREQ IDLETIME REFCOUNT HELP. */
class ObjectCommandTest extends KeyTestSupport {

    @Test
    void stringEncodings() {
        Jedis j = jedis();
        j.set("i", "12345");
        j.set("neg", "-9223372036854775808");
        j.set("lead0", "0123");
        j.set("big", "99999999999999999999");
        j.set("e", "x".repeat(44));
        j.set("r", "x".repeat(45));
        j.set("empty", "");
        assertThat(j.objectEncoding("i")).isEqualTo("int");
        assertThat(j.objectEncoding("neg")).isEqualTo("int");
        assertThat(j.objectEncoding("lead0")).isEqualTo("embstr");
        assertThat(j.objectEncoding("big")).isEqualTo("embstr");
        assertThat(j.objectEncoding("e")).isEqualTo("embstr");
        assertThat(j.objectEncoding("r")).isEqualTo("raw");
        assertThat(j.objectEncoding("empty")).isEqualTo("embstr");
        assertThat(j.objectEncoding("missing")).isNull();
        RedisCommands<String, String> l = lettuce();
        assertThat(l.objectEncoding("i")).isEqualTo("int");
        assertThat(l.objectEncoding("r")).isEqualTo("raw");
        assertThat(l.objectEncoding("missing")).isNull();
    }

    @Test
    void collectionsAnswerTheirOwnEncoding() {
        Jedis j = jedis();
        plant(0, "z", ValueType.ZSET, "skiplist");
        plant(0, "s", ValueType.SET, "intset");
        assertThat(j.objectEncoding("z")).isEqualTo("skiplist");
        assertThat(j.objectEncoding("s")).isEqualTo("intset");
    }

    @Test
    void refcountAndIdletime() throws InterruptedException {
        Jedis j = jedis();
        j.set("small", "100");
        j.set("s", "abc");
        assertThat(j.objectRefcount("small")).isEqualTo(Integer.MAX_VALUE);
        assertThat(j.objectRefcount("s")).isEqualTo(1);
        assertThat(j.objectRefcount("missing")).isNull();
        assertThat(j.objectIdletime("s")).isBetween(0L, 1L);
        assertThat(j.objectIdletime("missing")).isNull();
        Thread.sleep(2_100);
        long idle = j.objectIdletime("s");
        assertThat(idle).isBetween(2L, 5L);
        assertThat(j.objectIdletime("s")).isGreaterThanOrEqualTo(idle); // OBJECT itself does not touch
        RedisCommands<String, String> l = lettuce(); // connected before the access whose idle time is checked
        j.get("s");
        assertThat(j.objectIdletime("s")).isZero();
        assertThat(l.objectRefcount("s")).isEqualTo(1);
        assertThat(l.objectIdletime("s")).isBetween(0L, 1L);
        String err = error(j, "object", "freq", "s");
        assertThat(err).isEqualTo("ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please note that "
                + "when switching between policies at runtime LRU and LFU data will take some time to adjust.");
    }

    @Test
    void freqUnderAnLfuPolicy() throws Exception {
        Jedis j = jedis();
        j.set("k", "v");
        try {
            server().context().config.set("maxmemory-policy", "allkeys-lfu"); // CONFIG SET is another helper's
            long f0 = j.objectFreq("k");
            assertThat(f0).isEqualTo(5); // LFU_INIT_VAL for a new key
            j.get("k");
            assertThat(j.objectFreq("k")).isEqualTo(6); // the first increments are certain
            for (int i = 0; i < 200; i++) j.get("k");
            assertThat(j.objectFreq("k")).isGreaterThan(f0);
            assertThat(j.objectFreq("missing")).isNull();
            assertThat(lettuce().objectFreq("k")).isGreaterThan(f0);
            assertThat(error(j, "object", "idletime", "k")).isEqualTo("ERR An LFU maxmemory policy is selected, idle time not "
                    + "tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.");
        } finally {
            server().context().config.set("maxmemory-policy", "noeviction");
        }
    }

    /** Writes are accesses that keep the LFU counter (Redis's overwrite keeps the object's LFU data); COPY's copy starts anew. */
    @Test
    void writesKeepTheLfuCounter() throws Exception {
        Jedis j = jedis();
        try {
            server().context().config.set("maxmemory-policy", "allkeys-lfu");
            j.set("k", "v1");
            j.hset("h", "f", "v1");
            for (int i = 0; i < 300; i++) {
                j.get("k");
                j.hget("h", "f");
            }
            long k = j.objectFreq("k"), h = j.objectFreq("h");
            assertThat(k).isGreaterThan(8);
            assertThat(h).isGreaterThan(8);
            j.set("k", "v2");              // same length: rewritten in place
            assertThat(j.objectFreq("k")).isBetween(k, k + 1); // a write's lookup may bump it, as a read's
            j.set("k", "longer value");   // appended as a new version
            j.setex("k", 100, "v3");      // another layout
            j.expire("k", 200);
            j.persist("k");
            assertThat(j.objectFreq("k")).isBetween(k, k + 5);
            j.hset("h", "f", "v2");        // inline hash, same length: in place
            j.hset("h", "g", "new field"); // appended
            assertThat(j.objectFreq("h")).isBetween(h, h + 2);
            k = j.objectFreq("k");
            assertThat(j.rename("k", "renamed")).isEqualTo("OK");
            assertThat(j.objectFreq("renamed")).isEqualTo(k);
            assertThat(j.copy("renamed", "copied", false)).isTrue();
            assertThat(j.objectFreq("copied")).isEqualTo(5); // LFU_INIT_VAL
            assertThat(j.objectFreq("renamed")).isEqualTo(k);
        } finally {
            server().context().config.set("maxmemory-policy", "noeviction");
        }
    }

    @Test
    void helpAndErrors() {
        Jedis j = jedis();
        @SuppressWarnings("unchecked")
        List<String> help = (List<String>) call(j, "object", "help");
        assertThat(help.get(0)).isEqualTo("OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:");
        assertThat(help).hasSize(15).contains("ENCODING <key>", "FREQ <key>", "IDLETIME <key>", "REFCOUNT <key>", "HELP");
        assertThat(error(j, "object")).isEqualTo("ERR wrong number of arguments for 'object' command");
        assertThat(error(j, "object", "encoding")).isEqualTo("ERR wrong number of arguments for 'object|encoding' command");
        assertThat(error(j, "object", "freq")).isEqualTo("ERR wrong number of arguments for 'object|freq' command");
        assertThat(error(j, "object", "encoding", "a", "b")).isEqualTo("ERR wrong number of arguments for 'object|encoding' command");
        assertThat(error(j, "object", "help", "x")).isEqualTo("ERR wrong number of arguments for 'object|help' command");
        assertThat(error(j, "object", "foo", "k")).isEqualTo("ERR unknown subcommand 'foo'. Try OBJECT HELP.");
    }
}
