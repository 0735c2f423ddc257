package io.brisk.store;

import io.brisk.util.NativeMemory;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;

/**
 * The 2 MiB blocks that segments and index tables are made of, each one transparent huge page:
 * carved from large mapped regions that start on huge-page boundaries and are advised for huge
 * pages. A lookup walks from an index word to an entry at random across the whole keyspace; with
 * 4 KiB pages nearly every such step also missed the TLB, and in a VM a TLB miss walks two page
 * tables (JMH StoreBench.find over 100,000 keys: 1145 ns with 4 KiB pages, 803 ns with these blocks).
 *
 * <p>A freed block's memory goes back to the system at once (madvise DONTNEED, which also makes it
 * read as zeros) and the block is reused before a new one is carved, so memory follows the data
 * as it did when every segment was allocated and freed on its own. A block is a whole huge page, so
 * discarding it leaves no split page behind and its reuse faults in a huge page again (with 1 MiB
 * blocks, reused blocks came back as 4 KiB pages). Blocks are always zeroed.
 * Where memory cannot be mapped (not Linux, or native access refused) each block comes from an Arena
 * and is returned to the collector when freed.
 *
 * <p>The first {@link #SMALL_STORE} blocks stay in 4 KiB pages: a huge page is resident as a whole
 * from its first byte, so a server holding a few keys paid 4 MiB (one index table, one segment) for
 * data of a few KiB, and a small store's lookups fit the TLB anyway. Blocks taken after those are
 * advised one at a time as they are handed out.
 */
final class Blocks {
    static final int BLOCK = Segments.SEGMENT_SIZE;
    /** Address space reserved at a time; pages become resident only as blocks are used. */
    private static final long REGION = 64L << 20;
    /** Blocks in use below which new blocks are not advised for huge pages (16 MiB of store). */
    static final int SMALL_STORE = 8;

    private final boolean hugePages;
    private final boolean mapped = NativeMemory.canMap();
    private final ArrayDeque<MemorySegment> free = new ArrayDeque<>();
    private MemorySegment region;
    private long regionPos = REGION;
    private int inUse;

    Blocks(boolean hugePages) {
        this.hugePages = hugePages;
    }

    /** A zeroed block of {@link #BLOCK} bytes, with the global scope: callers give it a scope of their own. */
    synchronized MemorySegment take() {
        if (!mapped) return Arena.ofAuto().allocate(BLOCK, 4096);
        MemorySegment b = free.poll();
        if (b == null) {
            if (regionPos == REGION) {
                region = NativeMemory.mapHugePageAligned(REGION, false);
                regionPos = 0;
            }
            b = region.asSlice(regionPos, BLOCK);
            regionPos += BLOCK;
        }
        if (hugePages && inUse >= SMALL_STORE) NativeMemory.adviseHugePages(b); // again for a reused block: harmless
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
