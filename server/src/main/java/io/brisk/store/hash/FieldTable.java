package io.brisk.store.hash;

import io.brisk.util.Bytes;
import java.lang.foreign.MemorySegment;

/**
 * A big hash: chained buckets in a power-of-two table (Redis's "hashtable" encoding). Powers of two
 * let HSCAN use Redis's reverse-binary cursor, which returns every field present for the whole scan
 * at least once even when the table grows or shrinks in between.
 */
final class FieldTable {
    private static final int NODE_BYTES = 32;

    private static final class Node {
        final byte[] field;
        byte[] value;
        final int hash;
        Node next;

        Node(byte[] field, byte[] value, int hash, Node next) {
            this.field = field;
            this.value = value;
            this.hash = hash;
            this.next = next;
        }
    }

    private Node[] buckets;
    private int size;
    private long dataBytes;

    FieldTable(int expected) {
        int n = 4;
        while (n < expected) n <<= 1;
        buckets = new Node[n];
    }

    int size() { return size; }

    long estimatedBytes() {
        return 16 + 4L * buckets.length + dataBytes;
    }

    private static long nodeBytes(byte[] f, byte[] v) {
        return NODE_BYTES + PackedHash.align(16 + f.length) + PackedHash.align(16 + v.length);
    }

    private static int hash(MemorySegment s, long off, int len) {
        long h = io.brisk.util.Hashing.hash(s, off, len); // the keyspace's hash: well mixed, not trivially collidable
        return (int) (h ^ (h >>> 32));
    }

    private Node node(MemorySegment f, long off, int len, int h) {
        for (Node n = buckets[h & (buckets.length - 1)]; n != null; n = n.next) {
            if (n.hash == h && n.field.length == len
                    && MemorySegment.mismatch(MemorySegment.ofArray(n.field), 0, len, f, off, off + len) < 0) return n;
        }
        return null;
    }

    boolean get(MemorySegment f, long off, int len, FieldRef out) {
        Node n = node(f, off, len, hash(f, off, len));
        if (n == null) return false;
        out.set(n.value, 0, n.value.length);
        return true;
    }

    boolean put(MemorySegment f, long foff, int flen, MemorySegment v, long voff, int vlen) {
        int h = hash(f, foff, flen);
        byte[] value = Bytes.copy(v, voff, vlen);
        Node n = node(f, foff, flen, h);
        if (n != null) {
            dataBytes += PackedHash.align(16 + value.length) - PackedHash.align(16 + n.value.length);
            n.value = value;
            return false;
        }
        byte[] field = Bytes.copy(f, foff, flen);
        int b = h & (buckets.length - 1);
        buckets[b] = new Node(field, value, h, buckets[b]);
        size++;
        dataBytes += nodeBytes(field, value);
        if (size > buckets.length) resize(buckets.length * 2);
        return true;
    }

    boolean remove(MemorySegment f, long off, int len) {
        int h = hash(f, off, len);
        int b = h & (buckets.length - 1);
        Node prev = null;
        for (Node n = buckets[b]; n != null; prev = n, n = n.next) {
            if (n.hash == h && n.field.length == len
                    && MemorySegment.mismatch(MemorySegment.ofArray(n.field), 0, len, f, off, off + len) < 0) {
                if (prev == null) buckets[b] = n.next; else prev.next = n.next;
                size--;
                dataBytes -= nodeBytes(n.field, n.value);
                if (buckets.length > 16 && size < buckets.length / 8) resize(buckets.length / 2);
                return true;
            }
        }
        return false;
    }

    private void resize(int n) {
        Node[] nb = new Node[n];
        for (Node head : buckets) {
            for (Node x = head; x != null; ) {
                Node next = x.next;
                int b = x.hash & (n - 1);
                x.next = nb[b];
                nb[b] = x;
                x = next;
            }
        }
        buckets = nb;
    }

    void forEach(PackedHash.PairVisitor v) {
        for (Node head : buckets) {
            for (Node x = head; x != null; x = x.next) v.pair(x.field, 0, x.field.length, x.value, 0, x.value.length);
        }
    }

    /** Redis's dictScan over one table: visit buckets from cursor in reverse-binary order. */
    long scan(long cursor, int count, PackedHash.PairVisitor v) {
        long mask = buckets.length - 1;
        long c = cursor;
        int visited = 0;
        int budget = Math.max(1, count) * 10; // empty buckets too, like Redis's maxiterations
        do {
            for (Node x = buckets[(int) (c & mask)]; x != null; x = x.next) {
                v.pair(x.field, 0, x.field.length, x.value, 0, x.value.length);
                visited++;
            }
            c |= ~mask;
            c = Long.reverse(c);
            c++;
            c = Long.reverse(c);
        } while (c != 0 && visited < count && --budget > 0);
        return c;
    }

    /** A random entry: a random non-empty bucket, then a random node of its chain. */
    void random(java.util.random.RandomGenerator rnd, FieldRef field, FieldRef value) {
        Node head;
        do head = buckets[rnd.nextInt(buckets.length)]; while (head == null);
        int len = 0;
        for (Node x = head; x != null; x = x.next) len++;
        Node x = head;
        for (int k = rnd.nextInt(len); k > 0; k--) x = x.next;
        field.set(x.field, 0, x.field.length);
        value.set(x.value, 0, x.value.length);
    }

    FieldTable deepCopy() {
        FieldTable t = new FieldTable(buckets.length);
        forEach((fa, fo, fl, va, vo, vl) -> t.put(MemorySegment.ofArray(fa), fo, fl, MemorySegment.ofArray(va), vo, vl));
        return t;
    }
}
