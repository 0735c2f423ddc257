package io.brisk.protocol.resp;

import io.brisk.protocol.Numbers;
import io.brisk.protocol.Reply;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes RESP2 or RESP3 replies straight into a pooled direct buffer. The connection takes the
 * buffer once per read batch and writes it with one flush. Values from the store are copied once,
 * from their off-heap segment into this buffer.
 */
public final class RespWriter implements Reply {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] OK = "+OK\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL_BULK = "$-1\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL_ARRAY = "*-1\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL3 = "_\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int INITIAL = 4096;

    private final ByteBufAllocator alloc;
    private static final int RECYCLE_MAX = 64 * 1024;
    private ByteBuf out;
    private ByteBuf spare;
    private MemorySegment outMem;
    private int protocol = 2;
    /** Told of every error reply (INFO errorstats counts them by code); null = nobody listens. */
    private java.util.function.Consumer<String> errorListener;

    public RespWriter(ByteBufAllocator alloc) {
        this.alloc = alloc;
    }

    public void protocol(int p) { protocol = p; }

    /** Registers who is told the message of each error reply written from now on. */
    public void onError(java.util.function.Consumer<String> listener) { errorListener = listener; }
    @Override public int protocol() { return protocol; }

    /**
     * Hands over what has been written since the last take (null when nothing was). The writer keeps
     * one extra reference to a small buffer it hands over: once the transport has written and
     * released it, the next batch of replies reuses it instead of asking the pool again.
     */
    public ByteBuf take() {
        ByteBuf b = out;
        out = null;
        outMem = null;
        if (b != null && b.capacity() <= RECYCLE_MAX) {
            if (spare != null) spare.release();
            spare = b.retain();
        }
        return b;
    }

    /** Drops the buffer kept for reuse (the connection is gone). */
    public void release() {
        if (spare != null) {
            spare.release();
            spare = null;
        }
        if (out != null) {
            out.release();
            out = null;
            outMem = null;
        }
    }

    private ByteBuf fresh(long n) {
        ByteBuf s = spare;
        if (s != null && s.refCnt() == 1 && n <= s.capacity()) { // written out: only our reference is left
            spare = null;
            return s.clear();
        }
        return alloc.directBuffer((int) Math.max(INITIAL, n));
    }

    @Override
    public long pendingBytes() {
        return out == null ? 0 : out.readableBytes();
    }

    /** Drops whatever is pending (used when a client asked for CLIENT REPLY OFF/SKIP). */
    public void discard(int fromWriterIndex) {
        if (out != null) out.writerIndex(fromWriterIndex);
    }

    public int writerIndex() {
        return out == null ? 0 : out.writerIndex();
    }

    private void ensure(long n) {
        if (n > Integer.MAX_VALUE - 64) throw new IllegalArgumentException("reply too large");
        if (out == null) {
            out = fresh(n);
            view();
        } else if (out.writableBytes() < n) {
            out.ensureWritable((int) n);
            view();
        }
    }

    private void view() {
        if (out.hasMemoryAddress()) {
            outMem = io.brisk.util.NativeViews.of(out.memoryAddress(), out.capacity());
        } else if (out.hasArray()) {
            outMem = MemorySegment.ofArray(out.array()).asSlice(out.arrayOffset(), out.capacity());
        } else {
            outMem = MemorySegment.ofBuffer(out.nioBuffer(0, out.capacity()));
        }
    }

    private void raw(byte[] b) {
        ensure(b.length);
        out.writeBytes(b);
    }

    private void header(byte type, long n) {
        ensure(24); // type, '-' and 19 digits, CRLF
        out.writerIndex((int) headerAt(out.writerIndex(), type, n));
    }

    /*
     * Framing and numbers are written with plain stores into the buffer's memory after one capacity
     * check (a list element of LRANGE used to cost three ByteBuf.writeBytes, each its own copy call).
     */
    private static final byte[] MIN_LONG = "-9223372036854775808".getBytes(StandardCharsets.US_ASCII);
    private static final ValueLayout.OfShort SHORT_LE = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final short CRLF_LE = (short) ('\r' | '\n' << 8);
    private static final long BULK_FRAMING = 1 + 19 + 2 + 2; // '$', length digits, CRLF, CRLF

    /** Writes type, n in decimal and CRLF at index i of the buffer's memory; returns the index after. */
    private long headerAt(long i, byte type, long n) {
        outMem.set(ValueLayout.JAVA_BYTE, i, type);
        long end = decimalAt(i + 1, n);
        outMem.set(SHORT_LE, end, CRLF_LE);
        return end + 2;
    }

    /** Writes v in decimal at index i of the buffer's memory; returns the index after it. */
    private long decimalAt(long i, long v) {
        MemorySegment m = outMem;
        if (v == Long.MIN_VALUE) {
            MemorySegment.copy(MIN_LONG, 0, m, ValueLayout.JAVA_BYTE, i, MIN_LONG.length);
            return i + MIN_LONG.length;
        }
        long end = i + Numbers.digits(v);
        if (v < 0) {
            m.set(ValueLayout.JAVA_BYTE, i, (byte) '-');
            v = -v;
        }
        long p = end;
        while (v >= 100) { // two digits per division: LPUSH's reply (the list's length) showed at 3 % of its CPU
            long q = v / 100;
            p -= 2;
            m.set(SHORT_LE, p, DIGIT_PAIRS[(int) (v - q * 100)]);
            v = q;
        }
        if (v >= 10) m.set(SHORT_LE, p - 2, DIGIT_PAIRS[(int) v]);
        else m.set(ValueLayout.JAVA_BYTE, p - 1, (byte) ('0' + v));
        return end;
    }

    /** "00" to "99", each as the two bytes of a little-endian short (tens digit first). */
    private static final short[] DIGIT_PAIRS = new short[100];

    static {
        for (int i = 0; i < 100; i++) DIGIT_PAIRS[i] = (short) (('0' + i / 10) | ('0' + i % 10) << 8);
    }

    @Override public void ok() { raw(OK); }

    @Override
    public void simple(String s) {
        int n = s.length();
        ensure(n + 3L);
        out.writeByte('+');
        if (isAscii(s)) { // PONG, QUEUED...: written char by char, no byte[] per reply
            out.writeCharSequence(s, StandardCharsets.US_ASCII);
        } else {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            ensure(b.length + 2L);
            out.writeBytes(b);
        }
        out.writeBytes(CRLF);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 0x80) return false;
        return true;
    }

    @Override
    public void error(String msg) {
        if (errorListener != null) errorListener.accept(msg);
        // Newlines would break the framing: Redis replaces them with spaces.
        byte[] b = msg.replace('\r', ' ').replace('\n', ' ').getBytes(StandardCharsets.UTF_8);
        ensure(b.length + 3);
        out.writeByte('-');
        out.writeBytes(b);
        out.writeBytes(CRLF);
    }

    @Override
    public void integer(long v) {
        header((byte) ':', v);
    }

    @Override
    public void bulk(byte[] b) {
        bulk(b, 0, b.length);
    }

    @Override
    public void bulk(byte[] b, int off, int len) {
        ensure(len + BULK_FRAMING);
        long i = headerAt(out.writerIndex(), (byte) '$', len);
        MemorySegment.copy(b, off, outMem, ValueLayout.JAVA_BYTE, i, len);
        endBulkAt(i + len);
    }

    @Override
    public void bulk(String s) {
        bulk(s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void bulk(MemorySegment seg, long off, long len) {
        ensure(len + BULK_FRAMING);
        long i = headerAt(out.writerIndex(), (byte) '$', len);
        MemorySegment.copy(seg, off, outMem, i, len);
        endBulkAt(i + len);
    }

    /** Ends a bulk string whose value ends at index i: CRLF, and the writer index past it. */
    private void endBulkAt(long i) {
        outMem.set(SHORT_LE, i, CRLF_LE);
        out.writerIndex((int) i + 2);
    }

    @Override
    public void bulkLong(long v) {
        ensure(48);
        endBulkAt(decimalAt(headerAt(out.writerIndex(), (byte) '$', Numbers.digits(v)), v));
    }

    @Override public void nullBulk() { raw(protocol == 3 ? NULL3 : NULL_BULK); }
    @Override public void nullArray() { raw(protocol == 3 ? NULL3 : NULL_ARRAY); }
    @Override public void array(int n) { header((byte) '*', n); }
    @Override public void map(int n) { if (protocol == 3) header((byte) '%', n); else header((byte) '*', 2L * n); }
    @Override public void set(int n) { header(protocol == 3 ? (byte) '~' : (byte) '*', n); }
    @Override public void push(int n) { header(protocol == 3 ? (byte) '>' : (byte) '*', n); }

    @Override
    public void doubleValue(double d) {
        if (protocol == 3) {
            String s = Double.isInfinite(d) ? (d > 0 ? "inf" : "-inf") : Numbers.formatDouble(d);
            byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            ensure(b.length + 3);
            out.writeByte(',');
            out.writeBytes(b);
            out.writeBytes(CRLF);
        } else {
            bulk(Numbers.formatDouble(d));
        }
    }

    @Override
    public void bool(boolean b) {
        if (protocol == 3) raw(b ? "#t\r\n".getBytes(StandardCharsets.US_ASCII) : "#f\r\n".getBytes(StandardCharsets.US_ASCII));
        else integer(b ? 1 : 0);
    }

    @Override
    public void verbatim(String text) {
        if (protocol == 3) {
            byte[] b = ("txt:" + text).getBytes(StandardCharsets.UTF_8);
            header((byte) '=', b.length);
            ensure(b.length + 2);
            out.writeBytes(b);
            out.writeBytes(CRLF);
        } else {
            bulk(text);
        }
    }

    @Override
    public void bigNumber(String digits) {
        if (protocol == 3) {
            byte[] b = digits.getBytes(StandardCharsets.US_ASCII);
            ensure(b.length + 3);
            out.writeByte('(');
            out.writeBytes(b);
            out.writeBytes(CRLF);
        } else {
            bulk(digits);
        }
    }
}
