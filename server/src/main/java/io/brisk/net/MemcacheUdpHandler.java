package io.brisk.net;

import io.brisk.command.memcache.MemcacheService;
import io.brisk.command.memcache.MemcacheSession;
import io.brisk.protocol.memcache.MemcacheParser;
import io.brisk.protocol.memcache.MemcacheRequest;
import io.brisk.protocol.memcache.MemcacheWriter;
import io.brisk.protocol.memcache.UdpFrame;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * memcached over UDP: each datagram is an 8-byte frame header plus whole requests (a request never
 * spans datagrams, as in memcached). The replies to one datagram are cut into datagrams of at most
 * 1400 bytes, each with the request id, its sequence number and the total count.
 */
final class MemcacheUdpHandler extends SimpleChannelInboundHandler<DatagramPacket> {
    private final MemcacheService service;
    private final MemcacheSession session;
    private MemcacheParser parser;
    private MemcacheWriter writer;
    private final Consumer<MemcacheRequest> onRequest = r -> service().execute(session(), r, writer);
    private final BooleanSupplier keepGoing = () -> true;
    private static final byte[] HEADER_SPACE = new byte[UdpFrame.HEADER];

    MemcacheUdpHandler(MemcacheService service, String local) {
        this.service = service;
        this.session = service.open("udp", "", local);
    }

    private MemcacheService service() { return service; }
    private MemcacheSession session() { return session; }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        ByteBuf in = packet.content();
        if (in.readableBytes() < UdpFrame.HEADER) return; // not a memcached datagram
        service.bytesRead(in.readableBytes());
        if (writer == null) writer = new MemcacheWriter(ctx.alloc());
        int requestId = UdpFrame.requestId(in);
        writer.raw(HEADER_SPACE); // room for the frame header: a one-datagram reply goes out as it is
        if (UdpFrame.total(in) != 1 || UdpFrame.sequence(in) != 0) {
            writer.line(UdpFrame.MULTI_PACKET);
        } else {
            in.skipBytes(UdpFrame.HEADER);
            // A fresh parser per datagram: a request cut short by the datagram's end is dropped.
            parser = parser == null ? new MemcacheParser(service.maxItemSize()) : parser;
            parser.maxItemSize(service.maxItemSize());
            parser.strictKeys(service.strictKeys());
            MemorySegment view = Buffers.view(in);
            if (view == null) {
                ByteBuf copy = ctx.alloc().directBuffer(in.readableBytes());
                copy.writeBytes(in);
                try {
                    parser.parse(copy, Buffers.view(copy), onRequest, keepGoing);
                } catch (RuntimeException e) {
                    writer.line(e.getMessage() == null ? MemcacheParser.ERROR : e.getMessage());
                } finally {
                    copy.release();
                }
            } else {
                try {
                    parser.parse(in, view, onRequest, keepGoing);
                } catch (RuntimeException e) {
                    writer.line(e.getMessage() == null ? MemcacheParser.ERROR : e.getMessage());
                }
            }
            if (parser.midRequest()) parser = null; // discard the partial request's state
        }
        ByteBuf reply = writer.take();
        try {
            send(ctx, reply, requestId, packet.sender());
        } finally {
            reply.release();
        }
    }

    /** reply starts with HEADER bytes of room; the rest is the reply text. */
    private void send(ChannelHandlerContext ctx, ByteBuf reply, int requestId, InetSocketAddress to) {
        int bytes = reply.readableBytes() - UdpFrame.HEADER;
        if (bytes == 0) return; // nothing to say (noreply, quiet meta commands)
        int total = UdpFrame.datagrams(bytes);
        if (total > 0xFFFF) return; // cannot be numbered: memcached drops such replies too
        if (total == 1) {
            int w = reply.writerIndex();
            reply.writerIndex(reply.readerIndex());
            UdpFrame.write(reply, requestId, 0, 1);
            reply.writerIndex(w);
            service.bytesWritten(reply.readableBytes());
            ctx.write(new DatagramPacket(reply.retain(), to), ctx.voidPromise());
            return;
        }
        reply.skipBytes(UdpFrame.HEADER);
        for (int seq = 0; seq < total; seq++) {
            int n = Math.min(UdpFrame.MAX_PAYLOAD, reply.readableBytes());
            ByteBuf d = ctx.alloc().directBuffer(UdpFrame.HEADER + n);
            UdpFrame.write(d, requestId, seq, total);
            d.writeBytes(reply, n);
            service.bytesWritten(d.readableBytes());
            ctx.write(new DatagramPacket(d, to), ctx.voidPromise());
        }
    }

    /** Replies to every datagram of one read go out together (the transport batches the sends). */
    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
        ctx.fireChannelReadComplete();
    }
}
