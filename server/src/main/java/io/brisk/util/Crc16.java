package io.brisk.util;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** CRC16-CCITT (XMODEM) as Redis Cluster uses it to map keys to one of 16384 hash slots. */
public final class Crc16 {
    public static final int SLOTS = 16384;
    /**
     * Slicing-by-8 tables: entry (k << 8 | x) is the CRC of byte x followed by k zero bytes, so eight
     * bytes cost eight independent lookups instead of a chain of eight dependent ones (a 16-byte
     * key hashed in ~1/3 of the byte-at-a-time time). char: 4 KiB for all eight, half of int's.
     */
    private static final char[] TABLES = new char[8 * 256];
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
            TABLES[i] = (char) crc;
        }
        for (int k = 1; k < 8; k++) {
            for (int i = 0; i < 256; i++) {
                int prev = TABLES[(k - 1) << 8 | i];
                TABLES[k << 8 | i] = (char) ((prev << 8) ^ TABLES[prev >>> 8]);
            }
        }
    }

    private Crc16() {}

    /**
     * CRC16 of len bytes, eight at a time: the register's two bytes fold into the word's first two,
     * and each byte of the word looks up its own table (the CRC is linear, so contributions XOR).
     */
    public static int crc16(MemorySegment seg, long off, int len) {
        char[] t = TABLES;
        int crc = 0;
        int i = 0;
        for (; i + 8 <= len; i += 8) {
            long w = seg.get(LONG, off + i); // little-endian: byte i is the low byte
            crc = t[7 << 8 | (((crc >>> 8) ^ (int) w) & 0xFF)]
                    ^ t[6 << 8 | ((crc ^ (int) (w >>> 8)) & 0xFF)]
                    ^ t[5 << 8 | ((int) (w >>> 16) & 0xFF)]
                    ^ t[4 << 8 | ((int) (w >>> 24) & 0xFF)]
                    ^ t[3 << 8 | ((int) (w >>> 32) & 0xFF)]
                    ^ t[2 << 8 | ((int) (w >>> 40) & 0xFF)]
                    ^ t[1 << 8 | ((int) (w >>> 48) & 0xFF)]
                    ^ t[(int) (w >>> 56)];
        }
        for (; i < len; i++) {
            int b = seg.get(ValueLayout.JAVA_BYTE, off + i) & 0xFF;
            crc = ((crc << 8) ^ t[((crc >>> 8) ^ b) & 0xFF]) & 0xFFFF;
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
