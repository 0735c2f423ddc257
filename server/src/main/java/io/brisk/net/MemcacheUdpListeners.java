package io.brisk.net;

import io.brisk.command.memcache.MemcacheService;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * memcached's UDP listeners, one per bind address. With a native transport (Linux) each is a
 * {@link NativeUdpListener}: batched system calls and no allocation per datagram, measured at about
 * half the CPU per request of Netty's io_uring or epoll datagram channels. With the NIO transport
 * (or where the native calls cannot be bound) a Netty datagram channel on the worker loops serves.
 */
final class MemcacheUdpListeners {
    private static final int SOCKET_BUFFER_BYTES = 4 * 1024 * 1024;
    /** A receive buffer that holds the largest UDP payload: memcached does not cut request datagrams. */
    private static final int MAX_DATAGRAM_BYTES = 65536;

    private final Transport transport;
    private final EventLoopGroup workers;
    private final MemcacheService memcache;
    private final List<AutoCloseable> open = new ArrayList<>();

    MemcacheUdpListeners(Transport transport, EventLoopGroup workers, MemcacheService memcache) {
        this.transport = transport;
        this.workers = workers;
        this.memcache = memcache;
    }

    /** True when the listeners are native ones rather than Netty channels. */
    boolean nativeListeners() {
        return transport != Transport.NIO && LinuxUdpSocket.available();
    }

    /** Binds host:port and returns the port bound (port 0 picks one). */
    int bind(String host, int port) throws IOException, InterruptedException {
        InetSocketAddress at = new InetSocketAddress(host, port);
        if (nativeListeners()) {
            NativeUdpListener l = new NativeUdpListener(memcache, at, SOCKET_BUFFER_BYTES);
            open.add(l);
            return l.port();
        }
        Channel ch = new Bootstrap().group(workers).channel(transport.datagramChannel())
                .option(ChannelOption.SO_RCVBUF, SOCKET_BUFFER_BYTES)
                .option(ChannelOption.SO_SNDBUF, SOCKET_BUFFER_BYTES)
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM_BYTES))
                .handler(new MemcacheUdpHandler(memcache, host + ":" + port)).bind(at).sync().channel();
        open.add(() -> ch.close().awaitUninterruptibly());
        return ((InetSocketAddress) ch.localAddress()).getPort();
    }

    void stop() {
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception ignored) {
                // stopping anyway
            }
        }
        open.clear();
    }
}
