package io.brisk.command.memcache;

import java.util.concurrent.atomic.LongAdder;

/** The counters "stats" reports, named as memcached names them. */
final class MemcacheCounters {
    final LongAdder cmdGet = new LongAdder(), cmdSet = new LongAdder(), cmdFlush = new LongAdder(),
            cmdTouch = new LongAdder(), cmdMeta = new LongAdder(), getHits = new LongAdder(), getMisses = new LongAdder(),
            deleteHits = new LongAdder(), deleteMisses = new LongAdder(), incrHits = new LongAdder(),
            incrMisses = new LongAdder(), decrHits = new LongAdder(), decrMisses = new LongAdder(),
            casHits = new LongAdder(), casMisses = new LongAdder(), casBadval = new LongAdder(),
            touchHits = new LongAdder(), touchMisses = new LongAdder(), storeTooLarge = new LongAdder(),
            bytesRead = new LongAdder(), bytesWritten = new LongAdder(), totalItems = new LongAdder(),
            totalConnections = new LongAdder(), rejectedConnections = new LongAdder();

    void reset() {
        for (LongAdder a : new LongAdder[] {cmdGet, cmdSet, cmdFlush, cmdTouch, cmdMeta, getHits, getMisses, deleteHits,
                deleteMisses, incrHits, incrMisses, decrHits, decrMisses, casHits, casMisses, casBadval, touchHits,
                touchMisses, storeTooLarge, bytesRead, bytesWritten, totalItems, totalConnections, rejectedConnections}) {
            a.reset();
        }
    }
}
