package io.brisk.net;

import io.brisk.command.Connection;
import io.brisk.command.Dispatcher;
import io.brisk.command.ServerContext;
import io.brisk.command.Session;
import io.brisk.protocol.CommandArgs;
import io.brisk.protocol.ProtocolException;
import io.brisk.protocol.Reply;
import io.brisk.protocol.resp.RespLimits;
import io.brisk.protocol.resp.RespParser;
import io.brisk.protocol.resp.RespWriter;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.unix.UnixChannel;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * One RESP client connection. Every complete command in a read is parsed in place, run, and its
 * reply appended to one output buffer, which goes out with a single flush when the read is done.
 * Only the tail of an incomplete frame is ever copied (into a cumulation buffer).
 */
final class RespConnection extends ChannelInboundHandlerAdapter implements Connection {
    private static final int SPILL_BYTES = 256 * 1024;

    private final ServerContext server;
    private final Dispatcher dispatcher;
    private final RespParser parser;
    private ChannelHandlerContext ctx;
    private RespWriter writer;
    private Session session;
    private ByteBuf cumulation;
    private boolean closeAfterReply;
    private boolean closed;
    private boolean wroteSinceFlush;
    private final java.util.function.Consumer<CommandArgs> onCommand = this::onCommand;
    private final java.util.function.BooleanSupplier keepGoing = () -> !closeAfterReply && !closed && !session.blocked();

