package io.brisk.net;

import io.brisk.command.memcache.MemcacheService;
import io.brisk.protocol.memcache.MemcacheWriter;
import io.brisk.protocol.memcache.UdpFrame;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;

/**
 * memcached over UDP on a Netty datagram channel, where the native listener ({@link NativeUdpListener})
 * is not available: one DatagramPacket in, its reply cut into framed datagrams of at most 1400 bytes.
 */
final class MemcacheUdpHandler extends SimpleChannelInboundHandler<DatagramPacket> {
    private final MemcacheDatagrams datagrams;
    private MemcacheWriter writer;

    MemcacheUdpHandler(MemcacheService service, String local) {
        this.datagrams = new MemcacheDatagrams(service, local);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        if (writer == null) writer = new MemcacheWriter(ctx.alloc());
        ByteBuf in = packet.content();
        MemorySegment view = Buffers.view(in);
        int requestId;
        if (view != null) {
            requestId = datagrams.serve(in, view, writer);
        } else {
            ByteBuf copy = ctx.alloc().directBuffer(in.readableBytes()).writeBytes(in);
            try {
                requestId = datagrams.serve(copy, Buffers.view(copy), writer);
            } finally {
                copy.release();
            }
        }
        ByteBuf reply = writer.take();
        if (reply == null) return;
        try {
            if (requestId != MemcacheDatagrams.NOT_A_FRAME) send(ctx, reply, requestId, packet.sender());
        } finally {
            reply.release();
        }
    }

    private void send(ChannelHandlerContext ctx, ByteBuf reply, int requestId, InetSocketAddress to) {
        if (!reply.isReadable()) return; // nothing to say (noreply, quiet meta commands)
        int total = UdpFrame.datagrams(reply.readableBytes());
        if (total > UdpFrame.MAX_DATAGRAMS) return;
        for (int seq = 0; seq < total; seq++) {
            int n = Math.min(UdpFrame.MAX_PAYLOAD, reply.readableBytes());
            ByteBuf d = ctx.alloc().directBuffer(UdpFrame.HEADER + n);
            UdpFrame.write(d, requestId, seq, total);
            d.writeBytes(reply, n);
            datagrams.sent(d.readableBytes());
            ctx.write(new DatagramPacket(d, to), ctx.voidPromise());
        }
    }

    /** Replies to every datagram of one read go out together (the transport batches the sends). */
    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        datagrams.close();
        ctx.fireChannelInactive();
    }
}
