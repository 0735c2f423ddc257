package io.brisk.command.zset;

import static org.assertj.core.api.Assertions.assertThat;

import io.brisk.command.set.CollectionTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exact RESP3 (and RESP2) wire forms of set and sorted-set replies, byte for byte as redis-server
 * 7 sends them: doubles as ',', sets as '~', WITHSCORES as nested pairs. Needs HELLO (connection
 * commands); skipped where the server does not have it yet.
 */
class Resp3WireTest extends CollectionTest {
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    @BeforeEach
    void connect() throws IOException {
        socket = new Socket("127.0.0.1", port());
        socket.setSoTimeout(5000);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    @AfterEach
    void close() throws IOException {
        socket.close();
    }

    private String send(String... args) throws IOException {
        StringBuilder sb = new StringBuilder("*").append(args.length).append("\r\n");
        for (String a : args) sb.append('$').append(a.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(a).append("\r\n");
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        StringBuilder reply = new StringBuilder();
        readValue(reply);
        return reply.toString();
    }

    private void readValue(StringBuilder sb) throws IOException {
        String line = readLine();
        sb.append(line).append("\\r\\n");
        char t = line.charAt(0);
        if (t == '$' || t == '=' || t == '!') {
            int n = Integer.parseInt(line.substring(1));
            if (n >= 0) {
                sb.append(new String(in.readNBytes(n), StandardCharsets.UTF_8)).append("\\r\\n");
                in.readNBytes(2);
            }
        } else if (t == '*' || t == '~' || t == '%' || t == '>') {
            int n = Integer.parseInt(line.substring(1));
            if (t == '%') n *= 2;
            for (int i = 0; i < n; i++) readValue(sb);
        }
    }

    private String readLine() throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != '\r') {
            if (c < 0) throw new IOException("closed");
            sb.append((char) c);
        }
        in.read();
        return sb.toString();
    }

    private void resp3() throws IOException {
        String hello = send("HELLO", "3");
        Assumptions.assumeFalse(hello.startsWith("-"), "HELLO not available in this build");
    }

    @Test
    void sortedSetRepliesInResp3() throws IOException {
        resp3();
        assertThat(send("ZADD", "z", "1", "a", "2.5", "b")).isEqualTo(":2\\r\\n");
        assertThat(send("ZSCORE", "z", "b")).isEqualTo(",2.5\\r\\n");
        assertThat(send("ZSCORE", "z", "x")).isEqualTo("_\\r\\n");
        assertThat(send("ZMSCORE", "z", "a", "x")).isEqualTo("*2\\r\\n,1\\r\\n_\\r\\n");
        assertThat(send("ZINCRBY", "z", "1", "a")).isEqualTo(",2\\r\\n");
        assertThat(send("ZADD", "z", "INCR", "1", "a")).isEqualTo(",3\\r\\n");
        assertThat(send("ZADD", "z", "NX", "INCR", "1", "a")).isEqualTo("_\\r\\n");
        assertThat(send("ZRANGE", "z", "0", "-1", "WITHSCORES")).isEqualTo("*2\\r\\n*2\\r\\n$1\\r\\nb\\r\\n,2.5\\r\\n*2\\r\\n$1\\r\\na\\r\\n,3\\r\\n");
        assertThat(send("ZRANK", "z", "a", "WITHSCORE")).isEqualTo("*2\\r\\n:1\\r\\n,3\\r\\n");
        assertThat(send("ZRANK", "z", "x", "WITHSCORE")).isEqualTo("_\\r\\n");
        assertThat(send("ZRANDMEMBER", "z", "-1", "WITHSCORES")).startsWith("*1\\r\\n*2\\r\\n");
        assertThat(send("ZUNION", "1", "z", "WITHSCORES")).isEqualTo("*2\\r\\n*2\\r\\n$1\\r\\nb\\r\\n,2.5\\r\\n*2\\r\\n$1\\r\\na\\r\\n,3\\r\\n");
        assertThat(send("ZSCAN", "z", "0")).isEqualTo("*2\\r\\n$1\\r\\n0\\r\\n*4\\r\\n$1\\r\\nb\\r\\n$3\\r\\n2.5\\r\\n$1\\r\\na\\r\\n$1\\r\\n3\\r\\n");
        assertThat(send("ZPOPMIN", "z")).isEqualTo("*2\\r\\n$1\\r\\nb\\r\\n,2.5\\r\\n");
        assertThat(send("ZPOPMAX", "z", "1")).isEqualTo("*1\\r\\n*2\\r\\n$1\\r\\na\\r\\n,3\\r\\n");
        assertThat(send("ZADD", "z", "-inf", "lo")).isEqualTo(":1\\r\\n");
        assertThat(send("ZMPOP", "1", "z", "MIN")).isEqualTo("*2\\r\\n$1\\r\\nz\\r\\n*1\\r\\n*2\\r\\n$2\\r\\nlo\\r\\n,-inf\\r\\n");
        assertThat(send("ZMPOP", "1", "z", "MIN")).isEqualTo("_\\r\\n");
        assertThat(send("ZPOPMIN", "z")).isEqualTo("*0\\r\\n");
    }

