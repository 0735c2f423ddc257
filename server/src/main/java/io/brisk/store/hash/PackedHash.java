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

    /** A packed hash over a copy of packed bytes (an inline hash read from its entry). */
    public static PackedHash ofPacked(MemorySegment m, long off, int len) {
        PackedHash h = new PackedHash();
        h.data = m.asSlice(off, len).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
        return h;
    }

    /** The packed bytes while the hash is packed (listpack), null once it is a hashtable. */
    public byte[] packedBytes() {
        return data instanceof byte[] b ? b : null;
    }

    @Override public String encoding() { return data instanceof FieldTable ? "hashtable" : "listpack"; }

    public int size() {
        if (data instanceof FieldTable t) return t.size();
        byte[] b = (byte[]) data;
        int n = 0;
        for (int p = 0; p < b.length; p = skip(b, skip(b, p))) n++;
        return n;
    }
    @Override public long memberCount() { return size(); }

    @Override
    public long estimatedBytes() {
        return OBJECT_BYTES + (data instanceof FieldTable t ? t.estimatedBytes() : align(16 + ((byte[]) data).length));
    }

    static long align(long n) {
        return (n + 7) & ~7L;
    }

    // ---- lookup ----------------------------------------------------------------------------

    /** Finds a field; on success out holds its value. */
    public boolean get(MemorySegment f, long off, int len, FieldRef out) {
        if (data instanceof FieldTable t) return t.get(f, off, len, out);
        byte[] packed = (byte[]) data;
        int p = find(packed, f, off, len);
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
    private static int find(byte[] b, MemorySegment f, long off, int len) {
        MemorySegment bs = MemorySegment.ofArray(b);
        int p = 0;
        while (p < b.length) {
            int fl = Packed.readLen(b, p);
            int d = p + Packed.varintSize(fl);
            if (fl == len && MemorySegment.mismatch(bs, d, d + fl, f, off, off + len) < 0) return p;
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
        int p = find(packed, f, foff, flen);
        if (p < 0) {
            if (size() + 1 > CollectionLimits.hashMaxListpackEntries) {
                return convert().put(f, foff, flen, v, voff, vlen);
            }
            byte[] nb = new byte[packed.length + Packed.entrySize(flen) + Packed.entrySize(vlen)];
            System.arraycopy(packed, 0, nb, 0, packed.length);
            int q = Packed.write(nb, packed.length, f, foff, flen);
            Packed.write(nb, q, v, voff, vlen);
            data = nb;
            return true;
        }
        int vp = skip(packed, p);
        int vend = skip(packed, vp);
        int nsz = Packed.entrySize(vlen);
        byte[] nb = vend - vp == nsz ? packed : new byte[packed.length - (vend - vp) + nsz];
        if (nb != packed) {
            System.arraycopy(packed, 0, nb, 0, vp);
            System.arraycopy(packed, vend, nb, vp + nsz, packed.length - vend);
        }
        Packed.write(nb, vp, v, voff, vlen);
        data = nb;
        return false;
    }

    public boolean put(byte[] f, byte[] v) {
        return put(MemorySegment.ofArray(f), 0, f.length, MemorySegment.ofArray(v), 0, v.length);
    }

    /** Removes a field; true if it was there. */
    public boolean remove(MemorySegment f, long off, int len) {
        if (data instanceof FieldTable t) return t.remove(f, off, len);
        byte[] packed = (byte[]) data;
        int p = find(packed, f, off, len);
        if (p < 0) return false;
        int end = skip(packed, skip(packed, p));
        byte[] nb = new byte[packed.length - (end - p)];
        System.arraycopy(packed, 0, nb, 0, p);
        System.arraycopy(packed, end, nb, p, packed.length - end);
        data = nb;
        return true;
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
        while (p < b.length) {
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
        h.data = data instanceof FieldTable t ? t.deepCopy() : ((byte[]) data).clone();
        return h;
    }
}
