package io.brisk.store;

import io.brisk.util.NativeMemory;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The 2 MiB blocks that segments and index tables are made of, each one transparent huge page:
 * carved from large mapped regions that start on huge-page boundaries, each block advised for huge
 * pages as it is handed out (but see {@link #SMALL_STORE}). A lookup walks from an index word to an
 * entry at random across the whole keyspace; with 4 KiB pages nearly every such step also missed
 * the TLB, and in a VM a TLB miss walks two page tables (JMH StoreBench.find over 100,000 keys:
 * 1145 ns with 4 KiB pages, 803 ns with these blocks).
 *
 * <p>A freed block's memory goes back to the system at once (madvise DONTNEED, which also makes it
 * read as zeros) and the block is reused before a new one is carved, so memory follows the data
 * as it did when every segment was allocated and freed on its own. A block is a whole huge page, so
 * discarding it leaves no split page behind and its reuse faults in a huge page again (with 1 MiB
 * blocks, reused blocks came back as 4 KiB pages). Blocks are always zeroed.
 * Where memory cannot be mapped (not Linux, or native access refused) each block comes from an Arena
 * and is returned to the collector when freed.
 *
 * <p>Huge pages start once more than {@link #SMALL_STORE} blocks are in use: a huge page is resident
 * whole from its first byte, so a server holding a few keys paid 4 MiB (its first index table and
 * first segment) for a few KiB of data, and so small a store's lookups fit the TLB anyway. Crossing
 * the mark advises every region mapped so far (the kernel's khugepaged then collapses the blocks
 * already touched into huge pages in the background) and every region mapped after it.
 */
final class Blocks {
    static final int BLOCK = Segments.SEGMENT_SIZE;
    /** Address space reserved at a time; pages become resident only as blocks are used. */
    private static final long REGION = 64L << 20;
    /** Blocks in use up to which the store stays in 4 KiB pages (4 MiB: one index table, one segment). */
    static final int SMALL_STORE = 2;

    private final boolean hugePages;
    private final boolean mapped = NativeMemory.canMap();
    private final ArrayDeque<MemorySegment> free = new ArrayDeque<>();
    private final List<MemorySegment> regions = new ArrayList<>();
    private MemorySegment region;
    private long regionPos = REGION;
    private int inUse;
    private boolean advised;

    Blocks(boolean hugePages) {
        this.hugePages = hugePages;
    }

    /** A zeroed block of {@link #BLOCK} bytes, with the global scope: callers give it a scope of their own. */
    synchronized MemorySegment take() {
        if (!mapped) return Arena.ofAuto().allocate(BLOCK, 4096);
        if (hugePages && !advised && inUse >= SMALL_STORE) {
            advised = true;
            for (MemorySegment r : regions) NativeMemory.adviseHugePages(r);
        }
        MemorySegment b = free.poll();
        if (b == null) {
            if (regionPos == REGION) {
                region = NativeMemory.mapHugePageAligned(REGION);
                regions.add(region);
                if (advised) NativeMemory.adviseHugePages(region);
                regionPos = 0;
            }
            b = region.asSlice(regionPos, BLOCK);
            regionPos += BLOCK;
        }
        inUse++;
        return b;
    }

    /** Returns a block from {@link #take}; its memory goes back to the system. Nothing may use it after. */
    synchronized void give(MemorySegment block) {
        if (!mapped) return;
        inUse--;
        NativeMemory.discard(block);
        free.push(block);
    }
}
