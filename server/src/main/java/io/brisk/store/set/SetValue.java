package io.brisk.store.set;

import io.brisk.store.Members;
import io.brisk.store.StoredObject;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * A set value with Redis 7.2's three encodings: "intset" (sorted long[] while every member is an
 * integer and there are at most set-max-intset-entries), "listpack" (a small array of members in
 * insertion order, at most set-max-listpack-entries members of at most set-max-listpack-value bytes)
 * and "hashtable" ({@link MemberTable}). It only ever converts upwards, as Redis does.
 */
public final class SetValue implements StoredObject, Members {
    private static final int INTSET = 0, LISTPACK = 1, HASHTABLE = 2;
    /** This object: enc and n (ints), itemBytes (long), three references. */
    private static final long HEADER = HeapSizes.object(28);

    private int enc;
    private long[] ints;
    private byte[][] items;
    private int n; // members of the intset or listpack
    private long itemBytes; // the listpack members' own array sizes
    private MemberTable table;

    private SetValue() {}

    /** Redis's setTypeCreate: the encoding a new set gets from its first member and expected size. */
    public static SetValue create(byte[] first, long sizeHint, SetLimits lim) {
        SetValue s = new SetValue();
        if (IntegerMember.is(first) && sizeHint <= lim.intsetEntries()) {
            s.enc = INTSET;
            s.ints = new long[4];
        } else if (sizeHint <= lim.listpackEntries()) {
            s.enc = LISTPACK;
            s.items = new byte[4][];
        } else {
            s.enc = HASHTABLE;
            s.table = new MemberTable((int) Math.min(sizeHint, 1 << 24), false);
        }
        return s;
    }

    /** An empty intset, what SINTERSTORE and friends start from. */
    public static SetValue emptyIntset() {
        SetValue s = new SetValue();
        s.enc = INTSET;
        s.ints = new long[4];
        return s;
    }

    public int size() {
        return enc == HASHTABLE ? table.size() : n;
    }

    @Override
    public long memberCount() { return size(); }

    /** SORT's view: every member (sets in encoding order, sorted sets by ascending score). */
    @Override
    public void forEachMember(MemberVisitor visitor) {
        forEachMember(m -> visitor.member(m, 0, m.length));
    }

    @Override
    public String encoding() {
        return switch (enc) {
            case INTSET -> "intset";
            case LISTPACK -> "listpack";
            default -> "hashtable";
        };
    }

    @Override
    public long estimatedBytes() {
        return switch (enc) {
            case INTSET -> HEADER + MemberTable.arrayBytes(8 * ints.length);
            case LISTPACK -> HEADER + MemberTable.arrayBytes(4 * items.length) + itemBytes;
            default -> HEADER + table.estimatedBytes();
        };
    }

    /** Converts to a hashtable when about sizeHint members are coming and a small encoding would not hold them. */
    public void maybeConvert(long sizeHint, SetLimits lim) {
        if ((enc == LISTPACK && sizeHint > lim.listpackEntries()) || (enc == INTSET && sizeHint > lim.intsetEntries())) {
            toHashtable((int) Math.min(sizeHint, 1 << 24));
        }
    }

    public boolean contains(byte[] m) {
        return switch (enc) {
            case INTSET -> IntegerMember.is(m) && Arrays.binarySearch(ints, 0, n, IntegerMember.value(m)) >= 0;
            case LISTPACK -> indexOf(m) >= 0;
            default -> table.contains(m);
        };
    }

    /** Adds m (kept, not copied); false when it was already a member. */
    public boolean add(byte[] m, SetLimits lim) {
        if (enc == INTSET) {
            if (IntegerMember.is(m)) {
                long v = IntegerMember.value(m);
                int at = Arrays.binarySearch(ints, 0, n, v);
                if (at >= 0) return false;
                at = -at - 1;
                if (n == ints.length) ints = Arrays.copyOf(ints, n * 2);
                System.arraycopy(ints, at, ints, at + 1, n - at);
                ints[at] = v;
                n++;
                if (n > Math.min(lim.intsetEntries(), 1 << 30)) toHashtable(n);
                return true;
            }
            if (n < lim.listpackEntries() && m.length <= lim.listpackValue() && intsFit(lim.listpackValue())) toListpack();
            else toHashtable(n + 1);
        }
        if (enc == LISTPACK) {
            if (indexOf(m) >= 0) return false;
            if (n < lim.listpackEntries() && m.length <= lim.listpackValue()) {
                if (n == items.length) items = Arrays.copyOf(items, n * 2);
                items[n++] = m;
                itemBytes += MemberTable.arrayBytes(m.length);
                return true;
            }
            toHashtable(n + 1);
        }
        return table.add(m);
    }

