package io.brisk.command.list;

import static io.brisk.command.CommandFlag.DENYOOM;
import static io.brisk.command.CommandFlag.READONLY;
import static io.brisk.command.CommandFlag.WRITE;

import io.brisk.command.CommandError;
import io.brisk.command.CommandSpec;
import io.brisk.command.Errors;
import io.brisk.command.IntList;
import io.brisk.command.Session;
import io.brisk.protocol.CommandArgs;
import io.brisk.protocol.Numbers;
import io.brisk.protocol.Reply;
import io.brisk.store.Db;
import io.brisk.store.EntryRef;
import io.brisk.store.Members;
import io.brisk.store.SlotLocks;
import io.brisk.store.StoredObject;
import io.brisk.store.ValueType;
import io.brisk.store.list.PackedList;
import io.brisk.util.Crc16;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * SORT and SORT_RO over lists, sets and sorted sets (any value implementing {@link Members}).
 *
 * <p>Locking: the spec declares the source and the STORE destination. BY and GET patterns name
 * keys nobody can know in advance; to read them without risking a lock-order deadlock, SORT first
 * copies the source's members, then lets go of its declared slots, reads each pattern key under
 * its own slot lock (one lock held at a time), and takes the declared slots again in ascending
 * order before it stores. So SORT with external patterns is not atomic with respect to writes to
 * those pattern keys, which only matters to concurrent writers of them.
 */
public final class SortCommands {
    private SortCommands() {}

    private static final String NOT_DOUBLE = "ERR One or more scores can't be converted into double";

    public static List<CommandSpec> specs() {
        return List.of(
                CommandSpec.of("sort", -2, (s, a, r) -> sort(s, a, r, false)).flags(WRITE, DENYOOM)
                        .keyFinder(SortCommands::keys).acl("write", "set", "sortedset", "list", "slow", "dangerous")
                        .group("generic").doc("Sorts the elements in a list, a set, or a sorted set, optionally storing the result.", "1.0.0").build(),
                CommandSpec.of("sort_ro", -2, (s, a, r) -> sort(s, a, r, true)).flags(READONLY).key1()
                        .acl("read", "set", "sortedset", "list", "slow", "dangerous")
                        .group("generic").doc("Returns the sorted elements of a list, a set, or a sorted set.", "7.0.0").build());
    }

    /** The source key and, when present, the STORE destination (Redis's sortGetKeys). */
    static int keys(CommandArgs a, IntList out) {
        out.add(1);
        int store = -1;
        for (int i = 2; i < a.count(); i++) {
            if (a.is(i, "LIMIT")) i += 2;
            else if (a.is(i, "GET") || a.is(i, "BY")) i += 1;
            else if (a.is(i, "STORE") && i + 1 < a.count()) store = ++i;
        }
        if (store > 0) out.add(store);
        return out.size();
    }

    private static final class Item {
        final byte[] value;
        byte[] by;
        double score;

        Item(byte[] value) { this.value = value; }
    }

    private static void sort(Session s, CommandArgs a, Reply r, boolean readOnly) {
        boolean desc = false, alpha = false, dontSort = false;
        long limitStart = 0, limitCount = -1;
        int storeAt = -1;
        byte[] sortBy = null;
        List<byte[]> gets = new ArrayList<>();
        for (int j = 2; j < a.count(); j++) {
            int left = a.count() - j - 1;
            if (a.is(j, "ASC")) desc = false;
            else if (a.is(j, "DESC")) desc = true;
            else if (a.is(j, "ALPHA")) alpha = true;
            else if (a.is(j, "LIMIT") && left >= 2) {
                limitStart = ListCommands.parseLong(a, j + 1);
                limitCount = ListCommands.parseLong(a, j + 2);
                j += 2;
            } else if (a.is(j, "STORE") && left >= 1 && !readOnly) {
                storeAt = ++j;
            } else if (a.is(j, "BY") && left >= 1) {
                sortBy = a.bytes(++j);
                if (indexOf(sortBy, (byte) '*') < 0) dontSort = true;
            } else if (a.is(j, "GET") && left >= 1) {
                gets.add(a.bytes(++j));
            } else {
                r.error(Errors.SYNTAX);
                return;
            }
        }
        Db db = s.db();
        EntryRef ref = s.ref;
        ValueType type = null;
        List<Item> items = new ArrayList<>();
        if (db.find(a.segment(1), a.offset(1), a.length(1), ref)) {
            type = ref.type();
            if (type != ValueType.LIST && type != ValueType.SET && type != ValueType.ZSET) throw new CommandError(Errors.WRONGTYPE);
            StoredObject o = db.object(ref);
            if (!(o instanceof Members m)) throw new CommandError("ERR SORT does not support this value's encoding yet");
            m.forEachMember((b, off, len) -> items.add(new Item(Arrays.copyOfRange(b, off, off + len))));
        }
        // Redis sorts a set even with BY nosort when storing, so the result does not depend on hashing
        if (dontSort && type == ValueType.SET && storeAt > 0) {
            dontSort = false;
            alpha = true;
            sortBy = null;
        }
        if (dontSort && type == ValueType.ZSET && desc) java.util.Collections.reverse(items);

        boolean external = (sortBy != null && !dontSort) || gets.stream().anyMatch(g -> !isHash(g));
        int[] held = external ? releaseDeclared(s, a, storeAt) : null;
        try {
            if (!dontSort) {
                for (Item it : items) {
                    byte[] key = sortBy == null ? it.value : lookup(s, db, sortBy, it.value);
                    if (sortBy != null) it.by = key;
                    if (!alpha) {
                        it.score = score(key);
                    }
                }
                final boolean alphaF = alpha, byF = sortBy != null, descF = desc;
                items.sort((x, y) -> {
                    int cmp;
                    if (!alphaF) {
                        cmp = Double.compare(x.score, y.score) == 0 ? 0 : (x.score < y.score ? -1 : 1);
                        if (cmp == 0) cmp = Arrays.compareUnsigned(x.value, y.value);
                    } else if (byF) {
                        if (x.by == null || y.by == null) cmp = x.by == y.by ? 0 : (x.by == null ? -1 : 1);
                        else cmp = Arrays.compareUnsigned(x.by, y.by);
                    } else {
                        cmp = Arrays.compareUnsigned(x.value, y.value);
                    }
                    return descF ? -cmp : cmp;
                });
            }
            int n = items.size();
            long start = limitStart < 0 ? 0 : limitStart;
            long end = limitCount < 0 ? n - 1 : start + limitCount - 1;
            if (start >= n) {
                start = n - 1;
                end = n - 2;
            }
            if (end >= n) end = n - 1;
            List<byte[]> out = new ArrayList<>();
            for (long i = start; i <= end; i++) {
                Item it = items.get((int) i);
                if (gets.isEmpty()) out.add(it.value);
                else for (byte[] g : gets) out.add(isHash(g) ? it.value : lookup(s, db, g, it.value));
            }
            if (held != null) {
                relock(s, held);
                held = null;
            }
            if (storeAt < 0) {
                r.array(out.size());
                for (byte[] b : out) {
                    if (b == null) r.nullBulk(); else r.bulk(b);
                }
                return;
            }
            store(s, a, storeAt, out);
            r.integer(out.size());
        } finally {
            if (held != null) relock(s, held);
        }
    }

