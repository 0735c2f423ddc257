package io.brisk.store;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The table of all segments, addressed by a 23-bit id (id 0 is never used, so a location is never 0).
 * A location is {@code id << 21 | offset}, 44 bits; entries larger than a segment get a segment of
 * their own. A segment is 2 MiB, one transparent huge page (see {@link Blocks}).
 */
public final class Segments {
    public static final int OFFSET_BITS = 21;
    public static final int SEGMENT_SIZE = 1 << OFFSET_BITS;
    public static final int MAX_ID = (1 << (SlotTable.TAG_SHIFT - OFFSET_BITS)) - 1;

    private volatile Segment[] table = new Segment[1024];
    /** Generation per segment id, bumped on reuse so versions (CAS) never repeat; grows with the table. */
    private int[] generations = new int[1024];
    private final ArrayDeque<Integer> freeIds = new ArrayDeque<>();
    private int nextId = 1;
    private final AtomicLong allocated = new AtomicLong();
    private final Blocks blocks;
    private final ThreadLocal<Appender> appenders = ThreadLocal.withInitial(() -> new Appender(this));

    Segments(Blocks blocks) {
        this.blocks = blocks;
    }

    public Segment get(int id) {
        return table[id];
    }

    public Segment at(long location) {
        return table[(int) (location >>> OFFSET_BITS)];
    }

    public static int offset(long location) {
        return (int) (location & (SEGMENT_SIZE - 1));
    }

    public Appender appender() {
        return appenders.get();
    }

    public long allocatedBytes() {
        return allocated.get();
    }

    synchronized Segment allocate(long size) {
        int id = freeIds.isEmpty() ? nextId++ : freeIds.poll();
        if (id > MAX_ID) throw new OutOfMemoryError("segment table full");
        if (id >= generations.length) generations = Arrays.copyOf(generations, Math.min(MAX_ID + 1, generations.length * 2));
        Segment s = new Segment(id, ++generations[id], size, blocks);
        Segment[] t = table;
        if (id >= t.length) {
            t = Arrays.copyOf(t, Math.min(MAX_ID + 1, t.length * 2));
        }
        t[id] = s;
        table = t; // volatile publish
        allocated.addAndGet(size);
        return s;
    }

    synchronized void free(Segment s) {
        table[s.id] = null;
        allocated.addAndGet(-s.capacity());
        freeIds.add(s.id);
        s.arena.close(); // first, so no reader of the old view can see the block's next contents
        if (s.block != null) blocks.give(s.block);
    }

    /** Sealed segments whose live fraction is below the threshold, for the compactor. */
    synchronized java.util.List<Segment> sparse(double liveFraction) {
        java.util.List<Segment> out = new java.util.ArrayList<>();
        Segment[] t = table;
        for (int i = 1; i < nextId && i < t.length; i++) {
            Segment s = t[i];
            if (s != null && s.sealed && s.live.get() < s.capacity() * liveFraction) out.add(s);
        }
        return out;
    }

    synchronized int count() {
        int n = 0;
        for (Segment s : table) if (s != null) n++;
        return n;
    }
}
