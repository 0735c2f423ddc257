package io.brisk.net;

import io.brisk.util.NativeMemory;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The receiving side of {@link NativeUdpListener}: one recvmmsg fills up to capacity slots of 64 KiB,
 * room for the largest UDP payload, so no request datagram is ever cut (memcached reads whole
 * datagrams too). The slots are malloc'ed: a page becomes resident only when a datagram reaches it,
 * so small requests keep the footprint to a page or two per slot.
 */
final class ReceiveBatch implements AutoCloseable {
    static final int SLOT = 65536;

    private final MmsgArray msgs;
    private final MemorySegment data;
    private final ByteBuf[] buffers;
    private final MemorySegment[] views;

    ReceiveBatch(Arena arena, int capacity) {
        msgs = new MmsgArray(arena, capacity, 1);
        data = NativeMemory.allocate((long) SLOT * capacity);
        MemorySegment names = arena.allocate((long) LinuxUdpSocket.SOCKADDR_BYTES * capacity, 8);
        buffers = new ByteBuf[capacity];
        views = new MemorySegment[capacity];
        for (int i = 0; i < capacity; i++) {
            views[i] = data.asSlice((long) SLOT * i, SLOT);
            buffers[i] = Unpooled.wrappedBuffer(views[i].asByteBuffer());
            msgs.iovec(i, 0, views[i].address(), SLOT);
            msgs.name(i, names.address() + (long) LinuxUdpSocket.SOCKADDR_BYTES * i, LinuxUdpSocket.SOCKADDR_BYTES);
        }
    }

    int capacity() { return msgs.capacity(); }

    /**
     * The array for the next recvmmsg, with full room again for the sender addresses the last one
     * filled (the kernel shortens only those; under light load that is one entry, not capacity).
     */
    MmsgArray prepare(int lastReceived) {
        for (int i = 0; i < lastReceived; i++) msgs.nameLength(i, LinuxUdpSocket.SOCKADDR_BYTES);
        return msgs;
    }

    /** Datagram i of the last receive, from its first byte to its last. */
    ByteBuf datagram(int i) {
        return buffers[i].setIndex(0, msgs.bytes(i));
    }

    /** A view of datagram i's slot, indexed like datagram(i). */
    MemorySegment view(int i) { return views[i]; }

    long senderAddress(int i) { return msgs.nameAddress(i); }
    int senderLength(int i) { return msgs.nameLength(i); }

    @Override
    public void close() {
        NativeMemory.free(data);
    }
}
