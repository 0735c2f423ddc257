package io.brisk.net;

import io.brisk.command.memcache.MemcacheService;
import io.brisk.protocol.memcache.MemcacheWriter;
import io.brisk.protocol.memcache.UdpFrame;
import io.brisk.util.Log;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.net.InetSocketAddress;

/**
 * memcached over UDP on one socket, served by a thread of its own: it blocks in recvmmsg, serves the
 * batch of datagrams that arrives, and sends all their replies with sendmmsg. Nothing is allocated
 * per datagram; the replies of a batch share one pooled buffer. This is what memcached's UDP thread
 * does, minus a system call per datagram each way.
 */
final class NativeUdpListener implements AutoCloseable {
    /** Datagrams per recvmmsg: enough for every client of a busy load generator (memcaslap uses 128). */
    private static final int RECEIVE_BATCH = 64;
    /** Reply datagrams per sendmmsg; a longer run of replies goes out in several calls. */
    private static final int SEND_BATCH = 256;

    private final LinuxUdpSocket socket;
    private final Arena arena = Arena.ofShared();
    private final ReceiveBatch received;
    private final SendBatch replies;
    private final MemcacheDatagrams datagrams;
    private final MemcacheWriter writer = new MemcacheWriter(PooledByteBufAllocator.DEFAULT);
    private final int[] requestIds = new int[RECEIVE_BATCH];
    private final int[] replyEnds = new int[RECEIVE_BATCH];
    private final Thread thread;
    private volatile boolean stopping;

    NativeUdpListener(MemcacheService service, InetSocketAddress at, int socketBufferBytes) throws IOException {
        socket = new LinuxUdpSocket(at, socketBufferBytes);
        received = new ReceiveBatch(arena, RECEIVE_BATCH);
        replies = new SendBatch(arena, SEND_BATCH);
        datagrams = new MemcacheDatagrams(service, at.getHostString() + ":" + socket.port());
        // A Netty thread, so pooled reply buffers come from its thread cache and NativeViews' cache is fast.
        thread = new FastThreadLocalThread(this::run, "brisk-memcache-udp-" + socket.port());
        thread.setDaemon(true);
        thread.start();
    }

    int port() { return socket.port(); }

    private void run() {
        int n = 0;
        while (!stopping) {
            try {
                n = socket.receive(received.prepare(n), received.capacity());
                if (n > 0) serve(n);
            } catch (IOException | RuntimeException e) {
                if (stopping) break;
                Log.warning("memcached UDP on port " + socket.port() + ": " + e.getMessage());
                pause(); // a failing socket must not turn this loop into a busy one
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs the requests of n datagrams, then sends every reply. */
    private void serve(int n) {
        for (int i = 0; i < n; i++) {
            requestIds[i] = datagrams.serve(received.datagram(i), received.view(i), writer);
            replyEnds[i] = writer.mark();
        }
        ByteBuf out = writer.take();
        if (out == null) return;
        try {
            long base = Buffers.view(out).address();
            int start = 0;
            for (int i = 0; i < n; i++) {
                int bytes = replyEnds[i] - start;
                if (bytes > 0 && requestIds[i] != MemcacheDatagrams.NOT_A_FRAME) queue(i, base + start, bytes);
                start = replyEnds[i];
            }
            flush();
        } finally {
            out.release();
        }
    }

    /** Queues datagram i's reply, cut into numbered datagrams of at most MAX_DATAGRAM bytes. */
    private void queue(int i, long reply, int bytes) {
        int total = UdpFrame.datagrams(bytes);
        if (total > UdpFrame.MAX_DATAGRAMS) return;
        for (int seq = 0; seq < total; seq++) {
            int n = Math.min(UdpFrame.MAX_PAYLOAD, bytes - seq * UdpFrame.MAX_PAYLOAD);
            if (replies.full()) flush();
            replies.add(received.senderAddress(i), received.senderLength(i), requestIds[i], seq, total,
                    reply + (long) seq * UdpFrame.MAX_PAYLOAD, n);
        }
        datagrams.sent(total * UdpFrame.HEADER + bytes);
    }

    private void flush() {
        for (int sent = 0; sent < replies.count(); ) sent += socket.send(replies.msgs(), sent, replies.count() - sent);
        replies.clear();
    }

    @Override
    public void close() {
        stopping = true;
        socket.shutdown();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        datagrams.close();
        socket.close();
        if (!thread.isAlive()) {
            received.close();
            arena.close();
        }
    }
}
