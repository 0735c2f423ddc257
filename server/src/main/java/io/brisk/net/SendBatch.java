package io.brisk.net;

import io.brisk.protocol.memcache.UdpFrame;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The sending side of {@link NativeUdpListener}: reply datagrams for one sendmmsg, each two iovecs
 * (its frame header here, its payload where the reply was written) and the request's sender address
 * where recvmmsg left it, so a multi-datagram reply is numbered without copying its payload.
 */
final class SendBatch {
    private static final ValueLayout.OfShort NET_SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private final MmsgArray msgs;
    private final MemorySegment frameHeaders;
    private int count;

    SendBatch(Arena arena, int capacity) {
        msgs = new MmsgArray(arena, capacity, 2);
        frameHeaders = arena.allocate((long) UdpFrame.HEADER * capacity, 8);
    }

    MmsgArray msgs() { return msgs; }
    int count() { return count; }
    boolean full() { return count == msgs.capacity(); }
    void clear() { count = 0; }

    /** Queues one framed datagram: payload bytes at payloadAddress, to the sockaddr at to. */
    void add(long to, int toLength, int requestId, int sequence, int total, long payloadAddress, int bytes) {
        int i = count++;
        long h = (long) UdpFrame.HEADER * i;
        frameHeaders.set(NET_SHORT, h, (short) requestId);
        frameHeaders.set(NET_SHORT, h + 2, (short) sequence);
        frameHeaders.set(NET_SHORT, h + 4, (short) total);
        frameHeaders.set(NET_SHORT, h + 6, (short) 0);
        msgs.name(i, to, toLength);
        msgs.iovec(i, 0, frameHeaders.address() + h, UdpFrame.HEADER);
        msgs.iovec(i, 1, payloadAddress, bytes);
    }
}
