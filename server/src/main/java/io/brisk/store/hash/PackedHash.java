package io.brisk.store.hash;

import io.brisk.store.CollectionLimits;
import io.brisk.store.Members;
import io.brisk.store.Packed;
import io.brisk.store.StoredObject;
import java.lang.foreign.MemorySegment;

/**
 * A hash. Small ones are one exact-size byte[] of alternating field and value entries in the
 * {@link Packed} layout (Redis's listpack encoding): a hash of two short fields costs one array of
 * a few dozen bytes and this object. Past hash-max-listpack-entries fields or a field/value longer
 * than hash-max-listpack-value it converts for good to a {@link FieldTable} ("hashtable").
 */
public final class PackedHash implements StoredObject, Members {
    private static final int OBJECT_BYTES = 16;
    private static final byte[] EMPTY = new byte[0];
    /**
     * The packed entries (a byte[]) or a {@link FieldTable}: one field, so a small hash costs a
     * 16-byte object plus its array. The field count of a packed hash is found by walking it.
     */
    private Object data = EMPTY;
    /** Bytes of the packed array in use: its length for a stored hash, less for the scratch. */
    private int used;
    /**
     * The per-thread scratch an inline hash is decoded into: its array keeps spare room, so an edit
     * (HSET of a new field) happens in place and a command on an inline hash leaves no garbage.
     */
    private boolean scratch;
    private static final int SCRATCH_BYTES = 1024;
    private static final ThreadLocal<PackedHash> SCRATCH = ThreadLocal.withInitial(() -> {
        PackedHash h = new PackedHash();
        h.scratch = true;
        h.data = new byte[SCRATCH_BYTES];
        return h;
    });

    /**
     * This thread's scratch hash holding a copy of packed bytes (an inline hash read from its
     * entry). Valid until the thread decodes the next one; {@link #detach} makes a hash to keep.
     */
    public static PackedHash scratchOf(MemorySegment m, long off, int len) {
        PackedHash h = SCRATCH.get();
        if (!(h.data instanceof byte[] b) || b.length < Math.max(len, SCRATCH_BYTES)) h.data = new byte[Math.max(len, SCRATCH_BYTES)];
        MemorySegment.copy(m, java.lang.foreign.ValueLayout.JAVA_BYTE, off, (byte[]) h.data, 0, len);
        h.used = len;
        return h;
    }

    /** This thread's scratch hash, emptied: a new hash being built by a command (see {@link #scratchOf}). */
    public static PackedHash emptyScratch() {
        PackedHash h = SCRATCH.get();
        if (!(h.data instanceof byte[])) h.data = new byte[SCRATCH_BYTES];
        h.used = 0;
        return h;
    }

    /** A hash to store on the heap with this one's content (exact-size array); the scratch stays reusable. */
    public PackedHash detach() {
        if (!scratch) return this;
        PackedHash h = new PackedHash();
        if (data instanceof FieldTable t) {
            h.data = t;
            data = new byte[SCRATCH_BYTES];
        } else {
            h.data = java.util.Arrays.copyOf((byte[]) data, used);
            h.used = used;
        }
        return h;
    }

    /** Length of the packed bytes while the hash is packed (listpack), -1 once it is a hashtable. */
    public int packedLength() {
        return data instanceof byte[] ? used : -1;
    }

    /** The packed bytes (valid up to {@link #packedLength}); null once the hash is a hashtable. */
    public byte[] packedArray() {
        return data instanceof byte[] b ? b : null;
    }

    @Override public String encoding() { return data instanceof FieldTable ? "hashtable" : "listpack"; }

    public int size() {
        if (data instanceof FieldTable t) return t.size();
        byte[] b = (byte[]) data;
        int n = 0;
        for (int p = 0; p < used; p = skip(b, skip(b, p))) n++;
        return n;
    }
    @Override public long memberCount() { return size(); }

    @Override
    public long estimatedBytes() {
        return OBJECT_BYTES + (data instanceof FieldTable t ? t.estimatedBytes() : align(16 + used));
    }

    static long align(long n) {
        return (n + 7) & ~7L;
    }

    // ---- lookup ----------------------------------------------------------------------------

    /** Finds a field; on success out holds its value. */
    public boolean get(MemorySegment f, long off, int len, FieldRef out) {
        if (data instanceof FieldTable t) return t.get(f, off, len, out);
        byte[] packed = (byte[]) data;
        int p = find(packed, used, f, off, len);
        if (p < 0) return false;
        p = skip(packed, p);
        int vl = Packed.readLen(packed, p);
        out.set(packed, p + Packed.varintSize(vl), vl);
        return true;
    }

    public boolean get(byte[] f, FieldRef out) {
        return get(MemorySegment.ofArray(f), 0, f.length, out);
    }

    /** Offset of the field entry in packed, or -1. */
    private static int find(byte[] b, int used, MemorySegment f, long off, int len) {
        int p = 0;
        while (p < used) {
            int fl = Packed.readLen(b, p);
            int d = p + Packed.varintSize(fl);
            if (fl == len && Packed.equals(b, d, f, off, len)) return p;
            p = skip(b, skip(b, p));
        }
        return -1;
    }

    private static int skip(byte[] b, int p) {
        int l = Packed.readLen(b, p);
        return p + Packed.entrySize(l);
    }

    // ---- writing ---------------------------------------------------------------------------

