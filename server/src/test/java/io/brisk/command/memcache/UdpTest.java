package io.brisk.command.memcache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** memcached over UDP: frame headers, multi-datagram replies, single-datagram requests. */
class UdpTest extends MemcacheTestBase {

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
            int port = memcacheUdpPort();
            assertThat(request(s, port, 1, 0, 1, "set u 5 0 3\r\nabc\r\n")).isEqualTo("STORED\r\n");
            assertThat(request(s, port, 2, 0, 1, "get u\r\nmn\r\n")).isEqualTo("VALUE u 5 3\r\nabc\r\nEND\r\nMN\r\n");
            assertThat(request(s, port, 3, 1, 2, "get u\r\n")).isEqualTo("SERVER_ERROR multi-packet request not supported\r\n");
        }
    }

    @Test
    void largeValueComesBackInManyDatagrams() throws Exception {
        String big = "0123456789abcdef".repeat(200_000 / 16 + 1).substring(0, 200_000);
        try (Raw r = raw(); DatagramSocket s = new DatagramSocket()) {
            assertThat(r.line("set big 0 0 " + big.length() + "\r\n" + big + "\r\n")).isEqualTo("STORED\r\n");
            s.setReceiveBufferSize(4 * 1024 * 1024);
            s.setSoTimeout(5000);
            String reply = request(s, memcacheUdpPort(), 4242, 0, 1, "get big\r\n");
            assertThat(reply).isEqualTo("VALUE big 0 200000\r\n" + big + "\r\nEND\r\n");
        }
    }
}
