package io.brisk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** memcached's own command line flags map onto Brisk parameters. */
class MemcachedFlagsTest {

    @Test
    void memcachedStyleFlags() throws Exception {
        Config c = new Config();
        ConfigLoader.load(c, new String[] {"-p", "11311", "-U", "11312", "-m", "64", "-c", "500", "-I", "2m", "-t", "3"});
        assertThat(c.getInt("memcache-port")).isEqualTo(11311);
        assertThat(c.getInt("memcache-udp-port")).isEqualTo(11312);
        assertThat(c.getLong("maxmemory")).isEqualTo(64L * 1024 * 1024);
        assertThat(c.getInt("maxclients")).isEqualTo(500);
        assertThat(c.getLong("memcache-max-item-size")).isEqualTo(2L * 1024 * 1024);
        assertThat(c.getInt("event-loops")).isEqualTo(3);
    }

    @Test
    void mixedWithRedisStyleFlagsAndDefaults() throws Exception {
        Config c = new Config();
        assertThat(c.getInt("memcache-port")).isEqualTo(11211);
        assertThat(c.getInt("memcache-udp-port")).isZero(); // UDP is off unless asked for
        assertThat(c.getLong("memcache-max-item-size")).isEqualTo(1024L * 1024);
        ConfigLoader.load(c, new String[] {"--port", "7000", "-I", "512k", "--memcache-udp-port", "0", "-p", "0"});
        assertThat(c.getInt("port")).isEqualTo(7000);
        assertThat(c.getLong("memcache-max-item-size")).isEqualTo(512L * 1024);
        assertThat(c.getInt("memcache-port")).isZero();
        assertThatThrownBy(() -> ConfigLoader.load(new Config(), new String[] {"-p"})).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> ConfigLoader.load(new Config(), new String[] {"-p", "70000"})).isInstanceOf(ConfigException.class);
    }
}
