package io.brisk.store;

import io.brisk.util.Bytes;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A reusable cursor onto one entry in a segment: handlers look a key up into it and read the value
 * where it lies, without allocating. Valid only while the key's slot lock is held.
 *
 * <p>Entry layout: {@code [header][db][access:4][rewrites][varint keyLen][varint valLen]
 * [stamp:8 if moved][expireAt:8 if set][flags:4 if set][key][value]}. The low 4 bits of rewrites
 * count the times this entry was overwritten in place (a new value of the same layout, see
 * {@link Db#rewriteInPlace}), so that the version stamp still changes; its bit 7 says the entry
 * carries the version stamp it had before compaction moved it ({@link #version} is otherwise
 * derived from where the entry lies, and a move must not look like a write to a memcached client
 * holding its CAS); bit 6 says a client was given this version, so a move must carry it (a version
 * nobody saw may change when the entry moves: RESP-only data never pays the stamp). Header bits:
 * 7 dead, 6 has expiry, 5 has client flags, 4 fetched by a memcached client (memcached's "hit
 * before"; a new version starts unfetched), 3 inline collection (the value is the collection's
 * packed bytes, not a handle to a heap object), 0-2 type.
 * The access word holds a 24-bit LRU clock (seconds) and an 8-bit LFU counter, as Redis keeps them.
 */
public final class EntryRef {
    static final int DEAD = 0x80, HAS_EXPIRE = 0x40, HAS_FLAGS = 0x20, FETCHED = 0x10, INLINE = 0x08, TYPE_MASK = 0x07;
    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    /** Offsets in an entry of the access word and of the rewrites byte. */
    static final int ACCESS_AT = 2, REWRITES_AT = 6;
    /** Bytes before the key length: header, db, access word, rewrites. */
    static final int FIXED_BYTES = 7;
    /** In-place overwrites an entry takes before the next write appends a new version (4 bits of {@link #version}). */
    static final int MAX_REWRITES = 15;
    /** Bit of the rewrites byte: an 8-byte version stamp follows the lengths (the entry was moved). */
    static final int STAMPED = 0x80;
    /** Bit of the rewrites byte: a memcached client was given this version (its CAS) or it has meta state. */
    static final int VERSION_SEEN = 0x40;
    /** The rewrite count's bits in {@link #version}. */
    private static final long REWRITE_BITS = 0xFL << 44;

    long location;
    Segment segment;
    MemorySegment mem;
    long pos;
    int header;
    int db;
    long keyOff;
    int keyLen;
    long valOff;
    int valLen;
    long expireAt;
    int flags;
    int size;
    int rewrites;
    boolean stamped;
    /** The carried version stamp, rewrite bits clear (when stamped). */
    long stamp;
    // Where the index word lives, for in-place updates.
    SlotTable table;
    int bucket;
    long hash;
    /** The key's hash slot when known (a version written by Db.begin), else -1. */
    int slot = -1;

    void load(Segment seg, long location) {
        this.location = location;
        this.slot = -1;
        this.segment = seg;
        this.mem = seg.mem;
        long p = this.pos = Segments.offset(location);
        header = mem.get(ValueLayout.JAVA_BYTE, p) & 0xFF;
        db = mem.get(ValueLayout.JAVA_BYTE, p + 1) & 0xFF;
        int rb = mem.get(ValueLayout.JAVA_BYTE, p + REWRITES_AT);
        rewrites = rb & MAX_REWRITES;
        p += FIXED_BYTES;
        int kl = 0, shift = 0, b;
        do { b = mem.get(ValueLayout.JAVA_BYTE, p++); kl |= (b & 0x7F) << shift; shift += 7; } while (b < 0);
        int vl = 0;
        shift = 0;
        do { b = mem.get(ValueLayout.JAVA_BYTE, p++); vl |= (b & 0x7F) << shift; shift += 7; } while (b < 0);
        if (stamped = (rb & STAMPED) != 0) { stamp = mem.get(LONG, p); p += 8; }
        if ((header & HAS_EXPIRE) != 0) { expireAt = mem.get(LONG, p); p += 8; } else expireAt = 0;
        if ((header & HAS_FLAGS) != 0) { flags = mem.get(INT, p); p += 4; } else flags = 0;
        keyLen = kl;
        valLen = vl;
        keyOff = p;
        valOff = p + kl;
        size = (int) (valOff + vl - pos);
    }

    static int varintSize(int v) {
        int n = 1;
        while ((v >>>= 7) != 0) n++;
        return n;
    }

    static int entrySize(int klen, int vlen, boolean expire, boolean flags) {
        return FIXED_BYTES + varintSize(klen) + varintSize(vlen) + (expire ? 8 : 0) + (flags ? 4 : 0) + klen + vlen;
    }

    public ValueType type() { return ValueType.of(header & TYPE_MASK); }
    public boolean isString() { return (header & TYPE_MASK) == 0; }
    /** A small collection kept as packed bytes in the entry itself (read with valueOffset/valueLength). */
    public boolean isInline() { return (header & INLINE) != 0; }
    /** A collection on the heap, reached through {@link Db#object}. */
    public boolean hasHandle() { return (header & TYPE_MASK) != 0 && (header & INLINE) == 0; }
    public MemorySegment memory() { return mem; }
    public long keyOffset() { return keyOff; }
    public int keyLength() { return keyLen; }
    public long valueOffset() { return valOff; }
    public int valueLength() { return valLen; }
    /** Absolute unix time in ms when the key expires, or 0 when it does not. */
    public long expireAt() { return expireAt; }
    public boolean hasClientFlags() { return (header & HAS_FLAGS) != 0; }
    /** memcached's 32-bit client flags (0 when none were set). */
    public int clientFlags() { return flags; }
    public int entrySize() { return size; }

    /**
     * A 64-bit version stamp unique to this version of the entry (memcached's CAS): its location, its
     * in-place rewrite count and the generation of the segment it lives in (16 bits: a stamp repeats
     * only after 65,536 reuses of one segment). Changes on every write from any protocol, and not
     * when compaction moves the entry (the moved copy carries the stamp of where it was written).
     */
    public long version() {
        return (stamped ? stamp : writtenStamp()) | ((long) rewrites << 44);
    }

    /** The version stamp of the entry where it lies now, without its rewrite count. */
    private long writtenStamp() {
        return ((long) (segment.generation & 0xFFFF) << 48) | location;
    }

    /** What a moved copy of this entry carries: its version without the rewrite count. */
    long stampToCarry() {
        return version() & ~REWRITE_BITS;
    }

    /** Where the lengths end: a moved copy's stamp goes here, before expiry, flags and key. */
    long lengthsEnd() {
        return keyOff - ((header & HAS_EXPIRE) != 0 ? 8 : 0) - ((header & HAS_FLAGS) != 0 ? 4 : 0) - (stamped ? 8 : 0);
    }

    /**
     * Turns this entry into a new version of the same layout, in place: header (type, and the same
     * expiry and flags presence; unfetched), access word, expiry and flags; the rewrite count goes
     * up. The caller then writes the value bytes.
     */
    void rewrite(int newHeader, int accessWord, long newExpireAt, int newFlags) {
        long p = pos;
        mem.set(ValueLayout.JAVA_BYTE, p, (byte) newHeader);
        mem.set(INT, p + ACCESS_AT, accessWord);
        mem.set(ValueLayout.JAVA_BYTE, p + REWRITES_AT, (byte) (++rewrites | (stamped ? STAMPED : 0)));
        long q = keyOff;
        if ((newHeader & HAS_FLAGS) != 0) { q -= 4; mem.set(INT, q, newFlags); }
        if ((newHeader & HAS_EXPIRE) != 0) { q -= 8; mem.set(LONG, q, newExpireAt); }
        header = newHeader;
        expireAt = newExpireAt;
        flags = newFlags;
    }

    /**
     * Notes that a client was given this version (a memcached CAS) or state was keyed by it, so that
     * compaction keeps it when it moves the entry. Cleared by the next write, whose version is new.
     */
    public void markVersionSeen() {
        byte b = mem.get(ValueLayout.JAVA_BYTE, pos + REWRITES_AT);
        if ((b & VERSION_SEEN) == 0) mem.set(ValueLayout.JAVA_BYTE, pos + REWRITES_AT, (byte) (b | VERSION_SEEN));
    }

    boolean versionSeen() { return (mem.get(ValueLayout.JAVA_BYTE, pos + REWRITES_AT) & VERSION_SEEN) != 0; }

    /** memcached's "hit before" bit of this version (mg h, me fetch=). */
    public boolean fetched() { return (mem.get(ValueLayout.JAVA_BYTE, pos) & FETCHED) != 0; }

    /** Sets the fetched bit in place (the caller holds the slot lock). */
    public void markFetched() {
        byte h = mem.get(ValueLayout.JAVA_BYTE, pos);
        if ((h & FETCHED) == 0) mem.set(ValueLayout.JAVA_BYTE, pos, (byte) (h | FETCHED));
        header |= FETCHED;
    }

    public int lruClock() { return accessWord() >>> 8; }
    public int lfuCounter() { return accessWord() & 0xFF; }
    int accessWord() { return mem.get(INT, pos + ACCESS_AT); }

    void access(int word) { mem.set(INT, pos + ACCESS_AT, word); }

    public byte[] keyBytes() {
        return Bytes.copy(mem, keyOff, keyLen);
    }

    public byte[] valueBytes() {
        return Bytes.copy(mem, valOff, valLen);
    }

    boolean isDead() { return (mem.get(ValueLayout.JAVA_BYTE, pos) & DEAD) != 0; }

    void markDead(java.util.concurrent.atomic.LongAdder live) {
        setDeadBit();
        segment.live.addAndGet(-size);
        live.add(-size);
    }

    /** Marks this version dead in its header only (the caller moves the live byte counts). */
    void setDeadBit() {
        mem.set(ValueLayout.JAVA_BYTE, pos, (byte) (header | DEAD));
    }

    /** For object values: the handle into the slot's object table. */
    int handle() { return mem.get(INT, valOff); }
}