    RespConnection(ServerContext server, Dispatcher dispatcher, RespLimits limits) {
        this.server = server;
        this.dispatcher = dispatcher;
        this.parser = new RespParser(limits);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.writer = new RespWriter(ctx.alloc());
        this.session = new Session(server.clients.nextId(), this, server);
        if (server.clients.size() >= server.config.getInt("maxclients")) {
            server.clients.rejectedConnections.incrementAndGet();
            writer.error("ERR max number of clients reached");
            closed = true;
            ctx.writeAndFlush(writer.take()).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        if (deniedByProtectedMode()) {
            writer.error("DENIED Brisk is running in protected mode because protected mode is enabled and no password is set "
                    + "for the default user. In this mode connections are only accepted from the loopback interface. "
                    + "Set a password (requirepass) or disable protected mode (CONFIG SET protected-mode no) from a local client.");
            closed = true;
            ctx.writeAndFlush(writer.take()).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        server.clients.add(session);
        ctx.fireChannelActive();
    }

    private boolean deniedByProtectedMode() {
        if (!server.config.getBool("protected-mode") || !server.config.get("requirepass").isEmpty()) return false;
        SocketAddress a = ctx.channel().remoteAddress();
        if (a instanceof InetSocketAddress in) return !in.getAddress().isLoopbackAddress();
        return false; // unix socket
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closed = true;
        server.clients.remove(session);
        if (session != null) session.closed();
        if (cumulation != null) {
            cumulation.release();
            cumulation = null;
        }
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
        server.netInputBytes.add(in.readableBytes());
        ByteBuf buf;
        if (cumulation == null) {
            buf = in;
        } else {
            cumulation.writeBytes(in);
            in.release();
            buf = cumulation;
        }
        MemorySegment view = Buffers.view(buf);
        if (view == null) { // a composite buffer: make it contiguous once
            ByteBuf copy = ctx.alloc().directBuffer(Math.max(4096, buf.readableBytes()));
            copy.writeBytes(buf);
            buf.release();
            buf = cumulation = copy;
            view = Buffers.view(buf);
        }
        boolean owned = buf != cumulation;
        try {
            parser.parse(buf, view, onCommand, keepGoing);
        } catch (ProtocolException e) {
            server.protocolErrors.increment();
            protocolError(e.getMessage());
            if (owned) buf.release();
            return;
        }
        if (buf.isReadable() && !closeAfterReply) {
            if (buf != cumulation) {
                cumulation = ctx.alloc().directBuffer(Math.max(4096, buf.readableBytes() * 2));
                cumulation.writeBytes(buf);
                buf.release();
            } else {
                cumulation.discardReadBytes();
            }
            if (cumulation.readableBytes() > server.config.getLong("client-query-buffer-limit")) {
                protocolError("Protocol error: client query buffer limit exceeded"); // Redis closes such a client
            }
        } else {
            if (buf == cumulation) {
                cumulation.release();
                cumulation = null;
            } else {
                buf.release();
            }
        }
    }

    private void onCommand(CommandArgs args) {
        Session.ReplyMode before = session.replyMode;
        int mark = writer.writerIndex();
        dispatcher.dispatch(session, args, writer);
        session.commandsRun++;
        writer.protocol(session.protocol());
        if (before != Session.ReplyMode.ON) {
            if (before == Session.ReplyMode.SKIP || session.replyMode == Session.ReplyMode.OFF) writer.discard(mark);
            if (before == Session.ReplyMode.SKIP && session.replyMode == Session.ReplyMode.SKIP) session.replyMode = Session.ReplyMode.ON;
        }
        if (writer.pendingBytes() > SPILL_BYTES) {
            ByteBuf out = writer.take();
            server.netOutputBytes.add(out.readableBytes());
            ctx.write(out, ctx.voidPromise());
            wroteSinceFlush = true;
        }
    }

    private void protocolError(String message) {
        closed = true;
        writer.error(message);
        ByteBuf out = writer.take();
        if (cumulation != null) {
            cumulation.release();
            cumulation = null;
        }
        ctx.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        flush();
        if (closeAfterReply) {
            closed = true;
            ctx.writeAndFlush(ctx.alloc().buffer(0)).addListener(ChannelFutureListener.CLOSE);
        } else if (!ctx.channel().isWritable()) {
            ctx.channel().config().setAutoRead(false); // the client is not reading its replies: stop reading its requests
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable() && !closed && !session.blocked()) ctx.channel().config().setAutoRead(true);
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        closed = true;
        ctx.close();
    }

    // ---- Connection ------------------------------------------------------------------------

    @Override
    public void flush() {
        ByteBuf out = writer.take();
        if (out != null) {
            server.netOutputBytes.add(out.readableBytes());
            ctx.writeAndFlush(out, ctx.voidPromise());
            wroteSinceFlush = false;
        } else if (wroteSinceFlush) {
            ctx.flush();
            wroteSinceFlush = false;
        }
    }

    @Override public Reply reply() { return writer; }

    @Override
    public String remoteAddress() {
        return format(ctx.channel().remoteAddress());
    }

    @Override
    public String localAddress() {
        return format(ctx.channel().localAddress());
    }

    private static String format(SocketAddress a) {
        if (a instanceof InetSocketAddress in) return in.getAddress().getHostAddress() + ":" + in.getPort();
        return a == null ? "" : a.toString();
    }

    @Override
    public int fd() {
        return ctx.channel() instanceof UnixChannel u ? u.fd().intValue() : -1;
    }

    @Override public void closeAfterReply() { closeAfterReply = true; }

    @Override
    public void kill() {
        closed = true;
        ctx.channel().close();
    }

    @Override public void execute(Runnable task) { ctx.channel().eventLoop().execute(task); }
    @Override public boolean inEventLoop() { return ctx.channel().eventLoop().inEventLoop(); }

    @Override
    public long outputBytes() {
        return writer.pendingBytes() + (ctx.channel().unsafe().outboundBuffer() == null ? 0
                : ctx.channel().unsafe().outboundBuffer().totalPendingWriteBytes());
    }

    @Override
    public void pauseReading(boolean paused) {
        execute(() -> {
            if (closed) return;
            ctx.channel().config().setAutoRead(!paused);
            // Commands pipelined behind a blocking one wait in the cumulation buffer: run them now.
            if (!paused && cumulation != null && cumulation.isReadable() && !session.blocked()) {
                channelRead(ctx, ctx.alloc().buffer(0));
                flush();
            }
        });
    }
}
