package io.brisk.command.memcache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * memcached over UDP: frame headers, multi-datagram replies, single-datagram requests, on the shared
 * test server (on Linux its native listener; {@link NettyUdpTest} runs the same on a Netty channel).
 */
class UdpTest extends MemcacheTestBase {
    /** The UDP port under test. */
    protected int udpPort() { return memcacheUdpPort(); }

    /** The memcached TCP port of the same server. */
    protected int tcpPort() { return memcachePort(); }

    /** The native listener serves on 64-bit Linux with a native transport (the test server's default). */
    protected boolean nativeListenerExpected() {
        String arch = System.getProperty("os.arch");
        return System.getProperty("os.name").equals("Linux") && (arch.equals("amd64") || arch.equals("aarch64"));
    }

    @Test
    void servedByTheExpectedListener() {
        memcacheUdpPort(); // the shared server is up
        boolean nativeThread = Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("brisk-memcache-udp-" + udpPort()));
        assertThat(nativeThread).isEqualTo(nativeListenerExpected());
    }

    /** Sends one datagram and reassembles the reply from its datagrams by sequence number. */
    private static String request(DatagramSocket s, int port, int id, int seq, int total, String payload) throws Exception {
        byte[] body = payload.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(8 + body.length);
        b.putShort((short) id).putShort((short) seq).putShort((short) total).putShort((short) 0).put(body);
        s.send(new DatagramPacket(b.array(), b.capacity(), InetAddress.getLoopbackAddress(), port));
        Map<Integer, byte[]> parts = new TreeMap<>();
        int expected = -1;
        byte[] buf = new byte[65536];
        while (expected < 0 || parts.size() < expected) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            s.receive(p);
            ByteBuffer h = ByteBuffer.wrap(p.getData(), 0, p.getLength());
            int rid = h.getShort() & 0xFFFF, rseq = h.getShort() & 0xFFFF, rtotal = h.getShort() & 0xFFFF;
            assertThat(h.getShort()).isZero();
            assertThat(rid).isEqualTo(id);
            assertThat(p.getLength()).isLessThanOrEqualTo(1400);
            expected = rtotal;
            byte[] data = new byte[p.getLength() - 8];
            System.arraycopy(p.getData(), 8, data, 0, data.length);
            parts.put(rseq, data);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < expected; i++) out.write(parts.get(i));
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void smallRequestsAndReplies() throws Exception {
        try (DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout(5000);
            int port = udpPort();
            assertThat(request(s, port, 1, 0, 1, "set u 5 0 3\r\nabc\r\n")).isEqualTo("STORED\r\n");
            assertThat(request(s, port, 2, 0, 1, "get u\r\nmn\r\n")).isEqualTo("VALUE u 5 3\r\nabc\r\nEND\r\nMN\r\n");
            assertThat(request(s, port, 3, 1, 2, "get u\r\n")).isEqualTo("SERVER_ERROR multi-packet request not supported\r\n");
        }
    }

    @Test
    void largeValueComesBackInManyDatagrams() throws Exception {
        String big = "0123456789abcdef".repeat(200_000 / 16 + 1).substring(0, 200_000);
        try (Raw r = new Raw(tcpPort()); DatagramSocket s = new DatagramSocket()) {
            assertThat(r.line("set big 0 0 " + big.length() + "\r\n" + big + "\r\n")).isEqualTo("STORED\r\n");
            s.setReceiveBufferSize(4 * 1024 * 1024);
            s.setSoTimeout(5000);
            String reply = request(s, udpPort(), 4242, 0, 1, "get big\r\n");
            assertThat(reply).isEqualTo("VALUE big 0 200000\r\n" + big + "\r\nEND\r\n");
        }
    }

    /** memcached reads whole datagrams: a request of 60 kB in one datagram is not cut short. */
    @Test
    void largeRequestDatagramIsServedWhole() throws Exception {
        String value = "v".repeat(60_000);
        try (DatagramSocket s = new DatagramSocket()) {
            s.setReceiveBufferSize(1024 * 1024);
            s.setSoTimeout(5000);
            assertThat(request(s, udpPort(), 7, 0, 1, "set wide 0 0 60000\r\n" + value + "\r\n")).isEqualTo("STORED\r\n");
            assertThat(request(s, udpPort(), 8, 0, 1, "get wide\r\n")).isEqualTo("VALUE wide 0 60000\r\n" + value + "\r\nEND\r\n");
        }
    }

    /** A request without a reply (noreply) sends no datagram: the next reply is the next request's. */
    @Test
    void noreplySendsNothing() throws Exception {
        try (DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout(5000);
            byte[] quiet = ByteBuffer.allocate(8 + 24).putShort((short) 9).putShort((short) 0).putShort((short) 1).putShort((short) 0)
                    .put("set q 0 0 1 noreply\r\nq\r\n".getBytes(StandardCharsets.ISO_8859_1)).array();
            s.send(new DatagramPacket(quiet, quiet.length, InetAddress.getLoopbackAddress(), udpPort()));
            assertThat(request(s, udpPort(), 10, 0, 1, "get q\r\n")).isEqualTo("VALUE q 0 1\r\nq\r\nEND\r\n");
        }
    }

    /** Datagrams from many clients that arrive together are read and answered as one batch: each gets its own reply. */
    @Test
    void manyClientsAtOnceEachGetTheirOwnReply() throws Exception {
        int clients = 100;
        List<DatagramSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                DatagramSocket s = new DatagramSocket();
                s.setSoTimeout(5000);
                sockets.add(s);
            }
            for (int i = 0; i < clients; i++) {
                byte[] body = ("set many" + i + " 0 0 " + Integer.toString(i).length() + "\r\n" + i + "\r\nget many" + i + "\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1);
                byte[] d = ByteBuffer.allocate(8 + body.length).putShort((short) (1000 + i)).putShort((short) 0).putShort((short) 1)
                        .putShort((short) 0).put(body).array();
                sockets.get(i).send(new DatagramPacket(d, d.length, InetAddress.getLoopbackAddress(), udpPort()));
            }
            for (int i = 0; i < clients; i++) {
                DatagramPacket p = new DatagramPacket(new byte[2048], 2048);
                sockets.get(i).receive(p);
                ByteBuffer h = ByteBuffer.wrap(p.getData(), 0, p.getLength());
                assertThat(h.getShort() & 0xFFFF).isEqualTo(1000 + i);
                assertThat(h.getShort()).isZero();
                assertThat(h.getShort()).isEqualTo((short) 1);
                assertThat(new String(p.getData(), 8, p.getLength() - 8, StandardCharsets.ISO_8859_1))
                        .isEqualTo("STORED\r\nVALUE many" + i + " 0 " + Integer.toString(i).length() + "\r\n" + i + "\r\nEND\r\n");
            }
        } finally {
            for (DatagramSocket s : sockets) s.close();
        }
    }
}
