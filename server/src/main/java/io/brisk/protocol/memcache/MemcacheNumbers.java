package io.brisk.protocol.memcache;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * memcached's number rules (safe_strtoull/safe_strtol): plain decimal digits. Parse failures return
 * {@link #INVALID}; unsigned 64-bit values are returned in a long's bits (compare with
 * Long.compareUnsigned), so INVALID is reported separately through {@link #unsignedValid}.
 */
public final class MemcacheNumbers {
    public static final long INVALID = Long.MIN_VALUE;

    private MemcacheNumbers() {}

    /** True when the bytes are 1-20 digits whose value fits in 64 unsigned bits. */
    public static boolean unsignedValid(MemorySegment m, long off, int len) {
        if (len == 0 || len > 20) return false;
        long v = 0;
        for (int i = 0; i < len; i++) {
            int d = m.get(ValueLayout.JAVA_BYTE, off + i) - '0';
            if (d < 0 || d > 9) return false;
            if (Long.compareUnsigned(v, 0x1999999999999999L) > 0 || (v == 0x1999999999999999L && d > 5)) return false;
            v = v * 10 + d;
        }
        return true;
    }

    /** An unsigned 64-bit decimal in a long's bits; call {@link #unsignedValid} first. */
    public static long unsigned64(MemorySegment m, long off, int len) {
        long v = 0;
        for (int i = 0; i < len; i++) v = v * 10 + (m.get(ValueLayout.JAVA_BYTE, off + i) - '0');
        return v;
    }

    /** A signed decimal that fits a long, or INVALID. */
    public static long signed64(MemorySegment m, long off, int len) {
        if (len == 0 || len > 20) return INVALID;
        boolean neg = m.get(ValueLayout.JAVA_BYTE, off) == '-';
        int i = neg ? 1 : 0;
        if (i == len) return INVALID;
        long v = 0;
        for (; i < len; i++) {
            int d = m.get(ValueLayout.JAVA_BYTE, off + i) - '0';
            if (d < 0 || d > 9) return INVALID;
            if (v > (Long.MAX_VALUE - d) / 10) return INVALID;
            v = v * 10 + d;
        }
        return neg ? -v : v;
    }

    /** A signed 32-bit decimal (exptime, lengths), or INVALID. */
    public static long signed32(MemorySegment m, long off, int len) {
        long v = signed64(m, off, len);
        return v == INVALID || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? INVALID : v;
    }

    /** An unsigned 32-bit decimal (client flags), or INVALID. */
    public static long unsigned32(MemorySegment m, long off, int len) {
        if (!unsignedValid(m, off, len)) return INVALID;
        long v = unsigned64(m, off, len);
        return v < 0 || v > 0xFFFFFFFFL ? INVALID : v;
    }
}
