package io.brisk.command.string;

import static org.assertj.core.api.Assertions.assertThat;

import io.brisk.testing.ServerTest;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;

class SetGetTest extends ServerTest {
    @Test
    void setThenGetOverJedis() {
        Jedis j = jedis();
        assertThat(j.set("k", "v")).isEqualTo("OK");
        assertThat(j.get("k")).isEqualTo("v");
        assertThat(j.get("missing")).isNull();
    }

    @Test
    void nxAndXxDecideWhetherToWrite() {
        Jedis j = jedis();
        assertThat(j.set("k", "1", SetParams.setParams().xx())).isNull();
        assertThat(j.set("k", "1", SetParams.setParams().nx())).isEqualTo("OK");
        assertThat(j.set("k", "2", SetParams.setParams().nx())).isNull();
        assertThat(j.get("k")).isEqualTo("1");
    }

    @Test
    void lettuceSpeaksResp3() {
        var l = lettuce();
        l.set("a", "b");
        assertThat(l.get("a")).isEqualTo("b");
    }
}
