package io.brisk.util;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** A fast 64-bit hash for keys inside a slot's table (the slot itself comes from CRC16). */
public final class Hashing {
    private static final long M = 0x9E3779B97F4A7C15L;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

    private Hashing() {}

    public static long hash(MemorySegment seg, long off, int len) {
        long h = len * M;
        int i = 0;
        for (; i + 8 <= len; i += 8) {
            h = mix(h ^ seg.get(LONG, off + i));
        }
        long tail = 0;
        for (int s = 0; i < len; i++, s += 8) {
            tail |= (seg.get(ValueLayout.JAVA_BYTE, off + i) & 0xFFL) << s;
        }
        h = mix(h ^ tail ^ 0x5bd1e995L);
        return h ^ (h >>> 29);
    }

    private static long mix(long x) {
        x *= M;
        x ^= x >>> 32;
        x *= 0xD6E8FEB86659FD93L;
        return x ^ (x >>> 32);
    }
}
