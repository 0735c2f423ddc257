package io.brisk.store;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;

/**
 * Off-heap memory for the slot index tables, so a keyspace of millions of keys keeps almost nothing
 * on the garbage-collected heap. Power-of-two blocks from 64 B to 256 KiB are carved from 2 MiB
 * chunks ({@link Blocks}) and recycled through per-size free lists (a table that grows frees its old block);
 * larger tables (only a slot crowded by a hash tag gets there) are allocated on their own and
 * freed by the GC once unreachable.
 */
final class IndexMemory {
    private static final int CHUNK = Blocks.BLOCK;
    private static final int MIN_SHIFT = 6;   // 64 B = 8 words
    private static final int MAX_SHIFT = 18;  // 256 KiB from chunks
    @SuppressWarnings("unchecked")
    private final ArrayDeque<MemorySegment>[] free = new ArrayDeque[MAX_SHIFT + 1];
    private MemorySegment chunk;
    private long chunkPos = CHUNK;
    private long reserved;

    private final Blocks blocks;

    IndexMemory(Blocks blocks) {
        this.blocks = blocks;
        for (int i = MIN_SHIFT; i <= MAX_SHIFT; i++) free[i] = new ArrayDeque<>();
    }

    /** A zeroed block of the given number of 8-byte words (a power of two, at least 8). */
    synchronized MemorySegment allocate(int words) {
        long bytes = 8L * words;
        int shift = Long.numberOfTrailingZeros(bytes);
        if (shift > MAX_SHIFT) {
            reserved += bytes;
            return Arena.ofAuto().allocate(bytes, 8);
        }
        MemorySegment m = free[shift].poll();
        if (m != null) return m.fill((byte) 0);
        if (chunkPos + bytes > CHUNK) {
            recycleRest();
            chunk = blocks.take();
            reserved += CHUNK;
            chunkPos = 0;
        }
        m = chunk.asSlice(chunkPos, bytes);
        chunkPos += bytes;
        return m;
    }

    synchronized void release(MemorySegment m) {
        int shift = Long.numberOfTrailingZeros(m.byteSize());
        if (shift > MAX_SHIFT) {
            reserved -= m.byteSize(); // its Arena.ofAuto frees it when unreachable
            return;
        }
        free[shift].push(m);
    }

    /** Splits the unused tail of the current chunk into free blocks so nothing is stranded. */
    private void recycleRest() {
        if (chunk == null) return;
        for (int shift = MAX_SHIFT; shift >= MIN_SHIFT; shift--) {
            long size = 1L << shift;
            while (chunkPos + size <= CHUNK) {
                free[shift].push(chunk.asSlice(chunkPos, size));
                chunkPos += size;
            }
        }
    }

    /** Bytes taken from the system for index tables (in use or on a free list). */
    synchronized long reservedBytes() {
        return reserved;
    }
}
