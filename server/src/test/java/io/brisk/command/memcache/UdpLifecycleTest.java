package io.brisk.command.memcache;

import static org.assertj.core.api.Assertions.assertThat;

import io.brisk.BriskServer;
import io.brisk.config.Config;
import io.brisk.testing.ServerTest;
import java.net.DatagramSocket;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Stopping the server stops its memcached UDP listener: its thread ends and the port is free again. */
class UdpLifecycleTest {
    @Test
    void stoppingTheServerReleasesTheUdpPort() throws Exception {
        int udp = ServerTest.freeUdpPort();
        Config c = new Config();
        c.setInitial("port", "0");
        c.setInitial("event-loops", "1");
        c.setInitial("memcache-port", "0");
        c.setInitial("memcache-udp-port", Integer.toString(udp));
        BriskServer.start(c).close();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("brisk-memcache-udp-" + udp));
        try (DatagramSocket again = new DatagramSocket(udp, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(udp);
        }
    }
}
