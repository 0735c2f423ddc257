package io.brisk.command.memcache;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Meta-protocol state that few items ever carry: the stale mark (md I, ms I), the "win token already
 * sent" mark (mg N/R) and an explicit CAS chosen by the client (E flag). Each record is tied to the
 * entry version it was set on: any later write from either protocol makes a new version, which drops
 * the record (memcached resets these bits on every store too). Most keyspaces have no record at all,
 * so the common lookup is one isEmpty() check and allocates nothing.
 */
final class MetaState {
    static final int STALE = 1, WON = 2;

    record State(long version, long cas, int bits) {}

    private record Key(byte[] b) {
        @Override public boolean equals(Object o) { return o instanceof Key k && Arrays.equals(b, k.b); }
        @Override public int hashCode() { return Arrays.hashCode(b); }
    }

    private final ConcurrentHashMap<Key, State> map = new ConcurrentHashMap<>();

    private static Key key(MemorySegment m, long off, int len) {
        return new Key(m.asSlice(off, len).toArray(ValueLayout.JAVA_BYTE));
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

    void clear() { map.clear(); }
    int size() { return map.size(); }
}
