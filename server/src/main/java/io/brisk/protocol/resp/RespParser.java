package io.brisk.protocol.resp;

import io.brisk.protocol.CommandArgs;
import io.brisk.protocol.ProtocolException;
import io.netty.buffer.ByteBuf;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Incremental RESP request parser (multibulk and inline). It hands each complete command to a sink
 * as views into the buffer the bytes arrived in. A partial frame stays in the caller's buffer and the
 * parser remembers how far it got, so a frame that arrives a byte at a time is scanned once.
 *
 * <p>Offsets of a partial frame are kept relative to the frame's start, so the caller may move the
 * unread bytes (compact its buffer) between calls.
 */
public final class RespParser {
    private volatile RespLimits limits;
    private final CommandArgs args = new CommandArgs();

    // State of the frame in progress (relative to its first byte).
    private int expectedArgs = -1;  // -1: the multibulk header has not been read yet
    private int scanned;            // bytes of the frame consumed so far
    private long bulkLen = -1;      // -1: waiting for the next $<len> header
    private int argCount;
    private int[] argOffs = new int[16];
    private int[] argLens = new int[16];

    public RespParser(RespLimits limits) {
        this.limits = limits;
    }

    public void limits(RespLimits l) {
        this.limits = l;
    }

    /** True when some bytes of an incomplete frame have been consumed (used for query-buffer limits). */
    public boolean midFrame() {
        return scanned > 0;
    }

    /**
     * Parses every complete command in buf from its reader index, calling sink for each; the reader
     * index ends at the start of the first incomplete frame. The sink may stop parsing early by
     * returning false from {@code keepGoing} (e.g. the client asked to close).
     *
     * @throws ProtocolException on malformed input; the message is Redis's "Protocol error: ..."
     */
    public void parse(ByteBuf buf, MemorySegment mem, Consumer<CommandArgs> sink, java.util.function.BooleanSupplier keepGoing) {
        while (buf.isReadable() && keepGoing.getAsBoolean()) {
            int start = buf.readerIndex();
            if (expectedArgs < 0 && scanned == 0 && buf.getByte(start) != '*') {
                if (!parseInline(buf, mem, start, sink)) return;
                continue;
            }
            if (!parseMultibulk(buf, mem, start)) return;
            if (expectedArgs > 0) {
                args.clear();
                for (int i = 0; i < argCount; i++) args.add(mem, start + argOffs[i], argLens[i]);
            }
            int frameLen = scanned;
            boolean empty = expectedArgs <= 0;
            reset();
            buf.readerIndex(start + frameLen);
            if (!empty) sink.accept(args);
        }
    }

    private void reset() {
        expectedArgs = -1;
        scanned = 0;
        bulkLen = -1;
        argCount = 0;
    }

