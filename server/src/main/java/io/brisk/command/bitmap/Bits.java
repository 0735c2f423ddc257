package io.brisk.command.bitmap;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Bit access over a string value where it lies (off-heap), with Redis's bit order: bit 0 is the
 * most significant bit of byte 0. Reads past the value's length see zeros, as Redis pads.
 */
final class Bits {
    private static final ValueLayout.OfLong BIG_LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(java.nio.ByteOrder.BIG_ENDIAN);

    private Bits() {}

    static int byteAt(MemorySegment m, long base, long len, long i) {
        return i < len ? m.get(ValueLayout.JAVA_BYTE, base + i) & 0xFF : 0;
    }

    static int bit(MemorySegment m, long base, long len, long bit) {
        return (byteAt(m, base, len, bit >>> 3) >> (7 - (bit & 7))) & 1;
    }

    /** Sets one bit; the byte must lie inside the value. */
    static void setBit(MemorySegment m, long base, long bit, int on) {
        long p = base + (bit >>> 3);
        int b = m.get(ValueLayout.JAVA_BYTE, p);
        int mask = 1 << (7 - (bit & 7));
        m.set(ValueLayout.JAVA_BYTE, p, (byte) (on != 0 ? b | mask : b & ~mask));
    }

    /** Set bits in bytes [from, from + n), eight bytes at a time. */
    static long popcount(MemorySegment m, long from, long n) {
        long count = 0, i = 0;
        for (; i + 8 <= n; i += 8) count += Long.bitCount(m.get(ValueLayout.JAVA_LONG_UNALIGNED, from + i));
        for (; i < n; i++) count += Integer.bitCount(m.get(ValueLayout.JAVA_BYTE, from + i) & 0xFF);
        return count;
    }

    /**
     * Redis's redisBitpos: the position of the first bit equal to bit in bytes [from, from + n), or
     * -1 when looking for 1 and there is none, or n*8 when looking for 0 and all are 1 (the string
     * is seen as padded with zeros on the right).
     */
    static long bitpos(MemorySegment m, long from, long n, int bit) {
        long skip = bit == 1 ? 0 : -1L;
        long i = 0;
        for (; i + 8 <= n; i += 8) {
            long w = m.get(BIG_LONG, from + i);
            if (w != skip) return i * 8 + Long.numberOfLeadingZeros(bit == 1 ? w : ~w);
        }
        for (; i < n; i++) {
            int b = m.get(ValueLayout.JAVA_BYTE, from + i) & 0xFF;
            if (bit == 0) b = ~b & 0xFF;
            if (b != 0) return i * 8 + Integer.numberOfLeadingZeros(b) - 24;
        }
        return bit == 1 ? -1 : n * 8;
    }

    /** An unsigned field of bits bits (MSB first) at bit offset off. */
    static long getUnsigned(MemorySegment m, long base, long len, long off, int bits) {
        long v = 0;
        for (int j = 0; j < bits; j++) v = (v << 1) | bit(m, base, len, off + j);
        return v;
    }

    static long getSigned(MemorySegment m, long base, long len, long off, int bits) {
        long v = getUnsigned(m, base, len, off, bits);
        if (bits < 64 && (v & (1L << (bits - 1))) != 0) v |= -1L << bits;
        return v;
    }

    /** Writes the low bits bits of v at bit offset off; the bytes must lie inside the value. */
    static void setField(MemorySegment m, long base, long off, int bits, long v) {
        for (int j = 0; j < bits; j++) setBit(m, base, off + j, (int) ((v >>> (bits - 1 - j)) & 1));
    }
}
