package io.brisk.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.brisk.BriskServer;
import io.brisk.config.Config;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A Unix-socket client shows up in CLIENT INFO as Redis shows it: addr=/path:0, flag U. */
class UnixSocketTest {
    @Test
    void clientInfoOverUnixSocket() throws Exception {
        Path sock = Files.createTempDirectory("brisk-uds").resolve("s.sock");
        Config c = new Config();
        c.setInitial("port", "0");
        c.setInitial("unixsocket", sock.toString());
        c.setInitial("event-loops", "1");
        c.setInitial("unixsocketperm", "700"); // octal, as in redis.conf
        try (BriskServer s = BriskServer.start(c);
             SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(sock));
            ch.write(ByteBuffer.wrap("*2\r\n$6\r\nCLIENT\r\n$4\r\nINFO\r\n".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer buf = ByteBuffer.allocate(4096);
            String reply = "";
            while (!reply.endsWith("\n\r\n")) {
                if (ch.read(buf) < 0) break;
                reply = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
            }
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(sock))).isEqualTo("rwx------");
            assertThat(reply).contains(" addr=" + sock + ":0 laddr=" + sock + ":0 ").contains(" flags=U ");
        }
    }
}
