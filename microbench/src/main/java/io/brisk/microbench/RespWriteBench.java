package io.brisk.microbench;

import io.brisk.protocol.resp.RespWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * RespWriter writing the reply of {@code LRANGE mylist 0 599} on redis-benchmark's list (600 values
 * of 3 bytes): one array header and 600 bulk strings from a list node's byte[], into a pooled direct
 * buffer as RespConnection does. Also a GET's bulk from off-heap memory. Scores are per bulk string.
 */
@State(Scope.Thread)
public class RespWriteBench extends BenchmarkDefaults {
    static final int ELEMENTS = 600;
    private static final byte[] NODE = "xxx".repeat(ELEMENTS).getBytes(StandardCharsets.US_ASCII);

    private RespWriter writer;
    private Arena arena;
    private MemorySegment value;

    @Setup
    public void setUp() {
        writer = new RespWriter(PooledByteBufAllocator.DEFAULT);
        arena = Arena.ofShared();
        value = arena.allocate(32).fill((byte) 'v'); // a 32-byte string value in a store segment
    }

    @TearDown
    public void tearDown() {
        writer.release();
        arena.close();
    }

    @Benchmark
    @OperationsPerInvocation(ELEMENTS)
    public int lrange600() {
        writer.array(ELEMENTS);
        for (int i = 0; i < ELEMENTS; i++) writer.bulk(NODE, i * 3, 3);
        return drain();
    }

    @Benchmark
    @OperationsPerInvocation(16)
    public int get16() {
        for (int i = 0; i < 16; i++) writer.bulk(value, 0, 32);
        return drain();
    }

    /** Hands the batch over and frees it, as the transport does once it is written. */
    private int drain() {
        ByteBuf out = writer.take();
        int n = out.readableBytes();
        out.release();
        return n;
    }
}
