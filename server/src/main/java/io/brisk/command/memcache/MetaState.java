package io.brisk.command.memcache;

import io.brisk.store.EntryRef;
import io.brisk.util.Bytes;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Meta-protocol state that few items ever carry: the stale mark (md I, ms I), the "win token already
 * sent" mark (mg N/R) and an explicit CAS chosen by the client (E flag). Each record is tied to the
 * entry version it was set on: any later write from either protocol makes a new version, which drops
 * the record (memcached resets these bits on every store too). Most keyspaces have no record at all,
 * so the common lookup is one isEmpty() check and allocates nothing.
 *
 * <p>A read over memcached drops a record whose version has gone, but most keys that die (deleted,
 * overwritten, expired or evicted over RESP, never read again) are not read again: {@link #sweep}
 * finds those, a few at a time, so the table stays as small as the set of live items carrying state.
 */
final class MetaState {
    static final int STALE = 1, WON = 2;

    record State(long version, long cas, int bits) {}

    private record Key(byte[] b) {
        @Override public boolean equals(Object o) { return o instanceof Key k && Arrays.equals(b, k.b); }
        @Override public int hashCode() { return Arrays.hashCode(b); }
    }

    /** Records a sweep step visits at least, so a small table is swept in a tick or two. */
    static final int MIN_STEP = 256;
    /** A pass over a large table is spread over this long, so checking live records costs little. */
    static final long PASS_NANOS = 30_000_000_000L;

    private final ConcurrentHashMap<Key, State> map = new ConcurrentHashMap<>();
    // Sweep position, kept between steps: a CHM iterator is weakly consistent, so it visits every
    // record present when the pass began and still present; records added later wait for the next pass.
    private Iterator<Key> cursor;
    private final EntryRef sweepRef = new EntryRef();

    private static Key key(MemorySegment m, long off, int len) {
        return new Key(Bytes.copy(m, off, len));
    }

    /** The record of this exact version, or null. Caller holds the key's slot lock. */
    State get(MemorySegment m, long off, int len, long version) {
        if (map.isEmpty()) return null;
        Key k = key(m, off, len);
        State s = map.get(k);
        if (s == null) return null;
        if (s.version != version) {
            map.remove(k, s);
            return null;
        }
        return s;
    }

    /** Records cas (0 = the derived one) and bits for a version; both empty removes the record. */
    void put(MemorySegment m, long off, int len, long version, long cas, int bits) {
        if (cas == 0 && bits == 0) {
            if (!map.isEmpty()) map.remove(key(m, off, len));
            return;
        }
        map.put(key(m, off, len), new State(version, cas, bits));
    }

    /**
     * One bounded step of the sweep, on the housekeeper's thread once a tick (see MemcacheService):
     * resumes the pass where the last step stopped and drops each record whose version is no longer
     * its key's live version. Checks a share of the table sized so that a pass takes about
     * PASS_NANOS, within a twentieth of the tick. Returns how many records it dropped.
     */
    synchronized int sweep(Items items, long periodNanos) {
        if (map.isEmpty()) return 0;
        if (cursor == null || !cursor.hasNext()) cursor = map.keySet().iterator();
        long quota = Math.max(MIN_STEP, map.size() * periodNanos / PASS_NANOS);
        long deadline = System.nanoTime() + periodNanos / 20;
        int dropped = 0;
        for (long i = 0; i < quota && cursor.hasNext(); i++) {
            if (drop(items, cursor.next())) dropped++;
            if ((i & 63) == 63 && System.nanoTime() > deadline) break;
        }
        return dropped;
    }

    /** Drops k's record unless it belongs to k's live version. Under k's slot lock, as every put is. */
    private boolean drop(Items items, Key k) {
        MemorySegment m = MemorySegment.ofArray(k.b);
        int slot = items.lock(m, 0, k.b.length);
        try {
            State s = map.get(k);
            // peek, not find: the sweep is no access, so it leaves LRU/LFU alone (an expired key goes, as on any read)
            if (s == null || items.db().peek(m, 0, k.b.length, sweepRef) && sweepRef.version() == s.version) return false;
            return map.remove(k, s);
        } finally {
            items.unlock(slot);
        }
    }

    void clear() { map.clear(); }
    int size() { return map.size(); }
}