    @Test
    void setRepliesInResp3() throws IOException {
        resp3();
        assertThat(send("SADD", "s", "1", "2")).isEqualTo(":2\\r\\n");
        assertThat(send("SMEMBERS", "s")).isEqualTo("~2\\r\\n$1\\r\\n1\\r\\n$1\\r\\n2\\r\\n");
        assertThat(send("SMEMBERS", "nokey")).isEqualTo("~0\\r\\n");
        assertThat(send("SINTER", "s", "s")).isEqualTo("~2\\r\\n$1\\r\\n1\\r\\n$1\\r\\n2\\r\\n");
        assertThat(send("SRANDMEMBER", "s", "5")).startsWith("*2\\r\\n");
        assertThat(send("SRANDMEMBER", "nokey")).isEqualTo("_\\r\\n");
        assertThat(send("SPOP", "s", "1")).startsWith("~1\\r\\n");
        assertThat(send("SPOP", "nokey", "2")).isEqualTo("~0\\r\\n");
        assertThat(send("SPOP", "nokey")).isEqualTo("_\\r\\n");
    }

    @Test
    void resp2FormsAreFlat() throws IOException {
        assertThat(send("ZADD", "z", "1", "a", "2.5", "b")).isEqualTo(":2\\r\\n");
        assertThat(send("ZSCORE", "z", "b")).isEqualTo("$3\\r\\n2.5\\r\\n");
        assertThat(send("ZRANGE", "z", "0", "-1", "WITHSCORES")).isEqualTo("*4\\r\\n$1\\r\\na\\r\\n$1\\r\\n1\\r\\n$1\\r\\nb\\r\\n$3\\r\\n2.5\\r\\n");
        assertThat(send("ZRANK", "z", "x", "WITHSCORE")).isEqualTo("*-1\\r\\n");
        assertThat(send("ZRANK", "z", "x")).isEqualTo("$-1\\r\\n");
        assertThat(send("ZPOPMIN", "z", "1")).isEqualTo("*2\\r\\n$1\\r\\na\\r\\n$1\\r\\n1\\r\\n");
        assertThat(send("ZMPOP", "1", "z", "MAX")).isEqualTo("*2\\r\\n$1\\r\\nz\\r\\n*1\\r\\n*2\\r\\n$1\\r\\nb\\r\\n$3\\r\\n2.5\\r\\n");
        assertThat(send("ZMPOP", "1", "z", "MAX")).isEqualTo("*-1\\r\\n");
        assertThat(send("SADD", "s", "x")).isEqualTo(":1\\r\\n");
        assertThat(send("SMEMBERS", "s")).isEqualTo("*1\\r\\n$1\\r\\nx\\r\\n");
    }
}
