package io.brisk.command.memcache;

import io.brisk.store.Db;
import io.brisk.store.EntryRef;
import io.brisk.store.KeySlots;
import io.brisk.store.SlotLocks;
import io.brisk.store.ValueType;
import java.lang.foreign.MemorySegment;

/**
 * memcached item semantics on top of db 0: expiration rules, CAS (the entry's version unless the
 * client chose one), the store modes shared by the text and meta commands. Every method that takes a
 * key locks its slot itself: memcached requests do not pass through the RESP dispatcher.
 */
final class Items {
    /** Thirty days: an expiration up to this is relative seconds, above it a unix time. */
    static final long MAX_RELATIVE = 60L * 60 * 24 * 30;
    /** An expiration that has already passed: the item is gone as soon as it is stored. */
    static final long EXPIRED = -1;

    enum Mode { SET, ADD, REPLACE, APPEND, PREPEND }

    enum Result { STORED, NOT_STORED, EXISTS, NOT_FOUND }

    /** memcached's answer when it cannot make room for an item (maxmemory, noeviction). */
    static final String OUT_OF_MEMORY = "SERVER_ERROR out of memory storing object";

    private final MemcacheService svc;
    private final Db db;
    private final SlotLocks locks;

    Items(MemcacheService svc, Db db, SlotLocks locks) {
        this.svc = svc;
        this.db = db;
        this.locks = locks;
    }

    Db db() { return db; }

    /** Locks a key's slot; the key's bytes must stay put until {@link #unlock} (see KeySlots). */
    int lock(MemorySegment k, long off, int len) {
        int slot = KeySlots.current().remember(k, off, len);
        locks.lock(slot);
        return slot;
    }

    void unlock(int slot) {
        KeySlots.current().forget();
        locks.unlock(slot);
    }

    /** memcached's realtime(): 0 never, negative at once, <= 30 days relative, else a unix time. */
    static long expireAt(long exptime, long nowMillis) {
        if (exptime == 0) return 0;
        if (exptime < 0) return EXPIRED;
        if (exptime <= MAX_RELATIVE) return nowMillis + exptime * 1000;
        long at = exptime * 1000;
        return at <= nowMillis ? EXPIRED : at;
    }

    /** {@link #expireAt} at the current time, reading the clock only for an item that expires. */
    long expireAt(long exptime) {
        return exptime == 0 ? 0 : expireAt(exptime, svc.server.keyspace.now());
    }

    /** Remaining TTL in whole seconds as memcached reports it, -1 when the item never expires. */
    static long ttlSeconds(long expireAt, long nowMillis) {
        if (expireAt == 0) return -1;
        return Math.max(0, (expireAt - nowMillis + 999) / 1000);
    }

    /** Finds a live string item (non-string values are not memcached items). Caller holds the lock. */
    boolean find(MemorySegment k, long off, int len, EntryRef ref) {
        return db.find(k, off, len, ref) && ref.isString();
    }

    MetaState.State state(EntryRef ref) {
        return svc.meta.get(ref.memory(), ref.keyOffset(), ref.keyLength(), ref.version());
    }

    /** The CAS unique of an item: the client's explicit one (E flag) or the entry version. */
    long cas(EntryRef ref) {
        ref.markVersionSeen(); // handed to a client: compaction must not change it
        MetaState.State s = state(ref);
        return s != null && s.cas() != 0 ? s.cas() : ref.version();
    }

    int bits(EntryRef ref) {
        MetaState.State s = state(ref);
        return s == null ? 0 : s.bits();
    }

    /** Attaches meta state (explicit CAS, stale/won bits) to the version ref now points at. */
    void mark(EntryRef ref, long explicitCas, int bits) {
        if (explicitCas == 0 && bits == 0 && svc.meta.size() == 0) return;
        ref.markVersionSeen(); // the state is keyed by this version
        svc.meta.put(ref.memory(), ref.keyOffset(), ref.keyLength(), ref.version(), explicitCas, bits);
    }

    /** Changes an item's expiry (touch, gat, T flags) keeping its meta state; EXPIRED removes it. */
    void setExpire(EntryRef ref, long expireAt) {
        if (expireAt == EXPIRED) {
            db.remove(ref);
            return;
        }
        MetaState.State s = state(ref);
        long version = ref.version(), cas = s != null && s.cas() != 0 ? s.cas() : version; // as cas(ref), one lookup
        db.setExpire(ref, expireAt);
        // A new expiry is not a new value: memcached keeps the CAS unique across touch and gat. When
        // the expiry could not be changed in place the entry moved, so its old CAS goes with it.
        if (ref.version() != version) mark(ref, cas, s == null ? 0 : s.bits());
        else if (s != null) mark(ref, s.cas(), s.bits());
    }

    /**
     * The storage commands. compare: a CAS the item must have (hasCompare); invalidate: a lower CAS is
     * accepted and the stored item is marked stale (meta I); vivifyTtl: append/prepend on a miss
     * create the item (meta N) when not null. On STORED, out points at the new version.
     */
    Result store(Mode mode, MemorySegment k, long koff, int klen, MemorySegment v, long voff, int vlen, int flags,
                 long expireAt, boolean hasCompare, long compare, boolean invalidate, long explicitCas, Long vivifyTtl,
                 EntryRef cur, EntryRef out) {
        int slot = lock(k, koff, klen);
        try {
            return storeLocked(mode, k, koff, klen, v, voff, vlen, flags, expireAt, hasCompare, compare, invalidate,
                    explicitCas, vivifyTtl, cur, out);
        } finally {
            unlock(slot);
        }
    }

