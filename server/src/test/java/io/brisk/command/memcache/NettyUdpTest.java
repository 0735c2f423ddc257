package io.brisk.command.memcache;

import io.brisk.BriskServer;
import io.brisk.config.Config;
import io.brisk.testing.ServerTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * UdpTest's cases on the Netty datagram channel, which serves memcached's UDP port where the native
 * listener cannot (transport nio, or not Linux): a server of its own, started with transport nio.
 */
class NettyUdpTest extends UdpTest {
    private static BriskServer server;
    private static int tcp;
    private static int udp;

    @BeforeAll
    static void startNioServer() throws Exception {
        Config c = new Config();
        c.setInitial("port", "0");
        c.setInitial("event-loops", "1");
        c.setInitial("transport", "nio");
        tcp = ServerTest.freePort();
        udp = ServerTest.freeUdpPort();
        c.setInitial("memcache-port", Integer.toString(tcp));
        c.setInitial("memcache-udp-port", Integer.toString(udp));
        server = BriskServer.start(c);
    }

    @AfterAll
    static void stopNioServer() throws Exception {
        server.close();
    }

    @Override
    protected int udpPort() { return udp; }

    @Override
    protected int tcpPort() { return tcp; }

    @Override
    protected boolean nativeListenerExpected() { return false; }
}
