package io.brisk.command.memcache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Bad input gets memcached's error replies, keeps the stream in step, and never disturbs other clients. */
class MalformedInputTest extends MemcacheTestBase {

    @Test
    void errorsAsMemcachedAnswersThem() throws Exception {
        try (Raw r = raw()) {
            assertThat(r.line("bogus\r\n")).isEqualTo("ERROR\r\n");
            assertThat(r.line("\r\n")).isEqualTo("ERROR\r\n");
            assertThat(r.line("get\r\n")).isEqualTo("ERROR\r\n");
            assertThat(r.line("set k 0 0\r\n")).isEqualTo("ERROR\r\n");
            assertThat(r.line("set k x 0 1\r\n")).isEqualTo("CLIENT_ERROR bad command line format\r\n");
            assertThat(r.line("set k 0 0 -1\r\n")).isEqualTo("CLIENT_ERROR bad command line format\r\n");
            assertThat(r.line("set k 4294967296 0 1\r\n")).isEqualTo("CLIENT_ERROR bad command line format\r\n");
            assertThat(r.line("cas k 0 0 1 abc\r\n")).isEqualTo("CLIENT_ERROR bad command line format\r\n");
            assertThat(r.line("incr k x\r\n")).isEqualTo("CLIENT_ERROR invalid numeric delta argument\r\n");
            assertThat(r.line("touch k x\r\n")).isEqualTo("CLIENT_ERROR invalid exptime argument\r\n");
            assertThat(r.line("delete k 5\r\n")).isEqualTo("CLIENT_ERROR bad command line format.  Usage: delete <key> [noreply]\r\n");
            assertThat(r.line("flush_all x\r\n")).isEqualTo("CLIENT_ERROR bad command line format\r\n");
            assertThat(r.line("stats nonsense\r\n")).isEqualTo("ERROR\r\n");
            assertThat(r.line("verbosity\r\n")).isEqualTo("ERROR\r\n");
            assertThat(r.line("version\r\n")).isEqualTo("VERSION 1.6.18\r\n");
        }
    }

    @Test
    void keyRules() throws Exception {
        try (Raw r = raw()) {
            String k250 = "a".repeat(250), k251 = "a".repeat(251);
            assertThat(r.line("set " + k250 + " 0 0 1\r\nx\r\n")).isEqualTo("STORED\r\n");
            assertThat(r.call("get " + k250 + "\r\n", "END\r\n")).isEqualTo("VALUE " + k250 + " 0 1\r\nx\r\nEND\r\n");
            assertThat(r.line("get " + k251 + "\r\n")).isEqualTo("CLIENT_ERROR bad command line format\r\n");
            // a malformed storage line consumes no data block: the data is then read as a command, as memcached does
            assertThat(r.line("set " + k251 + " 0 0 1\r\n")).isEqualTo("CLIENT_ERROR bad command line format\r\n");
            assertThat(r.line("get a\u0001b\r\n")).isEqualTo("CLIENT_ERROR bad command line format\r\n");
            assertThat(r.line("delete a\u0007\r\n")).isEqualTo("CLIENT_ERROR bad command line format\r\n");
        }
    }

    @Test
    void controlCharactersAllowedWhenKeysAreNotStrict() throws Exception {
        var config = server().context().config;
        config.set("memcache-strict-keys", "no"); // what memcached itself accepts (memcaslap relies on it)
        try (Raw r = raw()) {
            assertThat(r.line("set a\u0010b 0 0 1\r\nx\r\n")).isEqualTo("STORED\r\n");
            assertThat(r.call("get a\u0010b\r\n", "END\r\n")).isEqualTo("VALUE a\u0010b 0 1\r\nx\r\nEND\r\n");
            assertThat(r.line("get " + "a".repeat(251) + "\r\n")).isEqualTo("CLIENT_ERROR bad command line format\r\n");
        } finally {
            config.set("memcache-strict-keys", "yes");
        }
    }

    @Test
    void badDataChunkIsConsumedAndRefused() throws Exception {
        try (Raw r = raw()) {
            assertThat(r.line("set a 0 0 2\r\nabcd\r\n")).isEqualTo("CLIENT_ERROR bad data chunk\r\n");
            assertThat(r.line("")).isEqualTo("ERROR\r\n"); // the "\r\n" after the 2+2 consumed bytes is an empty line
            assertThat(r.call("get a\r\n", "END\r\n")).isEqualTo("END\r\n");
        }
    }

    @Test
    void tooLargeValueIsSwallowedWithoutDesync() throws Exception {
        try (Raw r = raw()) {
            int size = 2 * 1024 * 1024;
            byte[] head = ("set big 0 0 " + size + "\r\n").getBytes(StandardCharsets.US_ASCII);
            r.send(head);
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'g'); // looks like commands would, if the stream desynchronised
            for (int sent = 0; sent < size; sent += chunk.length) r.send(chunk);
            r.send("\r\nset small 0 0 2\r\nok\r\nget big small\r\n");
            assertThat(r.readUntil("END\r\n"))
                    .isEqualTo("SERVER_ERROR object too large for cache\r\nSTORED\r\nVALUE small 0 2\r\nok\r\nEND\r\n");
        }
    }

    @Test
    void aBadConnectionNeverDropsOthers() throws Exception {
        try (Raw good = raw(); Raw bad = raw()) {
            good.line("set k 0 0 1\r\nv\r\n");
            bad.send("x".repeat(20_000)); // a line with no end: that client alone is dropped
            assertThat(bad.readUntil("\r\n")).isEqualTo("CLIENT_ERROR line too long\r\n");
            assertThat(bad.closedByServer()).isTrue();
            assertThat(good.call("get k\r\n", "END\r\n")).isEqualTo("VALUE k 0 1\r\nv\r\nEND\r\n");
        }
    }

    @Test
    void requestsSplitAcrossReadsAndPipelined() throws Exception {
        try (Raw r = raw()) {
            String all = "set a 0 0 5\r\nhello\r\nget a\r\nincr n 1\r\nset n 0 0 1\r\n7\r\nincr n 2\r\n";
            for (char ch : all.toCharArray()) {
                r.send(String.valueOf(ch));
            }
            assertThat(r.readUntil("9\r\n")).isEqualTo("STORED\r\nVALUE a 0 5\r\nhello\r\nEND\r\nNOT_FOUND\r\nSTORED\r\n9\r\n");
        }
    }

    @Test
    void quitClosesTheConnection() throws Exception {
        try (Raw r = raw()) {
            r.send("quit\r\n");
            assertThat(r.closedByServer()).isTrue();
        }
    }
}