    private static boolean isHash(byte[] pattern) {
        return pattern.length == 1 && pattern[0] == '#';
    }

    private static void store(Session s, CommandArgs a, int at, List<byte[]> out) {
        Db db = s.db();
        if (out.isEmpty()) {
            db.delete(a.segment(at), a.offset(at), a.length(at), s.ref2);
            return;
        }
        PackedList l = new PackedList();
        for (byte[] b : out) l.push(false, b == null ? new byte[0] : b);
        db.putObject(a.segment(at), a.offset(at), a.length(at), ValueType.LIST, l, 0, s.ref2);
        ListCommands.signal(s, a, at);
    }

    private static double score(byte[] v) {
        if (v == null || v.length == 0) return 0;
        try {
            double d = Numbers.parseDouble(new String(v, StandardCharsets.ISO_8859_1));
            if (Double.isNaN(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new CommandError(NOT_DOUBLE);
        }
    }

    private static int indexOf(byte[] b, byte c) {
        for (int i = 0; i < b.length; i++) if (b[i] == c) return i;
        return -1;
    }

    // ---- pattern keys (Redis's lookupKeyByPattern) ------------------------------------------

    /**
     * The value a BY/GET pattern names for one element: the string at the key with the first '*'
     * replaced by the element, or the hash field after "->". Null when missing or of another type.
     */
    private static byte[] lookup(Session s, Db db, byte[] pattern, byte[] subst) {
        if (isHash(pattern)) return subst;
        int star = indexOf(pattern, (byte) '*');
        if (star < 0) return null;
        int arrow = -1;
        for (int i = star + 1; i + 1 < pattern.length; i++) {
            if (pattern[i] == '-' && pattern[i + 1] == '>') {
                arrow = i;
                break;
            }
        }
        if (arrow >= 0 && arrow + 2 >= pattern.length) arrow = -1; // "->" at the very end is part of the key
        int keyEnd = arrow >= 0 ? arrow : pattern.length;
        byte[] key = new byte[star + subst.length + (keyEnd - star - 1)];
        System.arraycopy(pattern, 0, key, 0, star);
        System.arraycopy(subst, 0, key, star, subst.length);
        System.arraycopy(pattern, star + 1, key, star + subst.length, keyEnd - star - 1);
        byte[] field = arrow >= 0 ? Arrays.copyOfRange(pattern, arrow + 2, pattern.length) : null;
        SlotLocks locks = s.server().keyspace.locks();
        int slot = Crc16.slot(MemorySegment.ofArray(key), 0, key.length);
        locks.lock(slot);
        try {
            EntryRef ref = new EntryRef();
            if (!db.find(key, ref)) return null;
            if (field == null) return ref.isString() ? ref.valueBytes() : null;
            if (ref.type() != ValueType.HASH) return null;
            io.brisk.store.hash.PackedHash h = io.brisk.command.hash.HashStore.of(db, ref);
            io.brisk.store.hash.FieldRef v = new io.brisk.store.hash.FieldRef();
            return h.get(field, v) ? v.copy() : null;
        } finally {
            locks.unlock(slot);
        }
    }

    /** Lets go of the slots the dispatcher locked for this command; returns them (ascending). */
    private static int[] releaseDeclared(Session s, CommandArgs a, int storeAt) {
        int src = Crc16.slot(a.segment(1), a.offset(1), a.length(1));
        int[] held = storeAt < 0 ? new int[] {src}
                : new int[] {src, Crc16.slot(a.segment(storeAt), a.offset(storeAt), a.length(storeAt))};
        Arrays.sort(held);
        if (held.length == 2 && held[0] == held[1]) held = new int[] {held[0]};
        SlotLocks locks = s.server().keyspace.locks();
        for (int i = held.length - 1; i >= 0; i--) locks.unlock(held[i]);
        return held;
    }

    private static void relock(Session s, int[] held) {
        s.server().keyspace.locks().lockAll(held, held.length);
    }
}
