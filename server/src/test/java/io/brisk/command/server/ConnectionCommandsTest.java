package io.brisk.command.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brisk.testing.RawClient;
import io.brisk.testing.RawClient.Err;
import io.brisk.testing.ServerTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

class ConnectionCommandsTest extends ServerTest {

    @Test
    void pingEchoSelect() {
        Jedis j = jedis();
        assertThat(j.ping()).isEqualTo("PONG");
        assertThat(j.ping("hi")).isEqualTo("hi");
        assertThat(j.echo("x y")).isEqualTo("x y");
        assertThat(j.select(3)).isEqualTo("OK");
        assertThatThrownBy(() -> j.select(16)).hasMessage("ERR DB index is out of range");
        assertThatThrownBy(() -> j.sendCommand(() -> "select".getBytes(), "abc")).hasMessage("ERR value is not an integer or out of range");
        assertThatThrownBy(() -> j.sendCommand(() -> "ping".getBytes(), "a", "b")).hasMessage("ERR wrong number of arguments for 'ping' command");
        assertThatThrownBy(() -> j.sendCommand(() -> "echo".getBytes())).hasMessage("ERR wrong number of arguments for 'echo' command");
    }

    @Test
    void authWithoutRequirepass() throws Exception {
        try (RawClient c = new RawClient(port())) {
            assertThat(c.call("AUTH", "x")).isEqualTo(new Err("ERR AUTH <password> called without any password configured for "
                    + "the default user. Are you sure your configuration is correct?"));
            assertThat(c.call("AUTH", "default", "anything")).isEqualTo("OK");
            assertThat(c.call("AUTH", "bob", "x")).isEqualTo(new Err("WRONGPASS invalid username-password pair or user is disabled."));
            assertThat(c.call("AUTH", "a", "b", "c")).isEqualTo(new Err("ERR syntax error"));
            assertThat(c.call("AUTH")).isEqualTo(new Err("ERR wrong number of arguments for 'auth' command"));
        }
    }

    @Test
    void helloNegotiatesProtocol() throws Exception {
        try (RawClient c = new RawClient(port())) {
            Object r2 = c.call("HELLO");
            assertThat(r2).isInstanceOf(List.class);
            List<Object> l = RawClient.list(r2);
            assertThat(l).hasSize(14);
            assertThat(l.subList(0, 6)).containsExactly("server", "redis", "version", "7.0.15", "proto", 2L);
            assertThat(l.subList(8, 14)).containsExactly("mode", "standalone", "role", "master", "modules", List.of());

            assertThat(c.call("HELLO", "4")).isEqualTo(new Err("NOPROTO unsupported protocol version"));
            assertThat(c.call("HELLO", "abc")).isEqualTo(new Err("ERR Protocol version is not an integer or out of range"));
            assertThat(c.call("HELLO", "3", "SETNAME", "a b")).isEqualTo(new Err("ERR Client names cannot contain spaces, newlines or special characters."));
            assertThat(c.call("HELLO", "3", "BOGUS")).isEqualTo(new Err("ERR Syntax error in HELLO option 'BOGUS'"));
            assertThat(c.call("HELLO", "2", "AUTH", "nobody", "x")).isEqualTo(new Err("WRONGPASS invalid username-password pair or user is disabled."));

            // HELLO 3 answers in RESP3 already (a map; helloThreeRepliesWithAMapHeader checks the '%')
            c.send(RawClient.frame("HELLO", "3", "SETNAME", "conn1", "AUTH", "default", "x"));
            Object r3 = c.read();
            assertThat(RawClient.list(r3)).contains("proto", 3L);
            assertThat(c.call("CLIENT", "GETNAME")).isEqualTo("conn1");
            c.send(RawClient.frame("GET", "missing"));
            c.send(RawClient.frame("HELLO", "2"));
            // RESP3 null for the GET, then an array for HELLO 2
            assertThat(c.read()).isNull();
            assertThat(c.read()).isInstanceOf(List.class);
        }
    }

    @Test
    void helloThreeRepliesWithAMapHeader() throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port())) {
            s.getOutputStream().write(RawClient.frame("HELLO", "3").getBytes());
            s.setSoTimeout(5000);
            assertThat((char) s.getInputStream().read()).isEqualTo('%');
        }
    }

    @Test
    void resetRestoresAFreshConnection() throws Exception {
        try (RawClient c = new RawClient(port())) {
            c.call("SELECT", "5");
            c.call("CLIENT", "SETNAME", "n1");
            c.call("HELLO", "3");
            c.call("CLIENT", "NO-EVICT", "on");
            assertThat(c.call("RESET")).isEqualTo("RESET");
            assertThat(c.call("CLIENT", "GETNAME")).isNull();
            String info = (String) c.call("CLIENT", "INFO");
            assertThat(info).contains(" db=0 ").contains(" resp=2 ").contains(" flags=N ");
        }
    }

    @Test
    void quitClosesAfterReplying() throws Exception {
        try (RawClient c = new RawClient(port())) {
            assertThat(c.call("QUIT")).isEqualTo("OK");
            assertThat(c.closedByServer(5000)).isTrue();
        }
    }
}
