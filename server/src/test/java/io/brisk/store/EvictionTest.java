package io.brisk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brisk.config.Config;
import io.brisk.testing.ServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.exceptions.JedisDataException;

class EvictionTest extends ServerTest {
    private final Config config = server().context().config;

    @AfterEach
    void unlimited() throws Exception {
        config.set("maxmemory", "0");
        config.set("maxmemory-policy", "noeviction");
    }

    @Test
    void allkeysLruKeepsMemoryUnderTheLimitAndCountsEvictions() throws Exception {
        config.set("maxmemory", "4mb");
        config.set("maxmemory-policy", "allkeys-lru");
        Jedis j = jedis();
        String value = "x".repeat(200);
        Pipeline p = j.pipelined();
        for (int i = 0; i < 50_000; i++) p.set("key:" + i, value);
        p.sync();
        Keyspace ks = server().context().keyspace;
        assertThat(ks.logicalMemory()).isLessThanOrEqualTo(4L * 1024 * 1024 + 1024);
        assertThat(ks.evictedKeys.sum()).isPositive();
        assertThat(ks.keyCount(0)).isLessThan(50_000L).isPositive();
        // the most recently written keys survive an LRU policy
        assertThat(j.get("key:49999")).isEqualTo(value);
    }

    @Test
    void noevictionAnswersOomForWritesButStillServesReads() throws Exception {
        Jedis j = jedis();
        j.set("kept", "v");
        config.set("maxmemory", "1");
        config.set("maxmemory-policy", "noeviction");
        assertThatThrownBy(() -> j.set("k", "v")).isInstanceOf(JedisDataException.class)
                .hasMessageStartingWith("OOM command not allowed");
        assertThat(j.get("kept")).isEqualTo("v");
    }

    @Test
    void volatileTtlEvictsOnlyKeysWithATtl() throws Exception {
        Jedis j = jedis();
        for (int i = 0; i < 100; i++) j.set("persistent:" + i, "v");
        for (int i = 0; i < 2000; i++) j.set("temp:" + i, "x".repeat(100), redis.clients.jedis.params.SetParams.setParams().px(100_000 + i));
        config.set("maxmemory-policy", "volatile-ttl");
        config.set("maxmemory", Long.toString(server().context().keyspace.logicalMemory() - 50_000));
        j.set("trigger", "1");
        for (int i = 0; i < 100; i++) assertThat(j.get("persistent:" + i)).isEqualTo("v");
        // sampling, as in Redis: not strictly the soonest first, but only keys with a TTL go
        assertThat(server().context().keyspace.keyCount(0)).isLessThan(100 + 2000 + 1);
        assertThat(server().context().keyspace.evictedKeys.sum()).isPositive();
    }
}
