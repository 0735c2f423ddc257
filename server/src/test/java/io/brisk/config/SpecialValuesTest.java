package io.brisk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Multi-word parameters: checked and canonicalised as Redis 7.0.15 does (texts taken from it). */
class SpecialValuesTest {
    private static String set(Config c, String name, String value) throws ConfigException {
        c.setAll(List.of(name), List.of(value));
        return c.get(name);
    }

    private static void refused(String name, String value, String why) {
        assertThatThrownBy(() -> set(new Config(), name, value))
                .hasMessage("CONFIG SET failed (possibly related to argument '" + name + "') - " + why);
    }

    @Test
    void save() throws Exception {
        Config c = new Config();
        assertThat(set(c, "save", "900 1  300 10")).isEqualTo("900 1 300 10");
        assertThat(set(c, "save", "")).isEmpty();
        refused("save", "10", "Invalid save parameters");
        refused("save", "10 1 20", "Invalid save parameters");
        refused("save", "0 1", "Invalid save parameters");
    }

    @Test
    void clientOutputBufferLimitMergesByClass() throws Exception {
        Config c = new Config();
        assertThat(set(c, "client-output-buffer-limit", "normal 1mb 2mb 3"))
                .isEqualTo("normal 1048576 2097152 3 slave 268435456 67108864 60 pubsub 33554432 8388608 60");
        assertThat(set(c, "client-output-buffer-limit", "replica 1 2 3 pubsub 0 0 0"))
                .isEqualTo("normal 1048576 2097152 3 slave 1 2 3 pubsub 0 0 0");
        refused("client-output-buffer-limit", "normal 1 2", "Wrong number of arguments in buffer limit configuration.");
        refused("client-output-buffer-limit", "bogus 1 2 3", "Invalid client class specified in buffer limit configuration.");
        refused("client-output-buffer-limit", "normal x 2 3", "Error in hard, soft or soft_seconds setting in buffer limit configuration.");
    }

    @Test
    void keyspaceEvents() throws Exception {
        Config c = new Config();
        assertThat(set(c, "notify-keyspace-events", "KEA")).isEqualTo("AKE");
        assertThat(set(c, "notify-keyspace-events", "Ex$g")).isEqualTo("g$xE");
        assertThat(set(c, "notify-keyspace-events", "")).isEmpty();
        refused("notify-keyspace-events", "Q", "Invalid event class character. Use 'Ag$lshzxeKEtmdn'.");
    }

    @Test
    void othersAndProtectedAndImmutable() throws Exception {
        Config c = new Config();
        assertThat(set(c, "maxmemory-clients", "10%")).isEqualTo("10%");
        assertThat(set(c, "maxmemory-clients", "1kb")).isEqualTo("1024");
        refused("maxmemory-clients", "abc", "argument must be a memory or percent value");
        refused("oom-score-adj-values", "1 2", "wrong number of arguments");
        refused("oom-score-adj-values", "a b c", "Invalid oom-score-adj-values, elements must be between -2000 and 2000.");
        assertThat(set(c, "latency-tracking-info-percentiles", "50.5 99")).isEqualTo("50.5 99");
        refused("latency-tracking-info-percentiles", "50 200", "latency-tracking-info-percentiles parameters should sit between [0.0,100.0]");
        assertThat(set(c, "shutdown-on-sigint", "nosave now")).isEqualTo("nosave now");
        refused("shutdown-on-sigint", "bogus", "argument(s) must be one of the following: default, save, nosave, now, force");
        refused("dir", "/tmp", "can't set protected config");
        refused("dbfilename", "x.rdb", "can't set protected config");
        refused("replicaof", "no one", "can't set immutable config");
        assertThat(c.get("dir")).startsWith("/");
        c.setAll(List.of("dir"), List.of("/tmp"), true);
        assertThat(c.get("dir")).isEqualTo("/tmp");
        assertThatThrownBy(() -> c.setAll(List.of("dir"), List.of("/nonexistent-dir"), true))
                .hasMessage("CONFIG SET failed (possibly related to argument 'dir') - No such file or directory");
    }
}
