package io.brisk.command.memcache;

import io.brisk.testing.ServerTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.rubyeye.xmemcached.MemcachedClient;
import net.rubyeye.xmemcached.XMemcachedClientBuilder;
import net.rubyeye.xmemcached.command.TextCommandFactory;
import net.rubyeye.xmemcached.utils.AddrUtil;
import net.spy.memcached.ConnectionFactoryBuilder;
import org.junit.jupiter.api.AfterEach;

/** memcached clients against the test server's memcached port: spymemcached, xmemcached (text) and raw sockets. */
abstract class MemcacheTestBase extends ServerTest {
    private final List<AutoCloseable> mcOpened = new ArrayList<>();
    private static final java.util.logging.Logger SPY_LOG = java.util.logging.Logger.getLogger("net.spy.memcached");

    static {
        // spymemcached logs every connect at INFO to stderr; keep test output readable.
        System.setProperty("net.spy.log.LoggerImpl", "net.spy.memcached.compat.log.SunLogger");
        SPY_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    protected net.spy.memcached.MemcachedClient spy() throws IOException {
        net.spy.memcached.MemcachedClient c = new net.spy.memcached.MemcachedClient(
                new ConnectionFactoryBuilder().setProtocol(ConnectionFactoryBuilder.Protocol.TEXT).setOpTimeout(10_000).build(),
                net.spy.memcached.AddrUtil.getAddresses("127.0.0.1:" + memcachePort()));
        mcOpened.add(() -> c.shutdown(2, TimeUnit.SECONDS));
        return c;
    }

    protected MemcachedClient xmem() throws IOException {
        XMemcachedClientBuilder b = new XMemcachedClientBuilder(AddrUtil.getAddresses("127.0.0.1:" + memcachePort()));
        b.setCommandFactory(new TextCommandFactory());
        b.setOpTimeout(10_000);
        MemcachedClient c = b.build();
        mcOpened.add(c::shutdown);
        return c;
    }

    /** A plain socket to the memcached port, closed after the test. */
    protected Raw raw() throws IOException {
        Raw r = new Raw(memcachePort());
        mcOpened.add(r);
        return r;
    }

    @AfterEach
    void closeMemcacheClients() throws Exception {
        for (AutoCloseable c : mcOpened) c.close();
        mcOpened.clear();
    }

    /** Writes requests and reads replies as text (ISO-8859-1, so any byte round-trips). */
    static final class Raw implements AutoCloseable {
        final Socket socket;
        final InputStream in;

        Raw(int port) throws IOException {
            socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(5000);
            in = socket.getInputStream();
        }

        void send(String s) throws IOException {
            send(s.getBytes(StandardCharsets.ISO_8859_1));
        }

        void send(byte[] b) throws IOException {
            socket.getOutputStream().write(b);
            socket.getOutputStream().flush();
        }

        /** Reads until the reply so far ends with terminator. */
        String readUntil(String terminator) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (true) {
                int b = in.read();
                if (b < 0) break;
                out.write(b);
                String s = out.toString(StandardCharsets.ISO_8859_1);
                if (s.endsWith(terminator)) return s;
            }
            return out.toString(StandardCharsets.ISO_8859_1);
        }

        /** Sends request and reads the reply up to terminator. */
        String call(String request, String terminator) throws IOException {
            send(request);
            return readUntil(terminator);
        }

        /** Sends request and reads exactly one reply line. */
        String line(String request) throws IOException {
            return call(request, "\r\n");
        }

        /** True once the server has closed this connection. */
        boolean closedByServer() throws IOException {
            try {
                return in.read() < 0;
            } catch (java.net.SocketException e) {
                return true;
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
