package io.brisk.util;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** CRC16-CCITT (XMODEM) as Redis Cluster uses it to map keys to one of 16384 hash slots. */
public final class Crc16 {
    public static final int SLOTS = 16384;
    private static final int[] TABLE = new int[256];
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long OPEN_BRACES = ONES * '{';

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i << 8;
            for (int j = 0; j < 8; j++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            TABLE[i] = crc & 0xFFFF;
        }
    }

    private Crc16() {}

    /** CRC16 of len bytes, read eight at a time (one bounds check per word, not per byte). */
    public static int crc16(MemorySegment seg, long off, int len) {
        int crc = 0;
        int i = 0;
        for (; i + 8 <= len; i += 8) {
            long w = seg.get(LONG, off + i); // little-endian: byte i is the low byte
            for (int k = 0; k < 64; k += 8) {
                crc = ((crc << 8) ^ TABLE[((crc >>> 8) ^ (int) (w >>> k)) & 0xFF]) & 0xFFFF;
            }
        }
        for (; i < len; i++) {
            int b = seg.get(ValueLayout.JAVA_BYTE, off + i) & 0xFF;
            crc = ((crc << 8) ^ TABLE[((crc >>> 8) ^ b) & 0xFF]) & 0xFFFF;
        }
        return crc;
    }

    /** The hash slot of a key, honouring a non-empty {hash tag} as Redis Cluster does. */
    public static int slot(MemorySegment seg, long off, int len) {
        int open = indexOfOpenBrace(seg, off, len);
        if (open >= 0) {
            for (int j = open + 1; j < len; j++) {
                if (seg.get(ValueLayout.JAVA_BYTE, off + j) == '}') {
                    if (j > open + 1) return crc16(seg, off + open + 1, j - open - 1) & (SLOTS - 1);
                    break;
                }
            }
        }
        return crc16(seg, off, len) & (SLOTS - 1);
    }

    /** First '{' in the key, or -1; tests eight bytes per step (SWAR zero-byte trick). */
    private static int indexOfOpenBrace(MemorySegment seg, long off, int len) {
        int i = 0;
        for (; i + 8 <= len; i += 8) {
            long x = seg.get(LONG, off + i) ^ OPEN_BRACES;
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) return i + (Long.numberOfTrailingZeros(found) >>> 3);
        }
        for (; i < len; i++) {
            if (seg.get(ValueLayout.JAVA_BYTE, off + i) == '{') return i;
        }
        return -1;
    }

    public static int slot(byte[] key) {
        return slot(MemorySegment.ofArray(key), 0, key.length);
    }
}
