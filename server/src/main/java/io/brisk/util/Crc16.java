package io.brisk.util;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** CRC16-CCITT (XMODEM) as Redis Cluster uses it to map keys to one of 16384 hash slots. */
public final class Crc16 {
    public static final int SLOTS = 16384;
    private static final int[] TABLE = new int[256];

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

    public static int crc16(MemorySegment seg, long off, int len) {
        int crc = 0;
        for (int i = 0; i < len; i++) {
            int b = seg.get(ValueLayout.JAVA_BYTE, off + i) & 0xFF;
            crc = ((crc << 8) ^ TABLE[((crc >>> 8) ^ b) & 0xFF]) & 0xFFFF;
        }
        return crc;
    }

    /** The hash slot of a key, honouring a non-empty {hash tag} as Redis Cluster does. */
    public static int slot(MemorySegment seg, long off, int len) {
        int open = -1;
        for (int i = 0; i < len; i++) {
            if (seg.get(ValueLayout.JAVA_BYTE, off + i) == '{') { open = i; break; }
        }
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

    public static int slot(byte[] key) {
        return slot(MemorySegment.ofArray(key), 0, key.length);
    }
}
