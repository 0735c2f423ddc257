package io.brisk.store;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A block of off-heap memory that entries are appended to by one thread at a time. Entries are never
 * changed in place except their dead bit and expiry; an update appends a new entry. When most of a
 * sealed segment is dead the compactor moves the rest out and frees it.
 */
public final class Segment {
    final int id;
    final int generation;
    final Arena arena;
    final MemorySegment mem;
    /** Next free byte; written only by the owning appender. */
    int top;
    /** Bytes of entries that are still referenced by an index. */
    final AtomicLong live = new AtomicLong();
    volatile boolean sealed;

    Segment(int id, int generation, long size) {
        this.id = id;
        this.generation = generation;
        this.arena = Arena.ofShared();
        this.mem = arena.allocate(size, 8);
    }

    public long capacity() { return mem.byteSize(); }
    public long liveBytes() { return live.get(); }
}