    /** {@link #store} for a caller that holds the key's slot lock. */
    Result storeLocked(Mode mode, MemorySegment k, long koff, int klen, MemorySegment v, long voff, int vlen, int flags,
                       long expireAt, boolean hasCompare, long compare, boolean invalidate, long explicitCas, Long vivifyTtl,
                       EntryRef cur, EntryRef out) {
        {
            boolean exists = db.find(k, koff, klen, cur);
            boolean string = exists && cur.isString();
            int bits = 0;
            if (hasCompare) {
                if (!string) return Result.NOT_FOUND;
                long have = cas(cur);
                if (have != compare) {
                    if (!(invalidate && Long.compareUnsigned(compare, have) < 0)) return Result.EXISTS;
                    bits = MetaState.STALE | MetaState.WON;
                }
            }
            switch (mode) {
                case ADD -> {
                    if (exists) return Result.NOT_STORED;
                }
                case REPLACE -> {
                    if (!exists) return Result.NOT_STORED;
                }
                case APPEND, PREPEND -> {
                    if (!string) {
                        if (exists || vivifyTtl == null) return Result.NOT_STORED;
                        return write(k, koff, klen, v, voff, vlen, 0, vivifyTtl, null, false, explicitCas, bits, out);
                    }
                    return write(k, koff, klen, v, voff, vlen, cur.clientFlags(), cur.expireAt(), cur, mode == Mode.APPEND,
                            explicitCas, bits, out);
                }
                default -> { }
            }
            if (expireAt == EXPIRED) {
                if (exists) db.remove(cur);
                return Result.STORED;
            }
            if (string && fits(klen, vlen) && db.overwriteString(cur, v, voff, vlen, expireAt, flags != 0, flags, out)) {
                return stored(out, explicitCas, bits); // same layout as the current version: rewritten in place
            }
            return write(k, koff, klen, v, voff, vlen, flags, expireAt, null, false, explicitCas, bits, out);
        }
    }

    /** Writes a new version; with old, the new value is old's value joined with v (append or prepend). */
    private Result write(MemorySegment k, long koff, int klen, MemorySegment v, long voff, int vlen, int flags, long expireAt,
                         EntryRef old, boolean append, long explicitCas, int bits, EntryRef out) {
        if (expireAt == EXPIRED) return Result.STORED;
        int oldLen = old == null ? 0 : old.valueLength();
        long total = (long) oldLen + vlen;
        if (!fits(klen, total)) return Result.NOT_STORED;
        db.begin(out, k, koff, klen, ValueType.STRING, (int) total, expireAt, flags != 0, flags);
        MemorySegment m = out.memory();
        long p = out.valueOffset();
        if (old == null) {
            MemorySegment.copy(v, voff, m, p, vlen);
        } else if (append) {
            MemorySegment.copy(old.memory(), old.valueOffset(), m, p, oldLen);
            MemorySegment.copy(v, voff, m, p + oldLen, vlen);
        } else {
            MemorySegment.copy(v, voff, m, p, vlen);
            MemorySegment.copy(old.memory(), old.valueOffset(), m, p + vlen, oldLen);
        }
        db.commit(out);
        return stored(out, explicitCas, bits);
    }

    /** An item of this key and value length is within the item size limit (-I). */
    private boolean fits(int klen, long vlen) {
        return vlen + klen + io.brisk.protocol.memcache.MemcacheParser.ITEM_OVERHEAD <= svc.maxItemSize();
    }

    /** Counts a stored item and attaches its meta state. */
    private Result stored(EntryRef out, long explicitCas, int bits) {
        svc.counters.totalItems.increment();
        mark(out, explicitCas, bits);
        return Result.STORED;
    }

    /** Writes a decimal counter value as a new version (incr, decr, ma). Caller holds the lock. */
    void writeNumber(MemorySegment k, long koff, int klen, long value, int flags, long expireAt, long explicitCas,
                     byte[] scratch, EntryRef out) {
        int n = digits(value, scratch);
        db.begin(out, k, koff, klen, ValueType.STRING, n, expireAt, flags != 0, flags);
        MemorySegment.copy(MemorySegment.ofArray(scratch), scratch.length - n, out.memory(), out.valueOffset(), n);
        db.commit(out);
        mark(out, explicitCas, 0);
    }

    /** Unsigned decimal digits of v, right-aligned in buf; returns how many. */
    static int digits(long v, byte[] buf) {
        int p = buf.length;
        do {
            buf[--p] = (byte) ('0' + Long.remainderUnsigned(v, 10));
            v = Long.divideUnsigned(v, 10);
        } while (v != 0);
        return buf.length - p;
    }

    /**
     * The item's value as an unsigned 64-bit counter (memcached's safe_strtoull: digits, optional
     * trailing spaces) into out[0]; false when it is not such a number.
     */
    static boolean counter(EntryRef ref, long[] out) {
        MemorySegment m = ref.memory();
        long off = ref.valueOffset();
        int len = ref.valueLength();
        int end = len;
        while (end > 0 && m.get(java.lang.foreign.ValueLayout.JAVA_BYTE, off + end - 1) == ' ') end--;
        if (!io.brisk.protocol.memcache.MemcacheNumbers.unsignedValid(m, off, end)) return false;
        out[0] = io.brisk.protocol.memcache.MemcacheNumbers.unsigned64(m, off, end);
        return true;
    }

    /** incr wraps at 2^64; decr stops at 0 (memcached's rules). */
    static long applyDelta(long value, long delta, boolean incr) {
        if (incr) return value + delta;
        return Long.compareUnsigned(value, delta) < 0 ? 0 : value - delta;
    }
}
