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
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * One RESP client connection. Every complete command in a read is parsed in place, run, and its
 * reply appended to one output buffer, which goes out with a single flush when the read is done.
 * Only the tail of an incomplete frame is ever copied (into a cumulation buffer).
 */
final class RespConnection extends ChannelInboundHandlerAdapter implements Connection, ClientsCron.Client {
    private static final int SPILL_BYTES = 256 * 1024;

    private final ServerContext server;
    private final Dispatcher dispatcher;
    private final RespParser parser;
    private final ClientLimits limits;
    /** Second at which pending output first reached the soft limit, 0 while below it (Redis's obuf_soft_limit_reached_time). */
    private long softLimitSince;
    /** Pending output at the last cron tick: less now means bytes went out, which counts as interaction. */
    private long outputAtLastTick;
    private ChannelHandlerContext ctx;
    private RespWriter writer;
    private Session session;
    private final InputBuffer input = new InputBuffer();
    /** True while the parser reads the input (a command may close the connection meanwhile). */
    private boolean parsing;
    private boolean closeAfterReply;
    private boolean closed;
    private boolean wroteSinceFlush;
    private final java.util.function.Consumer<CommandArgs> onCommand = this::onCommand;
    private final java.util.function.BooleanSupplier keepGoing =
            () -> !closeAfterReply && !closed && this.deferred == null && !session.blocked();
    /** A command held back by CLIENT PAUSE; reading stops until it has run. */
    private CommandArgs deferred;

    RespConnection(ServerContext server, Dispatcher dispatcher, RespLimits limits, ClientLimits clientLimits) {
        this.server = server;
        this.dispatcher = dispatcher;
        this.parser = new RespParser(limits);
        this.limits = clientLimits;
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
        writer.onError(server.errorStats::record); // the refusals above are raw writes in Redis, not counted
        server.clients.add(session);
        ClientsCron.add(ctx.executor(), this);
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
        ClientsCron.remove(this);
        server.clients.remove(session);
        if (session != null) session.closed();
        if (!parsing) input.release(); // mid-parse, channelRead releases it when the parser returns
        if (writer != null) writer.release();
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
        session.interacted(server.keyspace.coarseMillis());
        ByteBuf buf = input.add(ctx.alloc(), in);
        parsing = true;
        try {
            parser.parse(buf, input.view(), onCommand, keepGoing);
        } catch (ProtocolException e) {
            server.protocolErrors.increment();
            parsing = false;
            protocolError(e.getMessage());
            return;
        } finally {
            parsing = false;
            session.clock.end(); // the batch's commands are timed: INFO from anywhere sees them
        }
        if (closed) { // a command closed this connection (CLIENT KILL of itself)
            input.release();
            return;
        }
        input.settle(ctx.alloc(), !closeAfterReply);
        if (input.pending() > limits.queryBufferLimit()) {
            protocolError("Protocol error: client query buffer limit exceeded"); // Redis closes such a client
        }
    }

