package io.brisk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brisk.util.NativeMemory;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class BlocksTest {
    @Test
    void blocksAreWholeHugePagesZeroedAndReusedAfterTheirMemoryIsDiscarded() {
        Blocks blocks = new Blocks(true);
        MemorySegment a = blocks.take();
        MemorySegment b = blocks.take();
        assertThat(a.byteSize()).isEqualTo(Blocks.BLOCK).isEqualTo(NativeMemory.HUGE_PAGE);
        assertThat(a.address() % NativeMemory.HUGE_PAGE).isZero();
        assertThat(b.address() % NativeMemory.HUGE_PAGE).isZero();
        assertThat(b.address()).isNotEqualTo(a.address());
        assertThat(a.get(ValueLayout.JAVA_LONG, 4096)).isZero();

        a.fill((byte) 7);
        blocks.give(a);
        MemorySegment again = blocks.take();
        assertThat(again.address()).isEqualTo(a.address()); // freed blocks go first
        // the old contents were discarded (the pages went back to the system), not kept resident
        assertThat(again.get(ValueLayout.JAVA_LONG, 0)).isZero();
        assertThat(again.get(ValueLayout.JAVA_LONG, Blocks.BLOCK - 8)).isZero();
    }

    @Test
    void aFreedSegmentsOldViewFailsInsteadOfReadingTheNextSegment() {
        Keyspace ks = new Keyspace(1);
        Segment s = ks.segments.allocate(Segments.SEGMENT_SIZE);
        MemorySegment view = s.mem;
        ks.segments.free(s);
        Segment next = ks.segments.allocate(Segments.SEGMENT_SIZE);
        assertThat(next.block.address()).isEqualTo(s.block.address());
        assertThatThrownBy(() -> view.get(ValueLayout.JAVA_BYTE, 0))
                .isInstanceOf(IllegalStateException.class);
        assertThat(next.mem.get(ValueLayout.JAVA_BYTE, 0)).isZero();
    }

    @Test
    void aSmallStoreKeepsSmallPagesAndALargerOneIsAdvisedForHugePagesFromItsFirstBlock() throws Exception {
        Assumptions.assumeTrue(NativeMemory.canMap() && Files.exists(Path.of("/sys/kernel/mm/transparent_hugepage/enabled")));
        Blocks blocks = new Blocks(true);
        MemorySegment[] taken = new MemorySegment[Blocks.SMALL_STORE + 1];
        for (int i = 0; i < Blocks.SMALL_STORE; i++) taken[i] = blocks.take();
        for (int i = 0; i < Blocks.SMALL_STORE; i++) assertThat(vmFlags(taken[i])).as("block %d", i).doesNotContain("hg");
        taken[Blocks.SMALL_STORE] = blocks.take();
        for (MemorySegment b : taken) assertThat(vmFlags(b)).contains("hg"); // the earlier blocks too
        Blocks small = new Blocks(false); // disable-thp yes: never advised
        for (int i = 0; i < Blocks.SMALL_STORE + 1; i++) assertThat(vmFlags(small.take())).doesNotContain("hg");
    }

    /** The VmFlags of the mapping holding m's first byte, from /proc/self/smaps ("hg": advised for huge pages). */
    private static String vmFlags(MemorySegment m) throws Exception {
        boolean inside = false;
        for (String line : Files.readAllLines(Path.of("/proc/self/smaps"))) {
            int dash = line.indexOf('-');
            int space = line.indexOf(' ');
            if (dash > 0 && space > dash && line.substring(0, dash).matches("[0-9a-f]+")) {
                long from = Long.parseUnsignedLong(line.substring(0, dash), 16);
                long to = Long.parseUnsignedLong(line.substring(dash + 1, space), 16);
                inside = m.address() >= from && m.address() < to;
            } else if (inside && line.startsWith("VmFlags:")) {
                return line;
            }
        }
        throw new AssertionError("no mapping holds " + Long.toHexString(m.address()));
    }
}