    /** Sets a field; returns true when the field is new. */
    public boolean put(MemorySegment f, long foff, int flen, MemorySegment v, long voff, int vlen) {
        if (data instanceof byte[] && (flen > CollectionLimits.hashMaxListpackValue || vlen > CollectionLimits.hashMaxListpackValue)) {
            convert();
        }
        if (data instanceof FieldTable t) return t.put(f, foff, flen, v, voff, vlen);
        byte[] packed = (byte[]) data;
        int p = find(packed, used, f, foff, flen);
        if (p < 0) {
            if (size() + 1 > CollectionLimits.hashMaxListpackEntries) {
                return convert().put(f, foff, flen, v, voff, vlen);
            }
            int at = used;
            byte[] nb = resized(used + Packed.entrySize(flen) + Packed.entrySize(vlen), used);
            int q = Packed.write(nb, at, f, foff, flen);
            Packed.write(nb, q, v, voff, vlen);
            return true;
        }
        int vp = skip(packed, p);
        int vend = skip(packed, vp);
        int nsz = Packed.entrySize(vlen);
        int tail = used - vend;
        byte[] nb = resized(used - (vend - vp) + nsz, vp); // keeps the bytes before the value
        System.arraycopy(packed, vend, nb, vp + nsz, tail);
        Packed.write(nb, vp, v, voff, vlen);
        return false;
    }

    public boolean put(byte[] f, byte[] v) {
        return put(MemorySegment.ofArray(f), 0, f.length, MemorySegment.ofArray(v), 0, v.length);
    }

    /** Removes a field; true if it was there. */
    public boolean remove(MemorySegment f, long off, int len) {
        if (data instanceof FieldTable t) return t.remove(f, off, len);
        byte[] packed = (byte[]) data;
        int p = find(packed, used, f, off, len);
        if (p < 0) return false;
        int end = skip(packed, skip(packed, p));
        int tail = used - end;
        byte[] nb = resized(used - (end - p), p);
        System.arraycopy(packed, end, nb, p, tail);
        return true;
    }

    /**
     * Makes the packed array hold newUsed bytes, keeping its first keep bytes; returns it (the
     * caller moves the rest). The scratch edits in place while it has room; a stored hash gets an
     * exact-size array, as small as its content, unless the size is unchanged.
     */
    private byte[] resized(int newUsed, int keep) {
        byte[] b = (byte[]) data;
        boolean inPlace = scratch ? newUsed <= b.length : newUsed == b.length;
        byte[] nb = inPlace ? b : new byte[scratch ? Math.max(newUsed, 2 * b.length) : newUsed];
        if (nb != b) System.arraycopy(b, 0, nb, 0, Math.min(keep, used));
        data = nb;
        used = newUsed;
        return nb;
    }

    private FieldTable convert() {
        FieldTable t = new FieldTable(Math.max(4, size()));
        forEach((fa, fo, fl, va, vo, vl) -> t.put(MemorySegment.ofArray(fa), fo, fl, MemorySegment.ofArray(va), vo, vl));
        data = t;
        return t;
    }

    // ---- iteration -------------------------------------------------------------------------

    @FunctionalInterface
    public interface PairVisitor {
        void pair(byte[] fa, int fo, int fl, byte[] va, int vo, int vl);
    }

    /** Visits every field and value (bytes valid during the call only). */
    public void forEach(PairVisitor v) {
        if (data instanceof FieldTable t) {
            t.forEach(v);
            return;
        }
        byte[] b = (byte[]) data;
        int p = 0;
        while (p < used) {
            int fl = Packed.readLen(b, p);
            int fd = p + Packed.varintSize(fl);
            int vp = fd + fl + Packed.varintSize(fl);
            int vl = Packed.readLen(b, vp);
            int vd = vp + Packed.varintSize(vl);
            v.pair(b, fd, fl, b, vd, vl);
            p = vd + vl + Packed.varintSize(vl);
        }
    }

    /** A random field and its value (caller checks size > 0). */
    public void random(java.util.random.RandomGenerator rnd, FieldRef field, FieldRef value) {
        if (data instanceof FieldTable t) {
            t.random(rnd, field, value);
            return;
        }
        byte[] b = (byte[]) data;
        int p = 0;
        for (int k = rnd.nextInt(size()); k > 0; k--) p = skip(b, skip(b, p));
        int fl = Packed.readLen(b, p);
        field.set(b, p + Packed.varintSize(fl), fl);
        int vp = skip(b, p);
        int vl = Packed.readLen(b, vp);
        value.set(b, vp + Packed.varintSize(vl), vl);
    }

    /** True for the packed (listpack) encoding, where picking without repeats is cheapest by shuffling. */
    public boolean isPacked() {
        return data instanceof byte[];
    }

    @Override
    public void forEachMember(MemberVisitor v) {
        forEach((fa, fo, fl, va, vo, vl) -> v.member(fa, fo, fl));
    }

    /**
     * One step of HSCAN: visits the fields of some buckets from cursor on and returns the next cursor
     * (0 = done). A packed hash is visited whole in one call, as Redis does.
     */
    public long scan(long cursor, int count, PairVisitor v) {
        if (data instanceof FieldTable t) return t.scan(cursor, count, v);
        forEach(v);
        return 0;
    }

    @Override
    public PackedHash deepCopy() {
        PackedHash h = new PackedHash();
        h.data = data instanceof FieldTable t ? t.deepCopy() : java.util.Arrays.copyOf((byte[]) data, used);
        h.used = used;
        return h;
    }
}
