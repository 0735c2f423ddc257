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
    /** The pooled block mem views (null for an entry's own, larger segment); back to the pool on free. */
    final MemorySegment block;
    /** Next free byte; written only by the owning appender. */
    int top;
    /** Bytes of entries that are still referenced by an index. */
    final AtomicLong live = new AtomicLong();
    volatile boolean sealed;

    /**
     * A segment of size bytes: a pooled block when size is the block size, else memory of its own.
     * Either way mem has this segment's own scope, so a reader holding it after the segment is
     * freed fails instead of reading whatever the block holds next.
     */
    Segment(int id, int generation, long size, Blocks blocks) {
        this.id = id;
        this.generation = generation;
        this.arena = Arena.ofShared();
        this.block = size == Blocks.BLOCK ? blocks.take() : null;
        this.mem = block != null ? block.reinterpret(arena, null) : arena.allocate(size, 8);
    }

    public long capacity() { return mem.byteSize(); }
    public long liveBytes() { return live.get(); }
}
