package io.brisk.protocol.memcache;

import io.netty.buffer.ByteBuf;

/**
 * memcached's UDP frame header: 8 bytes in network order before every datagram's payload: request id,
 * sequence number, total datagrams in this message, reserved (0). A request must fit one datagram.
 */
public final class UdpFrame {
    public static final int HEADER = 8;
    /** Datagram size memcached uses for replies (header included). */
    public static final int MAX_DATAGRAM = 1400;
    public static final int MAX_PAYLOAD = MAX_DATAGRAM - HEADER;
    /** The sequence numbers are 16 bits: a longer reply cannot be numbered (memcached drops it too). */
    public static final int MAX_DATAGRAMS = 0xFFFF;
    public static final String MULTI_PACKET = "SERVER_ERROR multi-packet request not supported";

    private UdpFrame() {}

    public static int requestId(ByteBuf b) { return b.getUnsignedShort(b.readerIndex()); }
    public static int sequence(ByteBuf b) { return b.getUnsignedShort(b.readerIndex() + 2); }
    public static int total(ByteBuf b) { return b.getUnsignedShort(b.readerIndex() + 4); }

    /** Number of datagrams a reply of this many bytes needs (at least one, even when empty). */
    public static int datagrams(int replyBytes) {
        return Math.max(1, (replyBytes + MAX_PAYLOAD - 1) / MAX_PAYLOAD);
    }

    public static void write(ByteBuf out, int requestId, int sequence, int total) {
        out.writeShort(requestId);
        out.writeShort(sequence);
        out.writeShort(total);
        out.writeShort(0);
    }
}
