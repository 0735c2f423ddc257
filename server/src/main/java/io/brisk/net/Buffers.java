package io.brisk.net;

import io.netty.buffer.ByteBuf;
import java.lang.foreign.MemorySegment;

/** A MemorySegment view of a Netty buffer's whole capacity, so parsed arguments are views, not copies. */
final class Buffers {
    private Buffers() {}

    static MemorySegment view(ByteBuf b) {
        if (b.hasMemoryAddress()) return io.brisk.util.NativeViews.of(b.memoryAddress(), b.capacity());
        if (b.hasArray()) return MemorySegment.ofArray(b.array()).asSlice(b.arrayOffset(), b.capacity());
        if (b.nioBufferCount() == 1) return MemorySegment.ofBuffer(b.nioBuffer(0, b.capacity()));
        return null;
    }
}
