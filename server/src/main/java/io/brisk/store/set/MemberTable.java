package io.brisk.store.set;

import java.util.Arrays;
import java.util.function.BiConsumer;
import java.util.random.RandomGenerator;

/**
 * An open-addressing hash table of byte[] members (linear probing, backward-shift deletion), with an
 * optional value per member: a set's "hashtable" encoding uses it keyless-valued, a sorted set maps
 * member -> skip-list node. Capacity is a power of two, so SCAN can use Redis's reverse-binary cursor
 * over home buckets: an element present for the whole scan is returned at least once, even when the
 * table grows or shrinks in between.
 */
public final class MemberTable {
    private static final int MIN_CAPACITY = 8;

    private byte[][] keys;
    private int[] hashes;
    private Object[] values; // null for a plain set
    private int size;
    private long memberBytes; // sum of the members' own array sizes

    public MemberTable(int expected, boolean withValues) {
        int cap = MIN_CAPACITY;
        while (cap * 3L / 4 < expected) cap <<= 1;
        keys = new byte[cap][];
        hashes = new int[cap];
        if (withValues) values = new Object[cap];
    }

    public int size() { return size; }
    public int capacity() { return keys.length; }

    /** Heap bytes of a byte[] of this length. */
    public static long arrayBytes(int len) {
        return HeapSizes.array(len);
    }

    public long estimatedBytes() {
        int cap = keys.length;
        // this object (3 references, 2 ints, 1 long), the keys/hashes(/values) arrays, the members
        return HeapSizes.object(28) + HeapSizes.array(4L * cap) * (values == null ? 2 : 3) + memberBytes;
    }

    public static int hash(byte[] k) {
        int h = 0x9E3779B9 ^ k.length;
        for (byte b : k) h = (h ^ b) * 0x01000193;
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        return h ^ (h >>> 13);
    }

    /** Slot index of k, or -1. */
    public int find(byte[] k) {
        int h = hash(k);
        int mask = keys.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            byte[] cur = keys[i];
            if (cur == null) return -1;
            if (hashes[i] == h && Arrays.equals(cur, k)) return i;
        }
    }

    public boolean contains(byte[] k) { return find(k) >= 0; }

    public Object get(byte[] k) {
        int i = find(k);
        return i < 0 ? null : values[i];
    }

    /** Adds k (keeping it, not copying); false when it was already there. */
    public boolean add(byte[] k) { return put(k, null); }

    /** Adds k with value v; when k is present only its value is replaced and false is returned. */
    public boolean put(byte[] k, Object v) {
        int h = hash(k);
        int mask = keys.length - 1;
        int i = h & mask;
        for (; ; i = (i + 1) & mask) {
            byte[] cur = keys[i];
            if (cur == null) break;
            if (hashes[i] == h && Arrays.equals(cur, k)) {
                if (values != null) values[i] = v;
                return false;
            }
        }
        keys[i] = k;
        hashes[i] = h;
        if (values != null) values[i] = v;
        size++;
        memberBytes += arrayBytes(k.length);
        if (size * 4L > keys.length * 3L) resize(keys.length * 2);
        return true;
    }

    public boolean remove(byte[] k) {
        int i = find(k);
        if (i < 0) return false;
        removeAt(i);
        return true;
    }

    /** Removes the member at slot i (backward shift, so no tombstones). */
    public void removeAt(int hole) {
        memberBytes -= arrayBytes(keys[hole].length);
        size--;
        int mask = keys.length - 1;
        int j = hole;
        while (true) {
            j = (j + 1) & mask;
            if (keys[j] == null) break;
            int home = hashes[j] & mask;
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                keys[hole] = keys[j];
                hashes[hole] = hashes[j];
                if (values != null) values[hole] = values[j];
                hole = j;
            }
        }
        keys[hole] = null;
        if (values != null) values[hole] = null;
        if (keys.length > MIN_CAPACITY && size * 10L < keys.length) resize(keys.length / 2);
    }

    private void resize(int cap) {
        byte[][] ok = keys;
        int[] oh = hashes;
        Object[] ov = values;
        keys = new byte[cap][];
        hashes = new int[cap];
        if (ov != null) values = new Object[cap];
        int mask = cap - 1;
        for (int s = 0; s < ok.length; s++) {
            if (ok[s] == null) continue;
            int i = oh[s] & mask;
            while (keys[i] != null) i = (i + 1) & mask;
            keys[i] = ok[s];
            hashes[i] = oh[s];
            if (ov != null) values[i] = ov[s];
        }
    }

    /** The member in slot i (null when the slot is empty): iterate 0..capacity()-1. */
    public byte[] keyAt(int i) { return keys[i]; }
    public Object valueAt(int i) { return values[i]; }

    /** A uniformly chosen occupied slot (size() must be > 0). */
    public int randomSlot(RandomGenerator rnd) {
        int mask = keys.length - 1;
        int i = rnd.nextInt(keys.length);
        while (keys[i] == null) i = (i + 1) & mask; // load >= 10%, so this stays short
        return i;
    }

    /**
     * One SCAN step: visits every member whose home bucket is the cursor's, returns the next cursor
     * (0 when done). Same cursor arithmetic as Redis's dictScan.
     */
    public long scanBucket(long cursor, BiConsumer<byte[], Object> visitor) {
        int mask = keys.length - 1;
        int b = (int) (cursor & mask);
        for (int i = b; keys[i] != null; i = (i + 1) & mask) {
            if ((hashes[i] & mask) == b) visitor.accept(keys[i], values == null ? null : values[i]);
        }
        long v = cursor | ~(long) mask;
        v = Long.reverse(v);
        v++;
        v = Long.reverse(v);
        return v;
    }

    /** A copy sharing the member arrays (members are never mutated in place). */
    public MemberTable copy() {
        MemberTable t = new MemberTable(0, values != null);
        t.keys = keys.clone();
        t.hashes = hashes.clone();
        if (values != null) t.values = values.clone();
        t.size = size;
        t.memberBytes = memberBytes;
        return t;
    }
}
