package io.brisk.net;

import io.brisk.command.memcache.MemcacheService;
import io.brisk.command.memcache.MemcacheSession;
import io.brisk.protocol.ProtocolException;
import io.brisk.protocol.memcache.MemcacheParser;
import io.brisk.protocol.memcache.MemcacheRequest;
import io.brisk.protocol.memcache.MemcacheWriter;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One memcached client over TCP (text and meta commands). Like RespConnection: every complete
 * request in a read runs in place and the replies leave with one flush; only the tail of an
 * incomplete request is copied. A value being swallowed (too large) is discarded as it arrives.
 */
final class MemcacheConnection extends ChannelInboundHandlerAdapter {
    private static final int SPILL_BYTES = 256 * 1024;

    private final MemcacheService service;
    private final MemcacheParser parser;
    private ChannelHandlerContext ctx;
    private MemcacheWriter writer;
    private MemcacheSession session;
    private final InputBuffer input = new InputBuffer();
    private boolean closed;
    private boolean wroteSinceFlush;
    private final Consumer<MemcacheRequest> onRequest = this::onRequest;
    private final BooleanSupplier keepGoing = () -> !closed && !session.quitRequested();

    MemcacheConnection(MemcacheService service) {
        this.service = service;
        this.parser = new MemcacheParser(service.maxItemSize());
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.writer = new MemcacheWriter(ctx.alloc());
        session = service.open("tcp", format(ctx.channel().remoteAddress()), format(ctx.channel().localAddress()));
        if (session == null) { // maxclients reached
            closed = true;
            writer.line("ERROR Too many open connections"); // memcached's words
            ctx.writeAndFlush(writer.take()).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.fireChannelActive();
    }

    static String format(SocketAddress a) {
        if (a instanceof InetSocketAddress in) return in.getAddress().getHostAddress() + ":" + in.getPort();
        return a == null ? "" : a.toString();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closed = true;
        service.close(session);
        input.release();
        ByteBuf pending = writer == null ? null : writer.take();
        if (pending != null) pending.release();
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        if (closed) {
            in.release();
            return;
        }
        service.bytesRead(in.readableBytes());
        ByteBuf buf = input.add(ctx.alloc(), in);
        session.state("conn_parse_cmd");
        parser.maxItemSize(service.maxItemSize());
        parser.strictKeys(service.strictKeys());
        try {
            parser.parse(buf, input.view(), onRequest, keepGoing);
        } catch (ProtocolException e) {
            fail(e.getMessage());
            return;
        }
        session.state("conn_waiting");
        if (closed) {
            input.release();
            return;
        }
        input.settle(ctx.alloc(), !session.quitRequested());
    }

    private void onRequest(MemcacheRequest r) {
        service.execute(session, r, writer);
        if (writer.pendingBytes() > SPILL_BYTES) {
            ByteBuf out = writer.take();
            service.bytesWritten(out.readableBytes());
            ctx.write(out, ctx.voidPromise());
            wroteSinceFlush = true;
        }
    }

    /** A request this connection cannot recover from: answer it, then close (other clients carry on). */
    private void fail(String message) {
        closed = true;
        writer.line(message);
        input.release();
        ctx.writeAndFlush(writer.take()).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (closed) return;
        ByteBuf out = writer.take();
        if (out != null) {
            service.bytesWritten(out.readableBytes());
            ctx.writeAndFlush(out, ctx.voidPromise());
        } else if (wroteSinceFlush) {
            ctx.flush();
        }
        wroteSinceFlush = false;
        if (session.quitRequested()) {
            closed = true;
            ctx.writeAndFlush(ctx.alloc().buffer(0)).addListener(ChannelFutureListener.CLOSE);
        } else if (!ctx.channel().isWritable()) {
            ctx.channel().config().setAutoRead(false); // the client is not reading its replies: stop reading its requests
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable() && !closed) ctx.channel().config().setAutoRead(true);
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        closed = true;
        ctx.close();
    }
}
