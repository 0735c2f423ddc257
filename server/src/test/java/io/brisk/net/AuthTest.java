package io.brisk.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brisk.testing.RawClient;
import io.brisk.testing.RawClient.Err;
import io.brisk.testing.ServerTest;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** requirepass: NOAUTH before AUTH, WRONGPASS, HELLO AUTH, RESET de-authenticates. */
class AuthTest extends ServerTest {

    @Test
    void requirepass() throws Exception {
        try (RawClient admin = new RawClient(port())) {
            assertThat(admin.call("CONFIG", "SET", "requirepass", "s3cret")).isEqualTo("OK");
            try {
                try (RawClient c = new RawClient(port())) {
                    assertThat(c.call("GET", "k")).isEqualTo(new Err("NOAUTH Authentication required."));
                    assertThat(c.call("PING")).isEqualTo(new Err("NOAUTH Authentication required."));
                    assertThat(c.call("HELLO", "3")).asString().startsWith("Err[message=NOAUTH HELLO must be called with the client already authenticated");
                    assertThat(c.call("AUTH", "wrong")).isEqualTo(new Err("WRONGPASS invalid username-password pair or user is disabled."));
                    assertThat(c.call("AUTH", "default", "wrong")).isEqualTo(new Err("WRONGPASS invalid username-password pair or user is disabled."));
                    assertThat(c.call("AUTH", "s3cret")).isEqualTo("OK");
                    assertThat(c.call("PING")).isEqualTo("PONG");
                    assertThat(c.call("RESET")).isEqualTo("RESET");
                    assertThat(c.call("GET", "k")).isEqualTo(new Err("NOAUTH Authentication required."));
                    assertThat(RawClient.list(c.call("HELLO", "2", "AUTH", "default", "s3cret"))).contains("proto", 2L);
                    assertThat(c.call("GET", "k")).isNull();
                }
                Jedis j = jedis();
                assertThatThrownBy(j::ping).hasMessageContaining("NOAUTH");
                assertThat(j.auth("s3cret")).isEqualTo("OK");
                assertThat(j.ping()).isEqualTo("PONG");
                try (RawClient q = new RawClient(port())) {
                    assertThat(q.call("QUIT")).isEqualTo("OK"); // QUIT needs no auth
                }
            } finally {
                admin.call("CONFIG", "SET", "requirepass", "");
            }
        }
    }

    @Test
    void clearingRequirepassLetsWaitingClientsIn() throws Exception {
        try (RawClient admin = new RawClient(port())) {
            assertThat(admin.call("CONFIG", "SET", "requirepass", "pw")).isEqualTo("OK");
            try (RawClient c = new RawClient(port())) {
                assertThat(c.call("PING")).isEqualTo(new Err("NOAUTH Authentication required."));
                assertThat(admin.call("CONFIG", "SET", "requirepass", "")).isEqualTo("OK");
                assertThat(c.call("PING")).isEqualTo("PONG");
            } finally {
                admin.call("CONFIG", "SET", "requirepass", "");
            }
        }
    }
}
