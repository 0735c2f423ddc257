package io.brisk.util;

import io.netty.util.concurrent.FastThreadLocal;
import java.lang.foreign.MemorySegment;

/**
 * MemorySegment views of native buffer memory, cached per thread by address. Every read and every
 * reply buffer needs a view so arguments and values can be addressed in place; pooled buffers come
 * back at the same few addresses, so caching the views keeps the hot path from allocating one per
 * read (which, at memcaslap's rates, kept ZGC's young collector busy).
 */
public final class NativeViews {
    private static final int SLOTS = 4096;

    private static final class Cache {
        final long[] addrs = new long[SLOTS];
        final MemorySegment[] views = new MemorySegment[SLOTS];
    }

    private static final FastThreadLocal<Cache> CACHE = new FastThreadLocal<>() {
        @Override
        protected Cache initialValue() {
            return new Cache();
        }
    };

    private NativeViews() {}

    /** A view of size bytes at address (a native buffer's memory). */
    public static MemorySegment of(long address, long size) {
        Cache c = CACHE.get();
        int i = (int) ((address ^ (address >>> 12) ^ size) & (SLOTS - 1));
        MemorySegment s = c.views[i];
        if (s != null && c.addrs[i] == address && s.byteSize() == size) return s;
        s = MemorySegment.ofAddress(address).reinterpret(size);
        c.addrs[i] = address;
        c.views[i] = s;
        return s;
    }
}
