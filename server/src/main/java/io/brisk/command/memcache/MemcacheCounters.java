package io.brisk.command.memcache;

import io.brisk.command.Counter;

/**
 * The counters "stats" reports, named as memcached names them. Per-thread cells (Counter), not
 * LongAdder: a get bumps two or three of them, and a CAS each was measurable on the hot path.
 */
final class MemcacheCounters {
    final Counter cmdGet = new Counter(), cmdSet = new Counter(), cmdFlush = new Counter(),
            cmdTouch = new Counter(), cmdMeta = new Counter(), getHits = new Counter(), getMisses = new Counter(),
            deleteHits = new Counter(), deleteMisses = new Counter(), incrHits = new Counter(),
            incrMisses = new Counter(), decrHits = new Counter(), decrMisses = new Counter(),
            casHits = new Counter(), casMisses = new Counter(), casBadval = new Counter(),
            touchHits = new Counter(), touchMisses = new Counter(), storeTooLarge = new Counter(),
            bytesRead = new Counter(), bytesWritten = new Counter(), totalItems = new Counter(),
            totalConnections = new Counter(), rejectedConnections = new Counter();

    void reset() {
        for (Counter a : new Counter[] {cmdGet, cmdSet, cmdFlush, cmdTouch, cmdMeta, getHits, getMisses, deleteHits,
                deleteMisses, incrHits, incrMisses, decrHits, decrMisses, casHits, casMisses, casBadval, touchHits,
                touchMisses, storeTooLarge, bytesRead, bytesWritten, totalItems, totalConnections, rejectedConnections}) {
            a.reset();
        }
    }
}
