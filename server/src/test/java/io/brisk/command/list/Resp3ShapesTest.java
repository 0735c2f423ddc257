package io.brisk.command.list;

import static org.assertj.core.api.Assertions.assertThat;

import io.brisk.command.Session;
import io.brisk.command.blocking.RawClient;
import io.brisk.testing.ServerTest;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Exact RESP3 wire shapes. HELLO belongs to another family, so the test switches its raw
 * connection's session to protocol 3 directly, as HELLO 3 would.
 */
class Resp3ShapesTest extends ServerTest {

    private RawClient resp3() throws Exception {
        Set<Long> before = server().context().clients.all().stream().map(Session::id).collect(Collectors.toSet());
        RawClient raw = new RawClient(port());
        assertThat(raw.call("PING")).isEqualTo("+PONG\r\n");
        Session s = server().context().clients.all().stream().filter(x -> !before.contains(x.id())).findFirst().orElseThrow();
        s.protocol(3);
        raw.call("PING"); // the writer picks the protocol up after this command
        return raw;
    }

    @Test
    void listShapes() throws Exception {
        try (RawClient r = resp3()) {
            assertThat(r.call("LPOP", "nokey", "2")).isEqualTo("_\r\n");
            assertThat(r.call("LPOP", "nokey")).isEqualTo("_\r\n");
            assertThat(r.call("RPUSH", "l", "a", "b")).isEqualTo(":2\r\n");
            assertThat(r.call("LPOP", "l", "1")).isEqualTo("*1\r\n$1\r\na\r\n");
            assertThat(r.call("LPOS", "l", "zz")).isEqualTo("_\r\n");
            assertThat(r.call("LMPOP", "1", "nokey", "LEFT")).isEqualTo("_\r\n");
            assertThat(r.call("LMPOP", "1", "l", "LEFT")).isEqualTo("*2\r\n$1\r\nl\r\n*1\r\n$1\r\nb\r\n");
            assertThat(r.call("BLPOP", "nokey", "0.01")).isEqualTo("_\r\n");
            assertThat(r.call("LMOVE", "nokey", "x", "LEFT", "LEFT")).isEqualTo("_\r\n");
        }
    }

    @Test
    void hashShapes() throws Exception {
        try (RawClient r = resp3()) {
            assertThat(r.call("HSET", "h", "f", "v")).isEqualTo(":1\r\n");
            assertThat(r.call("HGETALL", "h")).isEqualTo("%1\r\n$1\r\nf\r\n$1\r\nv\r\n");
            assertThat(r.call("HGETALL", "nokey")).isEqualTo("%0\r\n");
            assertThat(r.call("HGET", "h", "zz")).isEqualTo("_\r\n");
            assertThat(r.call("HRANDFIELD", "h", "-2", "WITHVALUES"))
                    .isEqualTo("*2\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n");
            assertThat(r.call("HRANDFIELD", "h", "1")).isEqualTo("*1\r\n$1\r\nf\r\n");
            assertThat(r.call("HINCRBYFLOAT", "h", "n", "1.5")).isEqualTo("$3\r\n1.5\r\n");
            assertThat(r.call("HSCAN", "h", "0")).startsWith("*2\r\n$1\r\n0\r\n*4\r\n");
        }
    }
}
