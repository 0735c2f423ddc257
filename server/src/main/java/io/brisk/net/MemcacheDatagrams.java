package io.brisk.net;

import io.brisk.command.memcache.MemcacheService;
import io.brisk.command.memcache.MemcacheSession;
import io.brisk.protocol.memcache.MemcacheParser;
import io.brisk.protocol.memcache.MemcacheRequest;
import io.brisk.protocol.memcache.MemcacheWriter;
import io.brisk.protocol.memcache.UdpFrame;
import io.netty.buffer.ByteBuf;
import java.lang.foreign.MemorySegment;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The transport-neutral half of memcached over UDP: runs the requests of one datagram and appends
 * their reply text (without frame headers) to a writer. A request never spans datagrams, as in
 * memcached: a datagram that says it is one of several is refused, and a request cut short by the
 * datagram's end is dropped. One instance per receiving thread (it keeps the parser).
 */
final class MemcacheDatagrams {
    /** serve's answer for a datagram too short to carry a frame header: no reply at all. */
    static final int NOT_A_FRAME = -1;

    private final MemcacheService service;
    private final MemcacheSession session;
    private MemcacheParser parser;
    private MemcacheWriter writer;
    private final Consumer<MemcacheRequest> onRequest = this::execute;
    private static final BooleanSupplier ALL = () -> true;

    MemcacheDatagrams(MemcacheService service, String local) {
        this.service = service;
        this.session = service.open("udp", "", local);
    }

    private void execute(MemcacheRequest r) {
        service.execute(session, r, writer);
    }

    /**
     * Serves one datagram, frame header included, from in's reader index to its writer index; mem is
     * a view of in's memory (indexed like in). Returns the request id to answer with, or NOT_A_FRAME.
     */
    int serve(ByteBuf in, MemorySegment mem, MemcacheWriter out) {
        int size = in.readableBytes();
        if (size < UdpFrame.HEADER) return NOT_A_FRAME;
        service.bytesRead(size);
        int requestId = UdpFrame.requestId(in);
        if (UdpFrame.total(in) != 1 || UdpFrame.sequence(in) != 0) {
            out.line(UdpFrame.MULTI_PACKET);
            return requestId;
        }
        in.skipBytes(UdpFrame.HEADER);
        if (parser == null) parser = new MemcacheParser(service.maxItemSize());
        parser.maxItemSize(service.maxItemSize());
        parser.strictKeys(service.strictKeys());
        writer = out;
        try {
            parser.parse(in, mem, onRequest, ALL);
        } catch (RuntimeException e) {
            out.line(e.getMessage() == null ? MemcacheParser.ERROR : e.getMessage());
        } finally {
            writer = null;
        }
        if (parser.midRequest()) parser = null; // the partial request dies with its datagram
        return requestId;
    }

    /** Counts a reply datagram (frame header included) in the server's byte statistics. */
    void sent(int bytes) {
        service.bytesWritten(bytes);
    }

    void close() {
        service.close(session);
    }
}