    public boolean remove(byte[] m) {
        switch (enc) {
            case INTSET -> {
                if (!IntegerMember.is(m)) return false;
                int at = Arrays.binarySearch(ints, 0, n, IntegerMember.value(m));
                if (at < 0) return false;
                System.arraycopy(ints, at + 1, ints, at, n - at - 1);
                n--;
                shrinkInts();
                return true;
            }
            case LISTPACK -> {
                int at = indexOf(m);
                if (at < 0) return false;
                removeItemAt(at);
                return true;
            }
            default -> {
                return table.remove(m);
            }
        }
    }

    /** Every member, in the encoding's order (ascending for an intset, insertion order for a listpack). */
    public void forEachMember(Consumer<byte[]> visitor) {
        switch (enc) {
            case INTSET -> { for (int i = 0; i < n; i++) visitor.accept(IntegerMember.bytes(ints[i])); }
            case LISTPACK -> { for (int i = 0; i < n; i++) visitor.accept(items[i]); }
            default -> {
                for (int i = 0, cap = table.capacity(); i < cap; i++) {
                    byte[] k = table.keyAt(i);
                    if (k != null) visitor.accept(k);
                }
            }
        }
    }

    public byte[][] toArray() {
        byte[][] out = new byte[size()][];
        int[] i = {0};
        forEachMember(m -> out[i[0]++] = m);
        return out;
    }

    /** A random member (the set must not be empty). */
    public byte[] random(RandomGenerator rnd) {
        return switch (enc) {
            case INTSET -> IntegerMember.bytes(ints[rnd.nextInt(n)]);
            case LISTPACK -> items[rnd.nextInt(n)];
            default -> table.keyAt(table.randomSlot(rnd));
        };
    }

    /** Removes and returns a random member (the set must not be empty). */
    public byte[] popRandom(RandomGenerator rnd) {
        switch (enc) {
            case INTSET -> {
                int at = rnd.nextInt(n);
                byte[] m = IntegerMember.bytes(ints[at]);
                System.arraycopy(ints, at + 1, ints, at, n - at - 1);
                n--;
                shrinkInts();
                return m;
            }
            case LISTPACK -> {
                int at = rnd.nextInt(n);
                byte[] m = items[at];
                removeItemAt(at);
                return m;
            }
            default -> {
                int slot = table.randomSlot(rnd);
                byte[] m = table.keyAt(slot);
                table.removeAt(slot);
                return m;
            }
        }
    }

    /**
     * One SSCAN step from cursor; visits about count members and returns the next cursor (0 = done).
     * Small encodings are returned whole in one step, as Redis does.
     */
    public long scan(long cursor, int count, Consumer<byte[]> visitor) {
        if (enc != HASHTABLE) {
            forEachMember(visitor);
            return 0;
        }
        int[] seen = {0};
        long maxSteps = count * 10L;
        do {
            cursor = table.scanBucket(cursor, (k, v) -> { visitor.accept(k); seen[0]++; });
        } while (cursor != 0 && seen[0] < count && --maxSteps > 0);
        return cursor;
    }

    @Override
    public SetValue deepCopy() {
        SetValue s = new SetValue();
        s.enc = enc;
        s.n = n;
        s.itemBytes = itemBytes;
        if (ints != null) s.ints = ints.clone();
        if (items != null) s.items = items.clone();
        if (table != null) s.table = table.copy();
        return s;
    }

    // ---- encoding internals ----------------------------------------------------------------

    private int indexOf(byte[] m) {
        for (int i = 0; i < n; i++) if (Arrays.equals(items[i], m)) return i;
        return -1;
    }

    private void removeItemAt(int at) {
        itemBytes -= MemberTable.arrayBytes(items[at].length);
        System.arraycopy(items, at + 1, items, at, n - at - 1);
        items[--n] = null;
        if (items.length > 8 && n * 4 < items.length) items = Arrays.copyOf(items, items.length / 2);
    }

    private void shrinkInts() {
        if (ints.length > 8 && n * 4 < ints.length) ints = Arrays.copyOf(ints, ints.length / 2);
    }

    private boolean intsFit(int maxLen) {
        if (maxLen >= 20) return true;
        for (int i = 0; i < n; i++) if (IntegerMember.bytes(ints[i]).length > maxLen) return false;
        return true;
    }

    private void toListpack() {
        byte[][] a = new byte[Math.max(4, n + 1)][];
        long b = 0;
        for (int i = 0; i < n; i++) {
            a[i] = IntegerMember.bytes(ints[i]);
            b += MemberTable.arrayBytes(a[i].length);
        }
        items = a;
        itemBytes = b;
        ints = null;
        enc = LISTPACK;
    }

    private void toHashtable(int expected) {
        MemberTable t = new MemberTable(Math.max(expected, size()), false);
        forEachMember(t::add);
        table = t;
        ints = null;
        items = null;
        itemBytes = 0;
        n = 0;
        enc = HASHTABLE;
    }
}