    /** Advances through the frame at start; true when it is complete. */
    private boolean parseMultibulk(ByteBuf buf, MemorySegment mem, int start) {
        int end = buf.writerIndex();
        RespLimits lim = limits;
        if (expectedArgs < 0) {
            int eol = buf.indexOf(start + 1, end, (byte) '\r');
            if (eol < 0 || eol + 1 >= end) {
                if (end - start > lim.maxInlineLength()) throw new ProtocolException("Protocol error: too big mbulk count string");
                return false;
            }
            long n = parseNumber(buf, start + 1, eol, "Protocol error: invalid multibulk length");
            if (n > lim.maxMultibulkLength()) throw new ProtocolException("Protocol error: invalid multibulk length");
            scanned = eol + 2 - start;
            if (n <= 0) {
                expectedArgs = 0;
                return true;
            }
            expectedArgs = (int) n;
            if (argOffs.length < expectedArgs) {
                int cap = Math.min(expectedArgs, 1 << 16);
                argOffs = new int[Math.max(cap, argOffs.length)];
                argLens = new int[argOffs.length];
            }
        }
        while (argCount < expectedArgs) {
            int pos = start + scanned;
            if (bulkLen < 0) {
                if (pos >= end) return false;
                byte b = buf.getByte(pos);
                if (b != '$') {
                    throw new ProtocolException("Protocol error: expected '$', got '" + (char) (b & 0xFF) + "'");
                }
                int eol = buf.indexOf(pos + 1, end, (byte) '\r');
                if (eol < 0 || eol + 1 >= end) {
                    if (end - pos > lim.maxInlineLength()) throw new ProtocolException("Protocol error: too big bulk count string");
                    return false;
                }
                long n = parseNumber(buf, pos + 1, eol, "Protocol error: invalid bulk length");
                if (n < 0 || n > lim.protoMaxBulkLen()) throw new ProtocolException("Protocol error: invalid bulk length");
                bulkLen = n;
                scanned = eol + 2 - start;
                pos = start + scanned;
            }
            if ((long) end - pos < bulkLen + 2) return false;
            if (argCount == argOffs.length) {
                argOffs = java.util.Arrays.copyOf(argOffs, argCount * 2);
                argLens = java.util.Arrays.copyOf(argLens, argCount * 2);
            }
            argOffs[argCount] = pos - start;
            argLens[argCount] = (int) bulkLen;
            argCount++;
            scanned += (int) bulkLen + 2;
            bulkLen = -1;
        }
        return true;
    }

    private static long parseNumber(ByteBuf buf, int from, int to, String error) {
        if (from >= to || to - from > 19) throw new ProtocolException(error);
        long v = 0;
        boolean neg = false;
        int i = from;
        if (buf.getByte(i) == '-') {
            neg = true;
            i++;
            if (i == to) throw new ProtocolException(error);
        }
        for (; i < to; i++) {
            int d = buf.getByte(i) - '0';
            if (d < 0 || d > 9) throw new ProtocolException(error);
            v = v * 10 + d;
        }
        return neg ? -v : v;
    }

    /** Inline command: a line of space-separated words, with Redis's quoting rules. */
    private boolean parseInline(ByteBuf buf, MemorySegment mem, int start, Consumer<CommandArgs> sink) {
        int end = buf.writerIndex();
        int nl = buf.indexOf(start, end, (byte) '\n');
        if (nl < 0) {
            if (end - start > limits.maxInlineLength()) throw new ProtocolException("Protocol error: too big inline request");
            return false;
        }
        int lineEnd = nl > start && buf.getByte(nl - 1) == '\r' ? nl - 1 : nl;
        if (splitPlain(buf, mem, start, lineEnd)) {
            buf.readerIndex(nl + 1);
            if (args.count() > 0) sink.accept(args);
            return true;
        }
        byte[] line = new byte[lineEnd - start];
        buf.getBytes(start, line);
        buf.readerIndex(nl + 1);
        java.util.List<byte[]> words = InlineSplitter.split(line);
        if (words == null) throw new ProtocolException("Protocol error: unbalanced quotes in request");
        if (words.isEmpty()) return true;
        args.clear();
        for (byte[] w : words) args.add(w);
        sink.accept(args);
        return true;
    }

    /**
     * The common inline line (words and spaces, no quotes) becomes views into the buffer, like a
     * multibulk frame: no copy of the line and no array per word (PING_INLINE spent 8 % of its CPU
     * copying and splitting). False, with args undefined, when the line has quotes to interpret.
     */
    private boolean splitPlain(ByteBuf buf, MemorySegment mem, int from, int to) {
        args.clear();
        int i = from;
        while (i < to) {
            byte c = buf.getByte(i);
            if (InlineSplitter.isSpace(c)) {
                i++;
                continue;
            }
            int word = i;
            while (i < to && !InlineSplitter.isSpace(c = buf.getByte(i))) {
                if (c == '"' || c == '\'') return false;
                i++;
            }
            args.add(mem, word, i - word);
        }
        return true;
    }

    static String ascii(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
