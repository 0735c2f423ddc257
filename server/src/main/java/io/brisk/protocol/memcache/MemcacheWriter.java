package io.brisk.protocol.memcache;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

/**
 * Builds memcached replies (text and meta) into one pooled direct buffer per batch. Values are copied
 * once, from where they lie to this buffer. Lines are assembled from small pieces so a handler never
 * formats a String on the hot path.
 */
public final class MemcacheWriter {
    private static final int INITIAL = 4096;
    public static final byte[] CRLF = {'\r', '\n'};
    public static final byte[] END = ascii("END\r\n");
    public static final byte[] STORED = ascii("STORED\r\n");
    public static final byte[] NOT_STORED = ascii("NOT_STORED\r\n");
    public static final byte[] EXISTS = ascii("EXISTS\r\n");
    public static final byte[] NOT_FOUND = ascii("NOT_FOUND\r\n");
    public static final byte[] DELETED = ascii("DELETED\r\n");
    public static final byte[] TOUCHED = ascii("TOUCHED\r\n");
    public static final byte[] OK = ascii("OK\r\n");
    public static final byte[] VALUE = ascii("VALUE ");

    private final ByteBufAllocator alloc;
    private ByteBuf out;
    private MemorySegment outMem;

    public MemcacheWriter(ByteBufAllocator alloc) {
        this.alloc = alloc;
    }

    public static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Hands over what was written since the last take (null when nothing was). */
    public ByteBuf take() {
        ByteBuf b = out;
        out = null;
        outMem = null;
        return b;
    }

    public int pendingBytes() { return out == null ? 0 : out.readableBytes(); }
    public int mark() { return out == null ? 0 : out.writerIndex(); }

    /** Drops what was written after a mark (a reply suppressed by noreply/q). */
    public void reset(int mark) {
        if (out != null) out.writerIndex(mark);
    }

    private void ensure(long n) {
        if (n > Integer.MAX_VALUE - 64) throw new IllegalArgumentException("reply too large");
        if (out == null) {
            out = alloc.directBuffer((int) Math.max(INITIAL, n));
            view();
        } else if (out.writableBytes() < n) {
            out.ensureWritable((int) n);
            view();
        }
    }

    private void view() {
        if (out.hasMemoryAddress()) outMem = io.brisk.util.NativeViews.of(out.memoryAddress(), out.capacity());
        else if (out.hasArray()) outMem = MemorySegment.ofArray(out.array()).asSlice(out.arrayOffset(), out.capacity());
        else outMem = MemorySegment.ofBuffer(out.nioBuffer(0, out.capacity()));
    }

    public MemcacheWriter raw(byte[] b) {
        ensure(b.length);
        out.writeBytes(b);
        return this;
    }

    /** A whole reply line: text plus CRLF. */
    public MemcacheWriter line(String s) {
        ensure(s.length() + 2);
        for (int i = 0; i < s.length(); i++) out.writeByte(s.charAt(i));
        out.writeBytes(CRLF);
        return this;
    }

    public MemcacheWriter text(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) out.writeByte(s.charAt(i));
        return this;
    }

    public MemcacheWriter ch(char c) {
        ensure(1);
        out.writeByte(c);
        return this;
    }

    /** A flag in a meta reply: space, the flag letter. */
    public MemcacheWriter flag(char c) {
        ensure(2);
        out.writeByte(' ');
        out.writeByte(c);
        return this;
    }

    public MemcacheWriter bytes(MemorySegment seg, long off, long len) {
        ensure(len);
        int wi = out.writerIndex();
        MemorySegment.copy(seg, off, outMem, wi, len);
        out.writerIndex(wi + (int) len);
        return this;
    }

    public MemcacheWriter bytes(byte[] b, int off, int len) {
        ensure(len);
        out.writeBytes(b, off, len);
        return this;
    }

    public MemcacheWriter crlf() {
        ensure(2);
        out.writeBytes(CRLF);
        return this;
    }

    /** A signed decimal. */
    public MemcacheWriter decimal(long v) {
        if (v < 0) {
            if (v == Long.MIN_VALUE) return text("-9223372036854775808");
            ch('-');
            v = -v;
        }
        return unsigned(v);
    }

    /** An unsigned 64-bit decimal held in a long's bits (CAS values, counters). */
    public MemcacheWriter unsigned(long v) {
        ensure(20);
        if (v >= 0 && v < 10) {
            out.writeByte('0' + (int) v);
            return this;
        }
        int wi = out.writerIndex();
        int len = 0;
        long t = v;
        do {
            len++;
            t = Long.divideUnsigned(t, 10);
        } while (t != 0);
        int pos = wi + len;
        do {
            out.setByte(--pos, (int) ('0' + Long.remainderUnsigned(v, 10)));
            v = Long.divideUnsigned(v, 10);
        } while (v != 0);
        out.writerIndex(wi + len);
        return this;
    }
}
