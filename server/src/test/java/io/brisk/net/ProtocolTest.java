package io.brisk.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.brisk.testing.RawClient;
import io.brisk.testing.RawClient.Err;
import io.brisk.testing.ServerTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The RESP request side as raw bytes: pipelining, split frames, malformed input and limits. */
class ProtocolTest extends ServerTest {

    @Test
    void tenThousandPipelinedCommandsInOneWriteAnswerInOrder() throws Exception {
        try (RawClient c = new RawClient(port())) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 10_000; i++) {
                if (i % 3 == 0) sb.append(RawClient.frame("SET", "k" + i, "v" + i));
                else sb.append(RawClient.frame("ECHO", "e" + i));
            }
            c.send(sb.toString());
            for (int i = 0; i < 10_000; i++) {
                assertThat(c.read()).isEqualTo(i % 3 == 0 ? "OK" : "e" + i);
            }
            assertThat(c.call("GET", "k9999")).isEqualTo("v9999");
        }
    }

    @Test
    void frameSentOneByteAtATimeIsAnsweredOnce() throws Exception {
        try (RawClient c = new RawClient(port())) {
            byte[] frame = (RawClient.frame("SET", "split", "hello world") + RawClient.frame("GET", "split")).getBytes(StandardCharsets.UTF_8);
            for (byte b : frame) {
                c.send(new byte[] {b});
                Thread.sleep(1);
            }
            assertThat(c.read()).isEqualTo("OK");
            assertThat(c.read()).isEqualTo("hello world");
            assertThat(c.call("PING")).isEqualTo("PONG"); // nothing left over
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "*1\\r\\n$abc\\r\\n|ERR Protocol error: invalid bulk length",
            "*1\\r\\n$-5\\r\\n|ERR Protocol error: invalid bulk length",
            "*abc\\r\\n|ERR Protocol error: invalid multibulk length",
            "*2000000\\r\\n|ERR Protocol error: invalid multibulk length",
            "*1\\r\\nx\\r\\n|ERR Protocol error: expected '$', got 'x'",
            "*3\\r\\n$3\\r\\nSET\\r\\n$1\\r\\na\\r\\n$600000000\\r\\n|ERR Protocol error: invalid bulk length",
            "SET \"a b\\r\\n|ERR Protocol error: unbalanced quotes in request",
            "SET 'a\\r\\n|ERR Protocol error: unbalanced quotes in request",
            "ECHO \"a\"b\\r\\n|ERR Protocol error: unbalanced quotes in request"})
    void malformedInputIsAnsweredAndTheConnectionClosed(String input, String error) throws Exception {
        try (RawClient bystander = new RawClient(port()); RawClient c = new RawClient(port())) {
            c.send(input.replace("\\r\\n", "\r\n"));
            assertThat(c.read()).isEqualTo(new Err(error));
            assertThat(c.closedByServer(5000)).isTrue();
            assertThat(bystander.call("PING")).isEqualTo("PONG");
        }
    }

    @Test
    void negativeAndEmptyMultibulkAreIgnoredAsInRedis() throws Exception {
        try (RawClient c = new RawClient(port())) {
            c.send("*-5\r\n*0\r\nPING\r\n\r\n\r\n" + RawClient.frame("PING"));
            assertThat(c.read()).isEqualTo("PONG");
            assertThat(c.read()).isEqualTo("PONG");
        }
    }

    @Test
    void inlineLineOver64KbIsRefused() throws Exception {
        try (RawClient bystander = new RawClient(port()); RawClient c = new RawClient(port())) {
            c.send("x".repeat(70_000));
            assertThat(c.read()).isEqualTo(new Err("ERR Protocol error: too big inline request"));
            assertThat(c.closedByServer(5000)).isTrue();
            assertThat(bystander.call("PING")).isEqualTo("PONG");
        }
    }

    @Test
    void bulkOverProtoMaxBulkLenIsRefused() throws Exception {
        try (RawClient admin = new RawClient(port())) {
            assertThat(admin.call("CONFIG", "SET", "proto-max-bulk-len", "1mb")).isEqualTo("OK");
            try (RawClient c = new RawClient(port())) {
                c.send("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$" + (2 * 1024 * 1024) + "\r\n");
                assertThat(c.read()).isEqualTo(new Err("ERR Protocol error: invalid bulk length"));
                assertThat(c.closedByServer(5000)).isTrue();
            } finally {
                admin.call("CONFIG", "SET", "proto-max-bulk-len", "512mb");
            }
            assertThat(admin.call("PING")).isEqualTo("PONG");
        }
    }

    @Test
    void queryBufferLimitClosesTheClient() throws Exception {
        try (RawClient admin = new RawClient(port())) {
            assertThat(admin.call("CONFIG", "SET", "client-query-buffer-limit", "1mb")).isEqualTo("OK");
            try (RawClient c = new RawClient(port())) {
                c.send("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$" + (100 * 1024 * 1024) + "\r\n");
                byte[] chunk = new byte[64 * 1024];
                java.util.Arrays.fill(chunk, (byte) 'a');
                boolean closed = false;
                try {
                    for (int i = 0; i < 64 && !closed; i++) c.send(chunk); // 4 MiB of a frame that never ends
                } catch (java.io.IOException e) {
                    closed = true; // reset while writing: the server has closed us
                }
                assertThat(closed || c.closedByServer(5000)).isTrue();
            } finally {
                admin.call("CONFIG", "SET", "client-query-buffer-limit", "1gb");
            }
            assertThat(admin.call("PING")).isEqualTo("PONG");
        }
    }

    @Test
    void maxclientsRefusesTheExtraConnection() throws Exception {
        try (RawClient admin = new RawClient(port())) {
            assertThat(admin.call("CONFIG", "SET", "maxclients", "1")).isEqualTo("OK");
            try (RawClient extra = new RawClient(port())) {
                assertThat(extra.read()).isEqualTo(new Err("ERR max number of clients reached"));
                assertThat(extra.closedByServer(5000)).isTrue();
            } finally {
                admin.call("CONFIG", "SET", "maxclients", "10000");
            }
            try (RawClient again = new RawClient(port())) {
                assertThat(again.call("PING")).isEqualTo("PONG");
            }
            assertThat((String) admin.call("INFO", "stats")).containsPattern("rejected_connections:[1-9]");
        }
    }

    @Test
    void inlineCommands() throws Exception {
        try (RawClient c = new RawClient(port())) {
            c.send("SET inl \"a b\\x41\"\r\nGET inl\r\nECHO 'it''s'\r\n\r\n   PING   \n");
            assertThat(c.read()).isEqualTo("OK");
            assertThat(c.read()).isEqualTo("a bA");
            assertThat(c.read()).isEqualTo(new Err("ERR Protocol error: unbalanced quotes in request"));
        }
        try (RawClient c = new RawClient(port())) {
            c.send("ECHO 'it\\'s'\r\n   PING   \n");
            assertThat(c.read()).isEqualTo("it's");
            assertThat(c.read()).isEqualTo("PONG");
        }
        try (RawClient c = new RawClient(port())) {
            // plain lines (no quotes) are split in place: tabs, runs of spaces, a literal backslash
            c.send("SET \t plain   a\\b\r\n\r\n  \r\nGET plain\r\nRPUSH inl:l x y  z\nLRANGE inl:l 0 -1\r\n");
            assertThat(c.read()).isEqualTo("OK");
            assertThat(c.read()).isEqualTo("a\\b");
            assertThat(c.read()).isEqualTo(3L);
            assertThat(c.read()).isEqualTo(java.util.List.of("x", "y", "z"));
        }
    }

    @Test
    void unknownCommandKeepsTheConnection() throws Exception {
        try (RawClient c = new RawClient(port())) {
            assertThat(c.call("NOSUCH", "a", "b")).isEqualTo(new Err("ERR unknown command 'NOSUCH', with args beginning with: 'a' 'b' "));
            assertThat(c.call("PING")).isEqualTo("PONG");
        }
    }
}