    private void onCommand(CommandArgs args) {
        if (server.pausedUntil != 0 && mustWait(args)) {
            deferred = args.copy();
            ctx.channel().config().setAutoRead(false);
            scheduleResume();
            return;
        }
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
            if (outputLimitReached()) {
                closeForOutputLimit();
                return;
            }
            ByteBuf out = writer.take();
            server.netOutputBytes.add(out.readableBytes());
            ctx.write(out, ctx.voidPromise());
            wroteSinceFlush = true;
        }
    }

    /** CLIENT PAUSE: ALL holds every command, WRITE holds those that write or may replicate. */
    private boolean mustWait(CommandArgs args) {
        if (System.currentTimeMillis() >= server.pausedUntil) return false;
        if (!server.pauseWritesOnly) return true;
        io.brisk.command.CommandSpec spec = server.commands.lookup(args, 0);
        return spec != null && (spec.has(io.brisk.command.CommandFlag.WRITE) || spec.has(io.brisk.command.CommandFlag.MAY_REPLICATE));
    }

    /** Checks back on the event loop (never blocking it) until the pause ends or is lifted. */
    private void scheduleResume() {
        long wait = Math.max(1, Math.min(10, server.pausedUntil - System.currentTimeMillis()));
        ctx.executor().schedule(this::resume, wait, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private void resume() {
        if (closed) return;
        CommandArgs held = deferred;
        if (held == null) return;
        if (server.pausedUntil != 0 && mustWait(held)) {
            scheduleResume();
            return;
        }
        deferred = null;
        onCommand(held);
        session.clock.end();
        if (deferred == null && input.hasPending()) {
            channelRead(ctx, io.netty.buffer.Unpooled.EMPTY_BUFFER); // the commands that arrived behind it
        }
        channelReadComplete(ctx);
        if (deferred == null && !closed && !session.blocked() && ctx.channel().isWritable()) ctx.channel().config().setAutoRead(true);
    }

    private void protocolError(String message) {
        closed = true;
        writer.error("ERR " + message); // Redis: "-ERR Protocol error: ..."
        ByteBuf out = writer.take();
        input.release();
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
        if (ctx.channel().isWritable() && !closed && deferred == null && !session.blocked()) ctx.channel().config().setAutoRead(true);
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
        if (!closed && outputLimitReached()) {
            closeForOutputLimit();
            return;
        }
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

    // ---- limits: client-output-buffer-limit and the idle timeout ---------------------------

    /**
     * Redis's checkClientOutputBufferLimits for a normal client: at or over the hard limit, or at or
     * over the soft limit for more than its seconds (counted from the first time it was seen there).
     * Checked with the replies of a read still unsent, as Redis checks them before writing.
     */
    private boolean outputLimitReached() {
        ClientLimits.OutputLimit l = limits.normal();
        if (!l.any()) {
            softLimitSince = 0;
            return false;
        }
        long used = outputBytes();
        boolean hard = l.hardBytes() != 0 && used >= l.hardBytes();
        boolean soft = l.softBytes() != 0 && used >= l.softBytes();
        if (soft) {
            long now = System.currentTimeMillis() / 1000;
            if (softLimitSince == 0) {
                softLimitSince = now;
                soft = false;
            } else if (now - softLimitSince <= l.softSeconds()) {
                soft = false;
            }
        } else {
            softLimitSince = 0;
        }
        return hard || soft;
    }

    /** Closes the client at once, its pending replies dropped, as Redis's freeClientAsync after the limit. */
    private void closeForOutputLimit() {
        if (io.brisk.util.Log.enabled(io.brisk.util.Log.Level.WARNING)) {
            io.brisk.util.Log.warning("Client " + io.brisk.command.server.ClientCommands.describe(session, null)
                    + " scheduled to be closed ASAP for overcoming of output buffer limits.");
        }
        ByteBuf pending = writer.take();
        if (pending != null) pending.release();
        kill();
    }

    /**
     * Once a second on this client's loop (Redis's clientsCronHandleTimeout): closes it when idle
     * longer than {@code timeout} seconds, unless it waits in a blocking command or a CLIENT PAUSE
     * (those end by their own timeout); rechecks the output soft limit, since a client that does not
     * read is not read from either, so no flush would notice it.
     */
    @Override
    public void cron(long nowMillis) {
        if (closed) return;
        long out = outputBytes();
        if (out < outputAtLastTick) session.interacted(nowMillis); // bytes reached the client
        outputAtLastTick = out;
        long idleLimit = limits.idleTimeoutMillis();
        if (idleLimit > 0 && !session.blocked() && deferred == null
                && nowMillis / 1000 - session.lastInteractionMillis() / 1000 > idleLimit / 1000) {
            io.brisk.util.Log.verbose("Closing idle client");
            kill();
            return;
        }
        if (outputLimitReached()) closeForOutputLimit();
    }

    @Override
    public String remoteAddress() {
        if (isUnixSocket()) return localAddress(); // Redis shows the socket's path for both ends: "/path:0"
        return format(ctx.channel().remoteAddress());
    }

    @Override
    public String localAddress() {
        return format(ctx.channel().localAddress());
    }

    private static String format(SocketAddress a) {
        if (a instanceof InetSocketAddress in) return in.getAddress().getHostAddress() + ":" + in.getPort();
        if (a instanceof io.netty.channel.unix.DomainSocketAddress d) return d.path() + ":0";
        if (a instanceof java.net.UnixDomainSocketAddress u) return u.getPath() + ":0";
        return a == null ? "" : a.toString();
    }

    @Override
    public int fd() {
        return ctx.channel() instanceof UnixChannel u ? u.fd().intValue() : -1;
    }

    @Override
    public long queryBufferBytes() {
        return input.pending();
    }

    @Override
    public long queryBufferFree() {
        return input.free();
    }

    @Override
    public boolean isUnixSocket() {
        return ctx.channel().localAddress() instanceof io.netty.channel.unix.DomainSocketAddress
                || ctx.channel().localAddress() instanceof java.net.UnixDomainSocketAddress;
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
            ctx.channel().config().setAutoRead(!paused && deferred == null);
            // Commands pipelined behind a blocking one wait in the cumulation buffer: run them now.
            if (!paused && input.hasPending() && !session.blocked() && deferred == null) {
                channelRead(ctx, ctx.alloc().buffer(0));
                flush();
            }
        });
    }
}
