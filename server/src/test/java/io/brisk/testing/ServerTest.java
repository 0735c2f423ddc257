package io.brisk.testing;

import io.brisk.BriskServer;
import io.brisk.config.Config;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import redis.clients.jedis.Jedis;

/**
 * Base for integration tests: one real Brisk server per test JVM, listening on a free loopback
 * port, reached through real clients over real sockets. Each test starts with an empty keyspace.
 * Clients opened through {@link #jedis()} and {@link #lettuce()} are closed after each test.
 */
public abstract class ServerTest {
    private static BriskServer server;
    private static int memcachePort;
    private static int memcacheUdpPort;
    private static RedisClient lettuceClient;
    private final List<AutoCloseable> opened = new ArrayList<>();

    protected static synchronized BriskServer server() {
        if (server == null) {
            try {
                Config c = new Config();
                c.setInitial("port", Integer.toString(freePort()));
                c.setInitial("event-loops", "2");
                c.setInitial("enable-debug-command", "local"); // tests use DEBUG SLEEP, POPULATE, SET-ACTIVE-EXPIRE
                memcachePort = freePort();
                memcacheUdpPort = freeUdpPort();
                c.setInitial("memcache-port", Integer.toString(memcachePort));
                c.setInitial("memcache-udp-port", Integer.toString(memcacheUdpPort));
                server = BriskServer.start(c);
            } catch (Exception e) {
                throw new IllegalStateException("could not start Brisk", e);
            }
        }
        return server;
    }

    /** A loopback TCP port that nothing listens on right now. */
    public static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A loopback UDP port that nothing listens on right now. */
    public static int freeUdpPort() {
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The memcached TCP port of the test server. */
    protected static int memcachePort() {
        server();
        return memcachePort;
    }

    /** The memcached UDP port of the test server. */
    protected static int memcacheUdpPort() {
        server();
        return memcacheUdpPort;
    }

    protected static int port() {
        return server().port();
    }

    /** A new Jedis connection (RESP2), closed after the test. */
    protected Jedis jedis() {
        Jedis j = new Jedis("127.0.0.1", port(), 10_000);
        opened.add(j);
        return j;
    }

    /** A new Lettuce connection (RESP3, as Lettuce negotiates with HELLO 3), closed after the test. */
    protected RedisCommands<String, String> lettuce() {
        StatefulRedisConnection<String, String> c = lettuceClient().connect();
        opened.add(c);
        return c.sync();
    }

    protected static synchronized RedisClient lettuceClient() {
        if (lettuceClient == null) lettuceClient = RedisClient.create(RedisURI.create("127.0.0.1", port()));
        return lettuceClient;
    }

    @BeforeEach
    void emptyKeyspace() {
        server().context().keyspace.flushAll();
    }

    @AfterEach
    void closeClients() throws Exception {
        for (AutoCloseable c : opened) c.close();
        opened.clear();
    }
}
