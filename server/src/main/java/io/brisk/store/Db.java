package io.brisk.store;

import io.brisk.util.Crc16;
import io.brisk.util.Hashing;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.function.Consumer;

/**
 * One logical database: 16384 slot tables, created on first use. Every method requires the slot lock
 * of each key it touches (taken by the dispatcher, or by the caller for background work).
 */
public final class Db {
    final int index;
    final Keyspace keyspace;
    final Segments segments;
    final SlotTable[] slots = new SlotTable[Crc16.SLOTS];
    /**
     * Per slot, where its index words are: their address, with log2 of the table's capacity in the
     * top bits (0: the slot has no table). A lookup reads this flat array and then the words, where it
     * went through two heap objects first (the SlotTable and its MemorySegment): with 16384 tables
     * spread over the heap's 4 KiB pages, those were two more dependent cache and TLB misses on every
     * lookup in a large keyspace. Kept in step with {@link #slots} by {@link #publish}.
     */
    final long[] directory = new long[Crc16.SLOTS];
    /** Reads index words by address (their memory is kept alive by the slot's SlotTable). */
    private static final MemorySegment ALL_MEMORY = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);
    private static final int CAPACITY_SHIFT = 58;
    private static final long ADDRESS_MASK = (1L << CAPACITY_SHIFT) - 1;
    /** Keys with a TTL in this db, so the active expire cycle can skip dbs that have none. */
    final java.util.concurrent.atomic.AtomicLong volatileKeys = new java.util.concurrent.atomic.AtomicLong();
    /** Keys in this db (DBSIZE in O(1)); changed only on insert and delete, not on overwrite. */
    final java.util.concurrent.atomic.AtomicLong keys = new java.util.concurrent.atomic.AtomicLong();

    Db(int index, Keyspace keyspace) {
        this.index = index;
        this.keyspace = keyspace;
        this.segments = keyspace.segments;
    }

    public int index() { return index; }

    // ---- lookup ----------------------------------------------------------------------------

    /** Finds a live key; an expired one is deleted on the way (lazy expiry). Updates its access time. */
    public boolean find(MemorySegment k, long off, int len, EntryRef ref) {
        if (!peek(k, off, len, ref)) return false;
        touch(ref);
        return true;
    }

    public boolean find(byte[] key, EntryRef ref) {
        return find(MemorySegment.ofArray(key), 0, key.length, ref);
    }

    /** Like find, but leaves the access time alone (OBJECT, TYPE with no-touch, TTL...). */
    public boolean peek(MemorySegment k, long off, int len, EntryRef ref) {
        int slot = KeySlots.of(k, off, len);
        long d = directory[slot];
        if (d == 0) return false;
        long h = Hashing.hash(k, off, len);
        if (!probe(slot, d, h, k, off, len, ref)) return false;
        return !removeIfExpired(ref);
    }

    /** Deletes an indexed entry whose time has passed (lazy expiry); no clock read for keys without TTL. */
    private boolean removeIfExpired(EntryRef ref) {
        if (ref.expireAt == 0 || !expired(ref.expireAt, keyspace.now())) return false;
        remove(ref);
        keyspace.expiredKeys.increment();
        return true;
    }

    /**
     * Redis's keyIsExpired: a key is gone once now has passed its time (at == now still lives), so
     * PTTL can answer 0 and every path (lookup, walks, active cycle) agrees on the same instant.
     */
    static boolean expired(long expireAt, long now) {
        return expireAt != 0 && expireAt < now;
    }

    public boolean exists(MemorySegment k, long off, int len, EntryRef ref) {
        return peek(k, off, len, ref);
    }

    /** Records an access (LRU clock, LFU counter) for an entry found with peek. */
    public void touch(EntryRef ref) {
        if (keyspace.noTouchNow()) return;
        ref.access(keyspace.accessWord(ref.lfuCounter(), ref.lruClock()));
    }

    /** The bucket mask of the table whose {@link #directory} entry is d. */
    private static int maskOf(long d) {
        return (int) ((1L << (d >>> CAPACITY_SHIFT)) - 1);
    }

    /** Finds key k (hash h) in the table of slot, whose {@link #directory} entry is d. */
    private boolean probe(int slot, long d, long h, MemorySegment k, long off, int len, EntryRef ref) {
        long words = d & ADDRESS_MASK;
        int mask = maskOf(d);
        int tag = (int) (h & ((1 << SlotTable.TAG_BITS) - 1));
        for (int b = (int) h & mask; ; b = (b + 1) & mask) {
            long word = ALL_MEMORY.get(ValueLayout.JAVA_LONG, words + 8L * b);
            if (word == 0) return false;
            if (SlotTable.tag(word) == tag) {
                long loc = word & SlotTable.LOC_MASK;
                Segment seg = segments.at(loc);
                ref.load(seg, loc);
                if (ref.keyLen == len && MemorySegment.mismatch(seg.mem, ref.keyOff, ref.keyOff + len, k, off, off + len) < 0) {
                    ref.table = slots[slot];
                    ref.bucket = b;
                    ref.hash = h;
                    return true;
                }
            }
        }
    }

    // ---- writing ---------------------------------------------------------------------------

    /**
     * Reserves a new version of a key and writes its header and key. The caller writes
     * {@code ref.valueLength()} bytes at {@code ref.valueOffset()}, then calls {@link #commit}.
     * An older version stays readable until the commit (APPEND copies from it).
     */
    public EntryRef begin(EntryRef ref, MemorySegment k, long koff, int klen, ValueType type, int vlen,
                          long expireAt, boolean hasFlags, int flags) {
        return begin(ref, k, koff, klen, type.code(), vlen, expireAt, hasFlags, flags);
    }

    /** begin with the header's type bits given (the type code, plus INLINE for an inline collection). */
    private EntryRef begin(EntryRef ref, MemorySegment k, long koff, int klen, int typeBits, int vlen,
                           long expireAt, boolean hasFlags, int flags) {
        boolean exp = expireAt != 0;
        int size = EntryRef.entrySize(klen, vlen, exp, hasFlags);
        Appender app = segments.appender();
        long loc = app.reserve(size);
        Segment seg = segments.at(loc);
        MemorySegment m = seg.mem;
        long p = Segments.offset(loc);
        int header = typeBits | (exp ? EntryRef.HAS_EXPIRE : 0) | (hasFlags ? EntryRef.HAS_FLAGS : 0);
        m.set(ValueLayout.JAVA_BYTE, p, (byte) header);
        m.set(ValueLayout.JAVA_BYTE, p + 1, (byte) index);
        m.set(EntryRef.INT, p + EntryRef.ACCESS_AT, keyspace.accessWord(-1, 0));
        m.set(ValueLayout.JAVA_BYTE, p + EntryRef.REWRITES_AT, (byte) 0);
        p = putVarint(m, p + EntryRef.FIXED_BYTES, klen);
        p = putVarint(m, p, vlen);
        if (exp) { m.set(EntryRef.LONG, p, expireAt); p += 8; }
        if (hasFlags) { m.set(EntryRef.INT, p, flags); p += 4; }
        MemorySegment.copy(k, koff, m, p, klen);
        ref.location = loc;
        ref.segment = seg;
        ref.mem = m;
        ref.pos = Segments.offset(loc);
        ref.header = header;
        ref.db = index;
        ref.keyOff = p;
        ref.keyLen = klen;
        ref.valOff = p + klen;
        ref.valLen = vlen;
        ref.expireAt = expireAt;
        ref.flags = hasFlags ? flags : 0;
        ref.size = size;
        ref.rewrites = 0;
        ref.stamped = false;
        ref.table = null;
        ref.slot = KeySlots.of(k, koff, klen); // the same key: commit needs no CRC16 of the copy
        return ref;
    }

    private static long putVarint(MemorySegment m, long p, int v) {
        while ((v & ~0x7F) != 0) {
            m.set(ValueLayout.JAVA_BYTE, p++, (byte) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        m.set(ValueLayout.JAVA_BYTE, p++, (byte) v);
        return p;
    }

    /**
     * {@link #commit}, for a key whose current version the caller found in this same command
     * (current: from find/peek, nothing inserted into the slot since): its index word is replaced
     * where it is, without hashing and probing the key again (INCR, APPEND, SETBIT...). Falls back
     * to a full commit when current is null or no longer in its bucket.
     */
    public void commit(EntryRef ref, EntryRef current) {
        SlotTable t = current == null ? null : current.table;
        if (t == null || current.db != index || t.get(current.bucket) != SlotTable.word(current.hash, current.location)
                || current.keyLen != ref.keyLen
                || MemorySegment.mismatch(current.mem, current.keyOff, current.keyOff + ref.keyLen, ref.mem, ref.keyOff, ref.keyOff + ref.keyLen) >= 0) {
            commit(ref);
            return;
        }
        replaceAt(t, current.bucket, current.hash, current, ref);
    }

    /** A committed version's bytes count as live in its segment and in used_memory. */
    private void countLive(EntryRef ref) {
        ref.segment.live.addAndGet(ref.size);
        keyspace.liveEntryBytes.add(ref.size);
        sealIfOwnSegment(ref.segment);
    }

    private static void sealIfOwnSegment(Segment seg) {
        if (seg.capacity() > Segments.SEGMENT_SIZE) seg.sealed = true; // an entry's own segment, see Appender
    }

    /**
     * Points bucket b (key hash h) at ref instead of old, which dies; ref now knows where it is
     * indexed. The live byte counts move by the difference: one atomic update per counter when both
     * versions share a segment, as an overwrite usually does (four per write showed in MSET's profile).
     */
    private void replaceAt(SlotTable t, int b, long h, EntryRef old, EntryRef ref) {
        t.set(b, SlotTable.word(h, ref.location));
        ref.access(written(old)); // a write is an access: the key keeps its LFU counter, as Redis's overwrite does
        if (old.expireAt != 0) volatileDelta(t, -1);
        if (ref.expireAt != 0) volatileDelta(t, 1);
        releaseObject(t, old, ref);
        old.setDeadBit();
        if (old.segment == ref.segment) {
            ref.segment.live.addAndGet(ref.size - old.size);
        } else {
            ref.segment.live.addAndGet(ref.size);
            old.segment.live.addAndGet(-old.size);
        }
        keyspace.liveEntryBytes.add(ref.size - old.size);
        sealIfOwnSegment(ref.segment);
        ref.table = t;
        ref.bucket = b;
        ref.hash = h;
    }

    /**
     * The access word of the version that replaces old: accessed now, with old's LFU counter bumped
     * as a lookup would (Redis's writes look the key up, and an overwrite keeps the object's LFU data).
     */
    private int written(EntryRef old) {
        return keyspace.accessWord(old.lfuCounter(), old.lruClock());
    }

    /** Links a version written with {@link #begin} into the index, replacing (and killing) the older one. */
    public void commit(EntryRef ref) {
        MemorySegment m = ref.mem;
        long koff = ref.keyOff;
        int klen = ref.keyLen;
        int slot = ref.slot >= 0 ? ref.slot : Crc16.slot(m, koff, klen);
        long h = Hashing.hash(m, koff, klen);
        SlotTable t = slots[slot];
        if (t == null) t = newTable(slot);
        long newWord = SlotTable.word(h, ref.location);
        int mask = t.mask;
        int tag = (int) (h & ((1 << SlotTable.TAG_BITS) - 1));
        EntryRef old = keyspace.scratch.get();
        int b = (int) h & mask;
        for (; ; b = (b + 1) & mask) {
            long word = t.get(b);
            if (word == 0) break;
            if (SlotTable.tag(word) == tag) {
                long loc = word & SlotTable.LOC_MASK;
                old.load(segments.at(loc), loc);
                if (old.keyLen == klen && MemorySegment.mismatch(old.mem, old.keyOff, old.keyOff + klen, m, koff, koff + klen) < 0) {
                    replaceAt(t, b, h, old, ref);
                    return;
                }
            }
        }
        countLive(ref);
        t.set(b, newWord);
        t.size++;
        keys.incrementAndGet();
        if (ref.expireAt != 0) volatileDelta(t, 1);
        ref.table = t;
        ref.bucket = b;
        ref.hash = h;
        if (t.size * 5L > t.capacity() * 4L) {
            grow(t);
            publish(slot);
            ref.table = null; // bucket moved; callers re-find if they need it
        }
    }

    private void volatileDelta(SlotTable t, int d) {
        t.volatileCount += d;
        volatileKeys.addAndGet(d);
    }

    /** True when some key of this db has a TTL. */
    public boolean hasVolatileKeys() {
        return volatileKeys.get() > 0;
    }

    private void releaseObject(SlotTable t, EntryRef old, EntryRef replacement) {
        if (!old.hasHandle()) return;
        int h = old.handle();
        if (replacement != null && replacement.hasHandle() && replacement.handle() == h) return;
        keyspace.objectFreed(t.objects[h]);
        t.freeObject(h);
    }

    /**
     * Makes current (a live version found under this command's lock) the next version of its key in
     * place, when that version has the same layout: a string of the same value length, with expiry and
     * client flags present exactly where current has them. Header, access word, expiry and flags are
     * rewritten and the version stamp changes; the caller writes the value bytes at
     * {@code current.valueOffset()}. False (nothing changed) when the layout differs or the entry has
     * been rewritten {@link EntryRef#MAX_REWRITES} times: the caller then appends a new version.
     *
     * <p>Why: appending costs a reservation, the header and key written again, an index update, the
     * old version's death and live-byte accounting, and later compaction; an MSET of ten keys spent a
     * quarter of its server CPU on that (redis-benchmark, 2.67 -> 2.01 us per MSET). Readers never see a
     * half-written value: every reader holds the slot lock, and replies copy values out under it.
     */
    public boolean rewriteInPlace(EntryRef current, int vlen, long expireAt, boolean hasFlags, int flags) {
        return rewriteInPlace(current, ValueType.STRING.code(), vlen, expireAt, hasFlags, flags);
    }

    /** rewriteInPlace for a value of the given header type bits (a string, or INLINE and a collection type). */
    private boolean rewriteInPlace(EntryRef current, int typeBits, int vlen, long expireAt, boolean hasFlags, int flags) {
        int header = typeBits | (expireAt != 0 ? EntryRef.HAS_EXPIRE : 0) | (hasFlags ? EntryRef.HAS_FLAGS : 0);
        if ((current.header & ~EntryRef.FETCHED) != header || current.valLen != vlen
                || current.rewrites >= EntryRef.MAX_REWRITES || current.db != index) {
            return false;
        }
        current.rewrite(header, written(current), expireAt, hasFlags ? flags : 0);
        return true;
    }

    /**
     * {@link #rewriteInPlace} with the value v, when current's layout allows; out (may be current)
     * then points at the new version. False: nothing changed, the caller appends a new version.
     */
    public boolean overwriteString(EntryRef current, MemorySegment v, long voff, int vlen, long expireAt,
                                   boolean hasFlags, int flags, EntryRef out) {
        return overwrite(current, ValueType.STRING.code(), v, voff, vlen, expireAt, hasFlags, flags, out);
    }

    /** overwriteString for a value of the given header type bits. */
    private boolean overwrite(EntryRef current, int typeBits, MemorySegment v, long voff, int vlen, long expireAt,
                              boolean hasFlags, int flags, EntryRef out) {
        if (!rewriteInPlace(current, typeBits, vlen, expireAt, hasFlags, flags)) return false;
        MemorySegment.copy(v, voff, current.mem, current.valOff, vlen);
        if (out != current) out.load(current.segment, current.location);
        return true;
    }

    /** Sets a string value, replacing whatever the key held (in place when it can, see rewriteInPlace). */
    public void putString(MemorySegment k, long koff, int klen, MemorySegment v, long voff, int vlen,
                          long expireAt, EntryRef ref) {
        if (peek(k, koff, klen, ref) && overwriteString(ref, v, voff, vlen, expireAt, false, 0, ref)) return;
        begin(ref, k, koff, klen, ValueType.STRING, vlen, expireAt, false, 0);
        MemorySegment.copy(v, voff, ref.mem, ref.valOff, vlen);
        commit(ref);
    }

    public void putString(byte[] key, byte[] value, long expireAt, EntryRef ref) {
        putString(MemorySegment.ofArray(key), 0, key.length, MemorySegment.ofArray(value), 0, value.length, expireAt, ref);
    }

    /** Stores an on-heap collection under a key, replacing whatever it held. */
    public void putObject(MemorySegment k, long koff, int klen, ValueType type, StoredObject value, long expireAt, EntryRef ref) {
        begin(ref, k, koff, klen, type, 4, expireAt, false, 0); // finds the slot once, for commit too
        SlotTable t = slots[ref.slot];
        if (t == null) t = newTable(ref.slot);
        ref.mem.set(EntryRef.INT, ref.valOff, t.addObject(value));
        keyspace.objectBytes.add(value.estimatedBytes());
        commit(ref);
    }

    public void putObject(byte[] key, ValueType type, StoredObject value, long expireAt, EntryRef ref) {
        putObject(MemorySegment.ofArray(key), 0, key.length, type, value, expireAt, ref);
    }

    /**
     * Stores a small collection inline: its packed bytes become the entry's value, as a string's
     * would (no heap object, no handle). Replaces whatever the key held; current, when not null, is
     * the key's version found in this command (see {@link #commit(EntryRef, EntryRef)}); when it is
     * an inline collection of the same type and packed length (HSET of a field's value by one of the
     * same length), it is rewritten in place as a string overwrite would be ({@link #rewriteInPlace}).
     */
    public void putInline(MemorySegment k, long koff, int klen, ValueType type, byte[] packed, int len, long expireAt,
                          EntryRef current, EntryRef out) {
        if (current != null && !current.isDead() && overwrite(current, type.code() | EntryRef.INLINE,
                MemorySegment.ofArray(packed), 0, len, expireAt, false, 0, out)) {
            return;
        }
        begin(out, k, koff, klen, type.code() | EntryRef.INLINE, len, expireAt, false, 0);
        MemorySegment.copy(packed, 0, out.mem, ValueLayout.JAVA_BYTE, out.valOff, len);
        commit(out, current);
    }

    /** The heap collection behind an entry found with find/peek (inline ones are read by their family). */
    public StoredObject object(EntryRef ref) {
        if (!ref.hasHandle()) throw new IllegalStateException("not a heap collection: " + ref.type());
        return (StoredObject) ref.table.objects[ref.handle()];
    }

    /**
     * Rewrites a found entry with a new expiry (0 = persist): in place when the entry already has an
     * expiry field and keeps one, otherwise as a new version carrying the same value.
     */
    public void setExpire(EntryRef ref, long expireAt) {
        if (ref.expireAt != 0 && expireAt != 0) {
            long p = ref.keyOff - 8 - ((ref.header & EntryRef.HAS_FLAGS) != 0 ? 4 : 0);
            ref.mem.set(EntryRef.LONG, p, expireAt);
            ref.expireAt = expireAt;
            return;
        }
        copyEntry(ref, this, ref.mem, ref.keyOff, ref.keyLen, expireAt, (ref.header & EntryRef.HAS_FLAGS) != 0, ref.flags);
    }

    /** Updates memcached client flags and expiry of an entry (a new version, so its CAS changes). */
    public void rewrite(EntryRef ref, long expireAt, boolean hasFlags, int flags) {
        copyEntry(ref, this, ref.mem, ref.keyOff, ref.keyLen, expireAt, hasFlags, flags);
    }

    /** Rewrites a found entry under its own key with new expiry/flags; ref follows the new version. */
    private void copyEntry(EntryRef src, Db dest, MemorySegment k, long koff, int klen, long expireAt, boolean hasFlags, int flags) {
        EntryRef nu = keyspace.scratch2.get();
        if (!src.hasHandle()) {
            dest.begin(nu, k, koff, klen, src.header & (EntryRef.TYPE_MASK | EntryRef.INLINE), src.valLen, expireAt, hasFlags, flags);
            MemorySegment.copy(src.mem, src.valOff, nu.mem, nu.valOff, src.valLen);
        } else {
            int h = src.handle(); // same key, same slot table: the object keeps its handle
            dest.begin(nu, k, koff, klen, src.type(), 4, expireAt, hasFlags, flags);
            nu.mem.set(EntryRef.INT, nu.valOff, h);
        }
        dest.commit(nu);
        src.load(nu.segment, nu.location);
        // Follow the new version without lazy expiry: a rewrite with a time already past (memcached
        // touch with a negative time) must not make the key vanish under the caller's ref.
        long h = Hashing.hash(src.mem, src.keyOff, src.keyLen);
        if (!probe(nu.slot, directory[nu.slot], h, src.mem, src.keyOff, src.keyLen, src)) throw new IllegalStateException("rewritten key vanished");
    }

    /**
     * Writes src's value under another key, possibly in another db (RENAME, COPY, MOVE). Strings are
     * copied; a collection is shared when the caller deletes the source afterwards (share=true),
     * otherwise deep-copied.
     */
    public void copyTo(EntryRef src, Db dest, MemorySegment k, long koff, int klen, long expireAt, boolean share) {
        EntryRef nu = keyspace.scratch2.get();
        // RENAME and MOVE move the value with its access data (as Redis moves the object); COPY's is new
        int access = share ? src.accessWord() : keyspace.accessWord(-1, 0);
        if (!src.hasHandle()) { // strings and inline collections: the bytes are the value
            dest.begin(nu, k, koff, klen, src.header & (EntryRef.TYPE_MASK | EntryRef.INLINE), src.valLen, expireAt, src.hasClientFlags(), src.flags);
            MemorySegment.copy(src.mem, src.valOff, nu.mem, nu.valOff, src.valLen);
            dest.commit(nu);
        } else {
            StoredObject o = (StoredObject) object(src);
            dest.putObject(k, koff, klen, src.type(), share ? o : o.deepCopy(), expireAt, nu);
        }
        nu.access(access);
    }

    // ---- removal ---------------------------------------------------------------------------

    public boolean delete(MemorySegment k, long off, int len, EntryRef ref) {
        if (!peek(k, off, len, ref)) return false;
        remove(ref);
        return true;
    }

    public boolean delete(byte[] key, EntryRef ref) {
        return delete(MemorySegment.ofArray(key), 0, key.length, ref);
    }

    /** Removes a found entry (ref must come from find/peek in this db). */
    public void remove(EntryRef ref) {
        SlotTable t = ref.table;
        releaseObject(t, ref, null);
        if (ref.expireAt != 0) volatileDelta(t, -1);
        ref.markDead(keyspace.liveEntryBytes);
        t.size--;
        keys.decrementAndGet();
        removeAt(t, ref.bucket);
    }

    /** Backward-shift deletion: no tombstones, probe chains stay short under churn. */
    private void removeAt(SlotTable t, int hole) {
        int mask = t.mask;
        t.set(hole, 0);
        int j = hole;
        while (true) {
            j = (j + 1) & mask;
            long word = t.get(j);
            if (word == 0) return;
            int home = home(word, mask);
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                t.set(hole, word);
                t.set(j, 0);
                hole = j;
            }
        }
    }

    private int home(long word, int mask) {
        if (mask < (1 << SlotTable.TAG_BITS)) return SlotTable.tag(word) & mask;
        long loc = word & SlotTable.LOC_MASK;
        EntryRef r = keyspace.scratch3.get();
        r.load(segments.at(loc), loc);
        return (int) Hashing.hash(r.mem, r.keyOff, r.keyLen) & mask;
    }

    private void grow(SlotTable t) {
        MemorySegment old = t.words;
        int oldCap = t.capacity();
        MemorySegment nw = keyspace.indexMemory.allocate(oldCap * 2);
        int mask = oldCap * 2 - 1;
        for (int i = 0; i < oldCap; i++) {
            long word = old.getAtIndex(ValueLayout.JAVA_LONG, i);
            if (word == 0) continue;
            int b = home(word, mask);
            while (nw.getAtIndex(ValueLayout.JAVA_LONG, b) != 0) b = (b + 1) & mask;
            nw.setAtIndex(ValueLayout.JAVA_LONG, b, word);
        }
        t.words = nw;
        t.mask = mask;
        keyspace.indexMemory.release(old);
        keyspace.indexBytes.add(8L * oldCap);
    }

    private SlotTable newTable(int slot) {
        SlotTable t = new SlotTable(keyspace.indexMemory.allocate(SlotTable.INITIAL_WORDS));
        keyspace.indexBytes.add(t.indexBytes() + 40);
        slots[slot] = t;
        publish(slot);
        return t;
    }

    /** Brings the slot's {@link #directory} entry in line with its table (after it was made, grown, dropped or swapped). */
    void publish(int slot) {
        directory[slot] = directoryEntry(slots[slot]);
    }

    /** The {@link #directory} entry that describes table t (0 for no table). */
    static long directoryEntry(SlotTable t) {
        return t == null ? 0 : t.words.address() | ((long) Integer.numberOfTrailingZeros(t.capacity()) << CAPACITY_SHIFT);
    }

    // ---- whole-slot access -----------------------------------------------------------------

    /** Number of keys in a slot (caller holds the slot lock or accepts a racy count). */
    public int slotSize(int slot) {
        SlotTable t = slots[slot];
        return t == null ? 0 : t.size;
    }

    /** A key's share of its slot's index table (MEMORY USAGE): the table's bytes over its keys. */
    public long indexShare(int slot) {
        SlotTable t = slots[slot];
        return t == null || t.size == 0 ? 0 : (t.indexBytes() + 40) / t.size;
    }

    public int slotVolatileSize(int slot) {
        SlotTable t = slots[slot];
        return t == null ? 0 : t.volatileCount;
    }

    /** Loads the entry of index word (at bucket b) into ref; false when it has expired (it stays). */
    private boolean loadLive(SlotTable t, int b, long word, long now, EntryRef ref) {
        long loc = word & SlotTable.LOC_MASK;
        ref.load(segments.at(loc), loc);
        if (expired(ref.expireAt, now)) return false;
        ref.table = t;
        ref.bucket = b;
        return true;
    }

    /**
     * Visits every entry of a slot (caller holds its lock). Expired entries are skipped, not removed;
     * the visitor must not add or remove keys in this slot.
     */
    public void forEachInSlot(int slot, EntryRef ref, Consumer<EntryRef> visitor) {
        SlotTable t = slots[slot];
        if (t == null || t.size == 0) return;
        long now = keyspace.now();
        MemorySegment w = t.words;
        for (int b = 0, cap = t.capacity(); b < cap; b++) {
            long word = t.get(b);
            if (word == 0 || !loadLive(t, b, word, now, ref)) continue;
            visitor.accept(ref);
            if (t.words != w) return;
        }
    }

    /**
     * One SCAN step inside a slot (caller holds its lock): visits the live keys whose home bucket is
     * the one the cursor names, and returns the next cursor, 0 when the slot is done. The cursor is
     * Redis's dictScan reverse-binary counter over home buckets: since a key's home only gains high
     * bits when the table doubles, every key present for the whole scan is visited, however the
     * table grows in between. With linear probing the keys of home b sit in the run that starts at b.
     * The visitor must not add or remove keys.
     */
    public long scanSlot(int slot, long cursor, EntryRef ref, Consumer<EntryRef> visitor) {
        SlotTable t = slots[slot];
        if (t == null || t.size == 0) return 0;
        long now = keyspace.now();
        MemorySegment w = t.words;
        int mask = t.mask;
        int home = (int) (cursor & mask);
        for (int b = home; t.get(b) != 0; b = (b + 1) & mask) {
            long word = t.get(b);
            if (home(word, mask) != home || !loadLive(t, b, word, now, ref)) continue;
            visitor.accept(ref);
            if (t.words != w) throw new IllegalStateException("scan visitor changed the slot");
        }
        long v = cursor | ~(long) mask;
        v = Long.reverse(Long.reverse(v) + 1);
        return v;
    }

    /**
     * Loads a live key of the slot into ref (caller holds its lock): the first occupied bucket at or
     * after a random start, skipping expired entries. False when the slot holds no live key.
     * (RANDOMKEY picks the slot weighted by size, so the key is close to uniformly random.)
     */
    public boolean randomInSlot(int slot, long random, EntryRef ref) {
        SlotTable t = slots[slot];
        if (t == null || t.size == 0) return false;
        long now = keyspace.now();
        int mask = t.mask;
        int start = (int) (random & mask);
        for (int i = 0; i <= mask; i++) {
            int b = (start + i) & mask;
            long word = t.get(b);
            if (word != 0 && loadLive(t, b, word, now, ref)) return true;
        }
        return false;
    }

    /** Deletes the expired keys of one slot (caller holds its lock); returns how many. */
    public int expireSlot(int slot, EntryRef ref) {
        SlotTable t = slots[slot];
        if (t == null || t.volatileCount == 0) return 0;
        long now = keyspace.now();
        int n = 0;
        for (int b = 0; b < t.capacity(); ) {
            long word = t.get(b);
            if (word != 0) {
                long loc = word & SlotTable.LOC_MASK;
                ref.load(segments.at(loc), loc);
                if (expired(ref.expireAt, now)) {
                    ref.table = t;
                    ref.bucket = b;
                    remove(ref);
                    n++;
                    continue; // a shifted word may now sit at b
                }
            }
            b++;
        }
        return n;
    }

    /** Removes every key of a slot (caller holds its lock). */
    public void clearSlot(int slot) {
        SlotTable t = slots[slot];
        if (t == null) return;
        EntryRef r = keyspace.scratch3.get();
        for (int b = 0, cap = t.capacity(); b < cap; b++) {
            long word = t.get(b);
            if (word == 0) continue;
            long loc = word & SlotTable.LOC_MASK;
            r.load(segments.at(loc), loc);
            if (r.hasHandle()) keyspace.objectFreed(t.objects[r.handle()]);
            r.markDead(keyspace.liveEntryBytes);
        }
        volatileKeys.addAndGet(-t.volatileCount);
        keys.addAndGet(-t.size);
        keyspace.indexBytes.add(-(t.indexBytes() + 40));
        keyspace.indexMemory.release(t.words);
        slots[slot] = null;
        publish(slot);
    }

    /**
     * Moves a live entry (ref, loaded at its location; its key's slot is slot, whose lock the
     * compactor holds) to a new place; an expired one is deleted instead, as a lookup would. Returns
     * false when the entry is no longer indexed. The index word is found by the entry's location
     * (the one word pointing at it), so the probe reads no other entry and compares no key: perf had
     * the compactor at ~28 % of the server's CPU under random overwrites, much of it that probe and
     * a second CRC16 of the key.
     */
    boolean relocate(EntryRef ref, int slot) {
        long d = directory[slot];
        if (d == 0) return false;
        long h = Hashing.hash(ref.mem, ref.keyOff, ref.keyLen);
        long words = d & ADDRESS_MASK;
        int mask = maskOf(d);
        int b = (int) h & mask;
        for (; ; b = (b + 1) & mask) {
            long word = ALL_MEMORY.get(ValueLayout.JAVA_LONG, words + 8L * b);
            if (word == 0) return false;
            if ((word & SlotTable.LOC_MASK) == ref.location) break;
        }
        SlotTable t = slots[slot];
        ref.table = t;
        ref.bucket = b;
        ref.hash = h;
        if (removeIfExpired(ref)) return true;
        // A version a client was given moves with its stamp (8 bytes, once): a move is not a write.
        boolean carry = !ref.stamped && ref.versionSeen();
        int size = carry ? ref.size + 8 : ref.size;
        long loc = segments.appender().reserve(size);
        Segment seg = segments.at(loc);
        long to = Segments.offset(loc);
        if (!carry) {
            MemorySegment.copy(ref.mem, ref.pos, seg.mem, to, size);
        } else {
            int head = (int) (ref.lengthsEnd() - ref.pos);
            MemorySegment.copy(ref.mem, ref.pos, seg.mem, to, head);
            seg.mem.set(EntryRef.LONG, to + head, ref.stampToCarry());
            MemorySegment.copy(ref.mem, ref.pos + head, seg.mem, to + head + 8, ref.size - head);
            seg.mem.set(ValueLayout.JAVA_BYTE, to + EntryRef.REWRITES_AT, (byte) (ref.rewrites | EntryRef.STAMPED));
        }
        seg.live.addAndGet(size);
        keyspace.liveEntryBytes.add(size);
        sealIfOwnSegment(seg);
        t.set(b, SlotTable.word(h, loc));
        ref.markDead(keyspace.liveEntryBytes);
        return true;
    }

    public long keyCount() {
        return keys.get();
    }

    long volatileCount() {
        return volatileKeys.get();
    }
}
