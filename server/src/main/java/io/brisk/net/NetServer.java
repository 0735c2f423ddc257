package io.brisk.net;

import io.brisk.command.Dispatcher;
import io.brisk.command.ServerContext;
import io.brisk.command.memcache.MemcacheService;
import io.brisk.config.Config;
import io.brisk.protocol.resp.RespLimits;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.unix.DomainSocketAddress;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The network front: N event-loop threads (thread per core) on the best available transport, TCP
 * listeners on every bind address and an optional Unix socket. A connection lives on one loop.
 */
public final class NetServer {
    private final ServerContext server;
    private final Transport transport;
    private final EventLoopGroup bossGroup;
    private final EventLoopGroup workers;
    private final List<Channel> listeners = new ArrayList<>();
    private volatile RespLimits limits;
    private final ClientLimits clientLimits;
    private final MemcacheService memcache;
    private volatile int memcachePort;
    private volatile int memcacheUdpPort;
    private final MemcacheUdpListeners udp;

    public NetServer(ServerContext server) {
        this.server = server;
        Config c = server.config;
        this.transport = Transport.choose(c.get("transport"));
        this.bossGroup = new MultiThreadIoEventLoopGroup(1, transport.ioHandlerFactory());
        this.workers = new MultiThreadIoEventLoopGroup(c.getInt("event-loops"), transport.ioHandlerFactory());
        server.transportName = transport.label();
        c.watch("proto-max-bulk-len", p -> limits = limitsFrom(c));
        c.watch("client-query-buffer-limit", p -> limits = limitsFrom(c));
        this.memcache = new MemcacheService(server);
        this.udp = new MemcacheUdpListeners(transport, workers, memcache);
        this.clientLimits = new ClientLimits(c);
    }

    private static RespLimits limitsFrom(Config c) {
        return new RespLimits(c.getLong("proto-max-bulk-len"), c.getLong("client-query-buffer-limit"),
                RespLimits.DEFAULTS.maxMultibulkLength(), RespLimits.DEFAULTS.maxInlineLength());
    }

    public Transport transport() { return transport; }
    public MemcacheService memcache() { return memcache; }
    public EventLoopGroup workers() { return workers; }
    /** Bound memcached ports (0 when that listener is off). */
    public int memcachePort() { return memcachePort; }
    public int memcacheUdpPort() { return memcacheUdpPort; }

    public void start() throws IOException, InterruptedException {
        Config c = server.config;
        Dispatcher dispatcher = new Dispatcher(server);
        int port = c.getInt("port");
        if (port != 0) {
            for (String host : c.get("bind").split("\\s+")) {
                boolean optional = host.startsWith("-");
                String h = optional ? host.substring(1) : host;
                if (h.isEmpty()) continue;
                try {
                    Channel ch = tcp(dispatcher).bind(new InetSocketAddress(h, port)).sync().channel();
                    listeners.add(ch);
                    server.tcpPort = ((InetSocketAddress) ch.localAddress()).getPort();
                } catch (Exception e) {
                    if (!optional) throw new IOException("could not bind " + h + ":" + port + ": " + e.getMessage(), e);
                }
            }
        }
        startMemcache(c);
        String unix = c.get("unixsocket");
        if (!unix.isEmpty()) {
            Files.deleteIfExists(Path.of(unix));
            ServerBootstrap b = new ServerBootstrap().group(bossGroup, workers).channel(transport.unixServerChannel())
                    .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                    .childHandler(initializer(dispatcher));
            Object address = transport == Transport.NIO ? java.net.UnixDomainSocketAddress.of(unix) : new DomainSocketAddress(unix);
            listeners.add(b.bind((java.net.SocketAddress) address).sync().channel());
            int perm = Integer.parseInt(c.get("unixsocketperm"), 8); // octal, as in redis.conf
            if (perm != 0) Files.setPosixFilePermissions(Path.of(unix), permissions(perm));
        }
    }

    /** memcached listeners on the same bind addresses: TCP when memcache-port != 0, UDP when memcache-udp-port != 0. */
    private void startMemcache(Config c) throws IOException {
        int tcpPort = c.getInt("memcache-port");
        int udpPort = c.getInt("memcache-udp-port");
        for (String host : c.get("bind").split("\\s+")) {
            boolean optional = host.startsWith("-");
            String h = optional ? host.substring(1) : host;
            if (h.isEmpty()) continue;
            try {
                if (tcpPort != 0) {
                    Channel ch = memcacheTcp().bind(new InetSocketAddress(h, tcpPort)).sync().channel();
                    listeners.add(ch);
                    memcachePort = ((InetSocketAddress) ch.localAddress()).getPort();
                }
                if (udpPort != 0) {
                    memcacheUdpPort = udp.bind(h, udpPort);
                }
            } catch (Exception e) {
                // The default port may well be taken by a real memcached: then Brisk still serves RESP.
                boolean defaults = c.param("memcache-port").value().equals(c.param("memcache-port").defaultValue()) && udpPort == 0;
                if (defaults) io.brisk.util.Log.warning("memcached listener not started on " + h + ":" + tcpPort + ": " + e.getMessage());
                else if (!optional) throw new IOException("could not bind memcached listener on " + h + ": " + e.getMessage(), e);
            }
        }
        memcache.ports(memcachePort, memcacheUdpPort);
    }

    private ServerBootstrap memcacheTcp() {
        return new ServerBootstrap().group(bossGroup, workers).channel(transport.tcpServerChannel())
                .option(ChannelOption.SO_BACKLOG, server.config.getInt("tcp-backlog"))
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new MemcacheConnection(memcache));
                    }
                });
    }

    private ServerBootstrap tcp(Dispatcher dispatcher) {
        return new ServerBootstrap().group(bossGroup, workers).channel(transport.tcpServerChannel())
                .option(ChannelOption.SO_BACKLOG, server.config.getInt("tcp-backlog"))
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, server.config.getInt("tcp-keepalive") > 0)
                .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .childHandler(initializer(dispatcher));
    }

    private ChannelInitializer<Channel> initializer(Dispatcher dispatcher) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast(new RespConnection(server, dispatcher, limits, clientLimits));
            }
        };
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_READ};
        for (int i = 0; i < order.length; i++) if ((mode & (1 << i)) != 0) s.add(order[i]);
        return s;
    }

    public void stop() {
        for (Channel ch : listeners) ch.close().awaitUninterruptibly();
        udp.stop();
        String unix = server.config.get("unixsocket");
        bossGroup.shutdownGracefully(0, 200, java.util.concurrent.TimeUnit.MILLISECONDS);
        workers.shutdownGracefully(0, 200, java.util.concurrent.TimeUnit.MILLISECONDS).awaitUninterruptibly();
        if (!unix.isEmpty()) {
            try {
                Files.deleteIfExists(Path.of(unix));
            } catch (IOException ignored) {
                // best effort
            }
        }
    }
}
