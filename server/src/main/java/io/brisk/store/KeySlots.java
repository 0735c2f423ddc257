package io.brisk.store;

import io.brisk.util.Crc16;
import io.netty.util.concurrent.FastThreadLocal;
import java.lang.foreign.MemorySegment;

/**
 * The hash slots of the keys of the command running on this thread, computed once when its slot
 * locks are taken, so the store's lookups do not run CRC16 over the same key bytes again (perf put
 * the second CRC16 at 5-10 % of a pipelined GET's CPU).
 *
 * <p>A key is recognised by where its bytes lie (segment, offset, length), not by content, so an
 * entry is only valid while those bytes cannot change: from {@link #remember} until {@link #forget},
 * which the lock holder calls before releasing its locks, as the connection's input buffer (where
 * arguments lie) is reused by the next command. A nested command (a blocked client served from
 * inside a push) may forget the outer command's keys early; the outer command then only computes
 * CRC16 again. Keys found nowhere here (other threads, background work) are simply hashed.
 */
public final class KeySlots {
    private static final int MAX_KEYS = 16;
    private static final FastThreadLocal<KeySlots> LOCAL = new FastThreadLocal<>() {
        @Override protected KeySlots initialValue() { return new KeySlots(); }
    };

    private final MemorySegment[] segments = new MemorySegment[MAX_KEYS];
    private final long[] offsets = new long[MAX_KEYS];
    private final int[] lengths = new int[MAX_KEYS];
    private final int[] slots = new int[MAX_KEYS];
    private int count;

    private KeySlots() {}

    public static KeySlots current() { return LOCAL.get(); }

    /** The slot of a key whose bytes stay put until {@link #forget}; remembered for the store. */
    public int remember(MemorySegment seg, long off, int len) {
        int slot = Crc16.slot(seg, off, len);
        int i = count;
        if (i < MAX_KEYS) { // a command with more keys hashes the rest again: rare, still correct
            segments[i] = seg;
            offsets[i] = off;
            lengths[i] = len;
            slots[i] = slot;
            count = i + 1;
        }
        return slot;
    }

    /** Drops every remembered key (the bytes they point at are about to be reused). */
    public void forget() {
        for (int i = 0; i < count; i++) segments[i] = null;
        count = 0;
    }

    /** The slot of a key: remembered by this thread's running command, else CRC16 of its bytes. */
    static int of(MemorySegment seg, long off, int len) {
        KeySlots k = LOCAL.get();
        for (int i = 0; i < k.count; i++) {
            if (k.offsets[i] == off && k.lengths[i] == len && k.segments[i] == seg) return k.slots[i];
        }
        return Crc16.slot(seg, off, len);
    }
}
