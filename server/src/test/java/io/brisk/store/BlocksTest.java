package io.brisk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brisk.util.NativeMemory;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
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
}
