package io.brisk.command.memcache;

import static org.assertj.core.api.Assertions.assertThat;

import io.brisk.config.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** memcached writes obey maxmemory like RESP writes: evict under a policy, refuse under noeviction. */
class MemcacheEvictionTest extends MemcacheTestBase {
    private final Config config = server().context().config;

    @AfterEach
    void unlimited() throws Exception {
        config.set("maxmemory", "0");
        config.set("maxmemory-policy", "noeviction");
    }

    @Test
    void noevictionRefusesWritesWithMemcachedsError() throws Exception {
        try (Raw r = raw()) {
            assertThat(r.line("set kept 0 0 1\r\nv\r\n")).isEqualTo("STORED\r\n");
            config.set("maxmemory", "1");
            assertThat(r.line("set k 0 0 1\r\nv\r\n")).isEqualTo("SERVER_ERROR out of memory storing object\r\n");
            assertThat(r.line("ms k2 1\r\nv\r\n")).isEqualTo("SERVER_ERROR out of memory storing object\r\n");
            assertThat(r.line("mn\r\n")).isEqualTo("MN\r\n"); // the stream stayed in sync
        }
    }

    @Test
    void allkeysLruEvictsToStayUnderTheLimit() throws Exception {
        config.set("maxmemory", "2mb");
        config.set("maxmemory-policy", "allkeys-lru");
        String value = "x".repeat(300);
        try (Raw r = raw()) {
            for (int i = 0; i < 20_000; i++) {
                assertThat(r.line("set key:" + i + " 0 0 300\r\n" + value + "\r\n")).isEqualTo("STORED\r\n");
            }
        }
        var ks = server().context().keyspace;
        assertThat(ks.logicalMemory()).isLessThanOrEqualTo(2L * 1024 * 1024 + 1024);
        assertThat(ks.evictedKeys.sum()).isPositive();
    }
}
