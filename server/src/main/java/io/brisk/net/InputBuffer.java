package io.brisk.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.lang.foreign.MemorySegment;

/**
 * The bytes a connection has received but not parsed yet. A read is parsed where it landed; only
 * the tail of an incomplete request is copied into a buffer of our own (the cumulation), which the
 * next read is appended to. Shared by the RESP and memcached connections.
 */
final class InputBuffer {
    private ByteBuf cumulation;
    private ByteBuf current;
    private MemorySegment view;

    /** Takes a read; returns the buffer to parse next (the read itself when nothing was pending). */
    ByteBuf add(ByteBufAllocator alloc, ByteBuf in) {
        ByteBuf buf;
        if (cumulation == null) {
            buf = in;
        } else {
            cumulation.writeBytes(in);
            in.release();
            buf = cumulation;
        }
        view = Buffers.view(buf);
        if (view == null) { // a composite buffer: make it contiguous once
            ByteBuf copy = alloc.directBuffer(Math.max(4096, buf.readableBytes()));
            copy.writeBytes(buf);
            buf.release();
            buf = cumulation = copy;
            view = Buffers.view(buf);
        }
        current = buf;
        return buf;
    }

    /** The memory of the buffer {@link #add} returned, for parsers that read arguments in place. */
    MemorySegment view() {
        return view;
    }

    /**
     * After parsing: keeps the unparsed rest when keep is true (copying it out of the read's buffer),
     * else drops it, and releases the read.
     */
    void settle(ByteBufAllocator alloc, boolean keep) {
        ByteBuf buf = current;
        current = null;
        view = null;
        if (buf == null) return;
        if (keep && buf.isReadable()) {
            if (buf != cumulation) {
                cumulation = alloc.directBuffer(Math.max(4096, buf.readableBytes() * 2));
                cumulation.writeBytes(buf);
                buf.release();
            } else {
                cumulation.discardReadBytes();
            }
        } else if (buf == cumulation) {
            cumulation.release();
            cumulation = null;
        } else {
            buf.release();
        }
    }

    /** Drops everything (the connection is closing); safe to call more than once. */
    void release() {
        if (current != null && current != cumulation) current.release();
        current = null;
        view = null;
        if (cumulation != null) {
            cumulation.release();
            cumulation = null;
        }
    }

    /** Bytes waiting for the rest of their request. */
    int pending() {
        ByteBuf c = cumulation;
        return c == null ? 0 : c.readableBytes();
    }

    int free() {
        ByteBuf c = cumulation;
        return c == null ? 0 : c.writableBytes();
    }

    boolean hasPending() {
        ByteBuf c = cumulation;
        return c != null && c.isReadable();
    }
}
