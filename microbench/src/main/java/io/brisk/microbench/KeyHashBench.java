package io.brisk.microbench;

import io.brisk.util.Crc16;
import io.brisk.util.Hashing;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The two hashes every keyed command pays: Crc16.slot picks the slot (and so the lock), and
 * Hashing.hash the bucket inside the slot's table.
 */
@State(Scope.Thread)
public class KeyHashBench extends BenchmarkDefaults {
    /** 16 bytes like compare-redis's keys; 40 bytes for a longer application key. */
    @Param({"key:000000123456", "user:1234567890:session:0000000000123456"})
    public String key;

    /** heap: a byte[] (inline commands, tests); native: off-heap, as request buffers and segments are. */
    @Param({"heap", "native"})
    public String memory;

    private Arena arena;
    private MemorySegment seg;
    private int len;

    @Setup
    public void setUp() {
        byte[] bytes = key.getBytes(StandardCharsets.US_ASCII);
        len = bytes.length;
        if (memory.equals("heap")) {
            seg = MemorySegment.ofArray(bytes);
        } else {
            arena = Arena.ofShared(); // the kind of arena the store's segments come from
            seg = arena.allocate(len, 8).copyFrom(MemorySegment.ofArray(bytes));
        }
    }

    @TearDown
    public void tearDown() {
        if (arena != null) arena.close();
    }

    @Benchmark
    public int crc16Slot() {
        return Crc16.slot(seg, 0, len);
    }

    @Benchmark
    public long hash() {
        return Hashing.hash(seg, 0, len);
    }
}
