package io.brisk.microbench;

import io.brisk.protocol.CommandArgs;
import io.brisk.protocol.resp.RespLimits;
import io.brisk.protocol.resp.RespParser;
import io.brisk.util.NativeViews;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * RespParser on one pipelined read of 16 {@code GET key:000000123456} multibulk commands, parsed in
 * place from a pooled direct buffer as RespConnection does. The score is per command
 * (OperationsPerInvocation); the sink only counts, so no command runs.
 */
@State(Scope.Thread)
@OperationsPerInvocation(RespParseBench.COMMANDS)
public class RespParseBench extends BenchmarkDefaults {
    static final int COMMANDS = 16;
    private static final byte[] GET = "*2\r\n$3\r\nGET\r\n$16\r\nkey:000000123456\r\n".getBytes(StandardCharsets.US_ASCII);

    private final RespParser parser = new RespParser(RespLimits.DEFAULTS);
    private int parsed;
    private final Consumer<CommandArgs> countCommand = args -> parsed++;
    private final BooleanSupplier keepGoing = () -> true;
    private ByteBuf read;
    private MemorySegment view;

    @Setup
    public void setUp() {
        read = PooledByteBufAllocator.DEFAULT.directBuffer(GET.length * COMMANDS);
        for (int i = 0; i < COMMANDS; i++) read.writeBytes(GET);
        // The view io.brisk.net.Buffers gives the parser for a direct buffer: arguments are views into it.
        if (!read.hasMemoryAddress()) throw new IllegalStateException("no memory address: run with the server's JVM flags");
        view = NativeViews.of(read.memoryAddress(), read.capacity());
        if (parseBatch() != COMMANDS) throw new IllegalStateException("parsed " + parsed + " commands, expected " + COMMANDS);
    }

    @TearDown
    public void tearDown() {
        read.release();
    }

    @Benchmark
    public int parseBatch() {
        parsed = 0;
        read.readerIndex(0); // the same bytes again, as if a new read had landed
        parser.parse(read, view, countCommand, keepGoing);
        return parsed;
    }
}
