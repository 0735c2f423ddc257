package io.brisk.command.list;

import static io.brisk.command.CommandFlag.BLOCKING;
import static io.brisk.command.CommandFlag.DENYOOM;
import static io.brisk.command.CommandFlag.FAST;
import static io.brisk.command.CommandFlag.READONLY;
import static io.brisk.command.CommandFlag.WRITE;

import io.brisk.command.CommandError;
import io.brisk.command.CommandSpec;
import io.brisk.command.Errors;
import io.brisk.command.IntList;
import io.brisk.command.Session;
import io.brisk.protocol.CommandArgs;
import io.brisk.protocol.Reply;
import io.brisk.store.Db;
import io.brisk.store.EntryRef;
import io.brisk.store.Keyspace;
import io.brisk.store.ValueType;
import io.brisk.store.list.ListCursor;
import io.brisk.store.list.PackedList;
import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * List commands (LPUSH ... LMPOP and the blocking BLPOP family, which lives in {@link BlockingLists}).
 * Values are {@link PackedList}s; replies are written straight from the packed nodes.
 */
public final class ListCommands {
    private ListCommands() {}

    static final String POSITIVE = "ERR value is out of range, must be positive";

    public static List<CommandSpec> specs() {
        return List.of(
                spec("lpush", -3, (s, a, r) -> push(s, a, r, true, false), "Prepends one or more elements to a list. Creates the key if it doesn't exist.", "1.0.0", WRITE, DENYOOM, FAST),
                spec("rpush", -3, (s, a, r) -> push(s, a, r, false, false), "Appends one or more elements to a list. Creates the key if it doesn't exist.", "1.0.0", WRITE, DENYOOM, FAST),
                spec("lpushx", -3, (s, a, r) -> push(s, a, r, true, true), "Prepends one or more elements to a list only when the list exists.", "2.2.0", WRITE, DENYOOM, FAST),
                spec("rpushx", -3, (s, a, r) -> push(s, a, r, false, true), "Appends an element to a list only when the list exists.", "2.2.0", WRITE, DENYOOM, FAST),
                spec("lpop", -2, (s, a, r) -> pop(s, a, r, true), "Returns the first elements in a list after removing it. Deletes the list if the last element was popped.", "1.0.0", WRITE, FAST),
                spec("rpop", -2, (s, a, r) -> pop(s, a, r, false), "Returns and removes the last elements of a list. Deletes the list if the last element was popped.", "1.0.0", WRITE, FAST),
                spec("llen", 2, ListCommands::llen, "Returns the length of a list.", "1.0.0", READONLY, FAST),
                spec("lrange", 4, ListCommands::lrange, "Returns a range of elements from a list.", "1.0.0", READONLY),
                spec("lindex", 3, ListCommands::lindex, "Returns an element from a list by its index.", "1.0.0", READONLY),
                spec("lset", 4, ListCommands::lset, "Sets the value of an element in a list by its index.", "1.0.0", WRITE, DENYOOM),
                spec("linsert", 5, ListCommands::linsert, "Inserts an element before or after another element in a list.", "2.2.0", WRITE, DENYOOM),
                spec("lrem", 4, ListCommands::lrem, "Removes elements from a list. Deletes the list if the last element was removed.", "1.0.0", WRITE),
                spec("ltrim", 4, ListCommands::ltrim, "Removes elements from both ends a list. Deletes the list if all elements were trimmed.", "1.0.0", WRITE),
                spec("lpos", -3, ListCommands::lpos, "Returns the index of matching elements in a list.", "6.0.6", READONLY),
                CommandSpec.of("lmove", 5, ListCommands::lmove).flags(WRITE, DENYOOM).keys(1, 2, 1).acl("write", "list", "slow")
                        .group("list").doc("Returns an element after popping it from one list and pushing it to another. Deletes the list if the last element was moved.", "6.2.0").build(),
                CommandSpec.of("rpoplpush", 3, ListCommands::rpoplpush).flags(WRITE, DENYOOM).keys(1, 2, 1).acl("write", "list", "slow")
                        .group("list").doc("Returns the last element of a list after removing and pushing it to another list. Deletes the list if the last element was popped.", "1.2.0").build(),
                CommandSpec.of("lmpop", -4, ListCommands::lmpop).flags(WRITE).keyFinder((a, out) -> numkeys(a, 1, out))
                        .acl("write", "list", "slow").group("list").doc("Returns multiple elements from a list after removing them. Deletes the list if the last element was popped.", "7.0.0").build(),
                CommandSpec.of("blpop", -3, (s, a, r) -> BlockingLists.bpop(s, a, r, true)).flags(WRITE, BLOCKING).keys(1, -2, 1)
                        .acl("write", "list", "slow", "blocking").group("list").doc("Removes and returns the first element in a list. Blocks until an element is available otherwise. Deletes the list if the last element was popped.", "2.0.0").build(),
                CommandSpec.of("brpop", -3, (s, a, r) -> BlockingLists.bpop(s, a, r, false)).flags(WRITE, BLOCKING).keys(1, -2, 1)
                        .acl("write", "list", "slow", "blocking").group("list").doc("Removes and returns the last element in a list. Blocks until an element is available otherwise. Deletes the list if the last element was popped.", "2.0.0").build(),
                CommandSpec.of("blmove", 6, BlockingLists::blmove).flags(WRITE, DENYOOM, BLOCKING).keys(1, 2, 1)
                        .acl("write", "list", "slow", "blocking").group("list").doc("Pops an element from a list, pushes it to another list and returns it. Blocks until an element is available otherwise. Deletes the list if the last element was moved.", "6.2.0").build(),
                CommandSpec.of("brpoplpush", 4, BlockingLists::brpoplpush).flags(WRITE, DENYOOM, BLOCKING).keys(1, 2, 1)
                        .acl("write", "list", "slow", "blocking").group("list").doc("Pops an element from a list, pushes it to another list and returns it. Block until an element is available otherwise. Deletes the list if the last element was popped.", "2.2.0").build(),
                CommandSpec.of("blmpop", -5, BlockingLists::blmpop).flags(WRITE, BLOCKING).keyFinder((a, out) -> numkeys(a, 2, out))
                        .acl("write", "list", "slow", "blocking").group("list").doc("Pops the first element from one of multiple lists. Blocks until an element is available otherwise. Deletes the list if the last element was popped.", "7.0.0").build());
    }

    private static CommandSpec spec(String name, int arity, io.brisk.command.CommandHandler h, String doc, String since,
                                    io.brisk.command.CommandFlag... flags) {
        boolean fast = List.of(flags).contains(FAST);
        boolean write = List.of(flags).contains(WRITE);
        return CommandSpec.of(name, arity, h).flags(flags).key1().acl(write ? "write" : "read", "list", fast ? "fast" : "slow")
                .group("list").doc(doc, since).build();
    }

    /** Key finder for numkeys-style commands: keys follow the count at index idx (none when invalid). */
    static int numkeys(CommandArgs a, int idx, IntList out) {
        long n;
        try {
            n = a.longValue(idx);
        } catch (NumberFormatException e) {
            return 0;
        }
        if (n <= 0 || idx + n >= a.count()) return 0;
        for (int i = 0; i < n; i++) out.add(idx + 1 + i);
        return (int) n;
    }

    static long parseLong(CommandArgs a, int i) {
        try {
            return a.longValue(i);
        } catch (NumberFormatException e) {
            throw new CommandError(Errors.NOT_INTEGER);
        }
    }

    private static PackedList find(Session s, CommandArgs a, int i, EntryRef ref) {
        return Lists.find(s.db(), a.segment(i), a.offset(i), a.length(i), ref);
    }

    private static void changed(Session s, CommandArgs a, int i, PackedList l, long before) {
        Lists.changed(s.server().keyspace, s.db(), a.segment(i), a.offset(i), a.length(i), l, before);
    }

    static void signal(Session s, CommandArgs a, int i) {
        s.server().blocking.signal(s.db(), a.segment(i), a.offset(i), a.length(i));
    }

    // ---- push / pop ------------------------------------------------------------------------

    private static void push(Session s, CommandArgs a, Reply r, boolean head, boolean onlyExisting) {
        Db db = s.db();
        EntryRef ref = s.ref;
        PackedList l = find(s, a, 1, ref);
        if (l == null) {
            if (onlyExisting) {
                r.integer(0);
                return;
            }
            l = new PackedList();
            pushAll(l, a, head);
            db.putObject(a.segment(1), a.offset(1), a.length(1), ValueType.LIST, l, 0, ref);
        } else {
            long before = l.estimatedBytes();
            pushAll(l, a, head);
            s.server().keyspace.adjustObjectBytes(l.estimatedBytes() - before);
        }
        r.integer(l.size());
        signal(s, a, 1);
    }

    private static void pushAll(PackedList l, CommandArgs a, boolean head) {
        for (int i = 2; i < a.count(); i++) {
            if (head) l.pushHead(a.segment(i), a.offset(i), a.length(i));
            else l.pushTail(a.segment(i), a.offset(i), a.length(i));
        }
    }

    private static void pop(Session s, CommandArgs a, Reply r, boolean head) {
        if (a.count() > 3) {
            r.error(Errors.SYNTAX);
            return;
        }
        long count = -1;
        if (a.count() == 3) {
            try {
                count = a.longValue(2);
            } catch (NumberFormatException e) {
                count = -1;
            }
            if (count < 0) {
                r.error(POSITIVE);
                return;
            }
        }
        PackedList l = find(s, a, 1, s.ref);
        if (l == null) {
            if (count >= 0) r.nullArray(); else r.nullBulk();
            return;
        }
        long before = l.estimatedBytes();
        if (count < 0) {
            popInto(l, head, 1, r);
        } else {
            long n = Math.min(count, l.size());
            r.array((int) n);
            popInto(l, head, n, r);
        }
        changed(s, a, 1, l, before);
    }

    private static final ThreadLocal<ListCursor> POP_CURSOR = ThreadLocal.withInitial(ListCursor::new);

    /** Pops n (>= 1 and <= size) elements from one end, writing each as a bulk string. */
    static void popInto(PackedList l, boolean head, long n, Reply r) {
        if (n <= 0) return;
        ListCursor c = POP_CURSOR.get(); // one per thread: a pop per request must not allocate
        l.seek(head ? 0 : l.size() - 1, c);
        for (long k = 0; k < n; k++) {
            r.bulk(c.array(), c.offset(), c.length());
            l.remove(c, head);
        }
    }

    // ---- reading ---------------------------------------------------------------------------

    private static void llen(Session s, CommandArgs a, Reply r) {
        PackedList l = find(s, a, 1, s.ref);
        r.integer(l == null ? 0 : l.size());
    }

    private static void lrange(Session s, CommandArgs a, Reply r) {
        long start = parseLong(a, 2), end = parseLong(a, 3);
        PackedList l = find(s, a, 1, s.ref);
        if (l == null) {
            r.array(0);
            return;
        }
        long len = l.size();
        if (start < 0) start += len;
        if (end < 0) end += len;
        if (start < 0) start = 0;
        if (start > end || start >= len) {
            r.array(0);
            return;
        }
        if (end >= len) end = len - 1;
        long n = end - start + 1;
        r.array((int) n);
        ListCursor c = new ListCursor();
        l.seek(start, c);
        for (long k = 0; k < n; k++) {
            r.bulk(c.array(), c.offset(), c.length());
            if (k + 1 < n) l.next(c);
        }
    }

    private static void lindex(Session s, CommandArgs a, Reply r) {
        long index = parseLong(a, 2);
        PackedList l = find(s, a, 1, s.ref);
        if (l == null) {
            r.nullBulk();
            return;
        }
        if (index < 0) index += l.size();
        if (index < 0 || index >= l.size()) {
            r.nullBulk();
            return;
        }
        ListCursor c = new ListCursor();
        l.seek(index, c);
        r.bulk(c.array(), c.offset(), c.length());
    }

    private static void lpos(Session s, CommandArgs a, Reply r) {
        long rank = 1, count = -1, maxlen = 0;
        for (int i = 3; i < a.count(); i += 2) {
            if (i + 1 >= a.count()) {
                r.error(Errors.SYNTAX);
                return;
            }
            if (a.is(i, "RANK")) {
                rank = parseLong(a, i + 1);
                if (rank == 0) {
                    r.error("ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list");
                    return;
                }
            } else if (a.is(i, "COUNT")) {
                count = parseLong(a, i + 1);
                if (count < 0) {
                    r.error("ERR COUNT can't be negative");
                    return;
                }
            } else if (a.is(i, "MAXLEN")) {
                maxlen = parseLong(a, i + 1);
                if (maxlen < 0) {
                    r.error("ERR MAXLEN can't be negative");
                    return;
                }
            } else {
                r.error(Errors.SYNTAX);
                return;
            }
        }
        PackedList l = find(s, a, 1, s.ref);
        if (l == null || l.size() == 0) {
            if (count >= 0) r.array(0); else r.nullBulk();
            return;
        }
        boolean forward = rank > 0;
        long skip = forward ? rank - 1 : -(rank + 1); // no overflow for Long.MIN_VALUE
        long want = count < 0 ? 1 : count == 0 ? Long.MAX_VALUE : count;
        long[] found = new long[(int) Math.min(want, 16)];
        int nfound = 0;
        ListCursor c = new ListCursor();
        l.seek(forward ? 0 : l.size() - 1, c);
        MemorySegment es = a.segment(2);
        long eo = a.offset(2);
        int el = a.length(2);
        long index = forward ? 0 : l.size() - 1;
        for (long compared = 0; maxlen == 0 || compared < maxlen; compared++) {
            if (c.equalsBytes(es, eo, el)) {
                if (skip > 0) {
                    skip--;
                } else {
                    if (nfound == found.length) found = java.util.Arrays.copyOf(found, nfound * 2);
                    found[nfound++] = index;
                    if (nfound >= want) break;
                }
            }
            if (!(forward ? l.next(c) : l.prev(c))) break;
            index += forward ? 1 : -1;
        }
        if (count < 0) {
            if (nfound == 0) r.nullBulk(); else r.integer(found[0]);
            return;
        }
        r.array(nfound);
        for (int i = 0; i < nfound; i++) r.integer(found[i]);
    }

    // ---- in-place edits --------------------------------------------------------------------

    private static void lset(Session s, CommandArgs a, Reply r) {
        PackedList l = find(s, a, 1, s.ref);
        if (l == null) {
            r.error(Errors.NO_SUCH_KEY);
            return;
        }
        long index = parseLong(a, 2);
        if (index < 0) index += l.size();
        if (index < 0 || index >= l.size()) {
            r.error("ERR index out of range");
            return;
        }
        long before = l.estimatedBytes();
        ListCursor c = new ListCursor();
        l.seek(index, c);
        l.replace(c, a.segment(3), a.offset(3), a.length(3));
        s.server().keyspace.adjustObjectBytes(l.estimatedBytes() - before);
        r.ok();
    }

    private static void linsert(Session s, CommandArgs a, Reply r) {
        boolean before;
        if (a.is(2, "BEFORE")) before = true;
        else if (a.is(2, "AFTER")) before = false;
        else {
            r.error(Errors.SYNTAX);
            return;
        }
        PackedList l = find(s, a, 1, s.ref);
        if (l == null) {
            r.integer(0);
            return;
        }
        ListCursor c = new ListCursor();
        l.seek(0, c);
        do {
            if (c.equalsBytes(a.segment(3), a.offset(3), a.length(3))) {
                long bytes = l.estimatedBytes();
                l.insert(c, before, a.segment(4), a.offset(4), a.length(4));
                s.server().keyspace.adjustObjectBytes(l.estimatedBytes() - bytes);
                r.integer(l.size());
                return;
            }
        } while (l.next(c));
        r.integer(-1);
    }

    private static void lrem(Session s, CommandArgs a, Reply r) {
        long count = parseLong(a, 2);
        PackedList l = find(s, a, 1, s.ref);
        if (l == null) {
            r.integer(0);
            return;
        }
        long before = l.estimatedBytes();
        boolean forward = count >= 0;
        long limit = count == 0 ? Long.MAX_VALUE : Math.abs(count == Long.MIN_VALUE ? Long.MAX_VALUE : count);
        long removed = 0;
        ListCursor c = new ListCursor();
        l.seek(forward ? 0 : l.size() - 1, c);
        boolean more = true;
        while (more && removed < limit) {
            if (c.equalsBytes(a.segment(3), a.offset(3), a.length(3))) {
                more = l.remove(c, forward);
                removed++;
            } else {
                more = forward ? l.next(c) : l.prev(c);
            }
        }
        changed(s, a, 1, l, before);
        r.integer(removed);
    }

    private static void ltrim(Session s, CommandArgs a, Reply r) {
        long start = parseLong(a, 2), end = parseLong(a, 3);
        PackedList l = find(s, a, 1, s.ref);
        if (l == null) {
            r.ok();
            return;
        }
        long len = l.size();
        if (start < 0) start += len;
        if (end < 0) end += len;
        if (start < 0) start = 0;
        long ltrim, rtrim;
        if (start > end || start >= len) {
            ltrim = len;
            rtrim = 0;
        } else {
            if (end >= len) end = len - 1;
            ltrim = start;
            rtrim = len - end - 1;
        }
        long before = l.estimatedBytes();
        l.removeEnds(true, ltrim);
        l.removeEnds(false, rtrim);
        changed(s, a, 1, l, before);
        r.ok();
    }

    // ---- moving ----------------------------------------------------------------------------

    /** LEFT -> true, RIGHT -> false, else syntax error. */
    static boolean side(CommandArgs a, int i) {
        if (a.is(i, "LEFT")) return true;
        if (a.is(i, "RIGHT")) return false;
        throw new CommandError(Errors.SYNTAX);
    }

    private static void lmove(Session s, CommandArgs a, Reply r) {
        boolean from = side(a, 3), to = side(a, 4);
        move(s, a, r, from, to);
    }

    private static void rpoplpush(Session s, CommandArgs a, Reply r) {
        move(s, a, r, false, true);
    }

    /** LMOVE / RPOPLPUSH / an immediately served BLMOVE: source at arg 1, destination at arg 2. */
    static void move(Session s, CommandArgs a, Reply r, boolean fromHead, boolean toHead) {
        Db db = s.db();
        Keyspace ks = s.server().keyspace;
        PackedList src = find(s, a, 1, s.ref);
        if (src == null) {
            r.nullBulk();
            return;
        }
        find(s, a, 2, s.ref2); // type check of the destination before anything moves
        long before = src.estimatedBytes();
        byte[] v = src.pop(fromHead);
        r.bulk(v);
        if (a.equals(1, 2)) {
            src.push(toHead, v);
            ks.adjustObjectBytes(src.estimatedBytes() - before);
            return;
        }
        changed(s, a, 1, src, before);
        Lists.pushCreating(ks, db, a.segment(2), a.offset(2), a.length(2), toHead, v);
        signal(s, a, 2);
    }

    // ---- LMPOP -----------------------------------------------------------------------------

    /** Parsed "numkeys key... LEFT|RIGHT [COUNT n]" starting at the numkeys argument. */
    record MultiPop(int firstKey, int numKeys, boolean head, long count) {
        static MultiPop parse(CommandArgs a, int idx) {
            long n;
            try {
                n = a.longValue(idx);
            } catch (NumberFormatException e) {
                n = 0;
            }
            if (n <= 0 || n > Integer.MAX_VALUE) throw new CommandError("ERR numkeys should be greater than 0");
            int dirAt = idx + 1 + (int) n;
            if (dirAt >= a.count()) throw new CommandError(Errors.SYNTAX);
            boolean head = side(a, dirAt);
            long count = 1;
            int i = dirAt + 1;
            boolean seenCount = false;
            while (i < a.count()) {
                if (a.is(i, "COUNT") && i + 1 < a.count() && !seenCount) {
                    try {
                        count = a.longValue(i + 1);
                    } catch (NumberFormatException e) {
                        count = 0;
                    }
                    if (count <= 0) throw new CommandError("ERR count should be greater than 0");
                    seenCount = true;
                    i += 2;
                } else {
                    throw new CommandError(Errors.SYNTAX);
                }
            }
            return new MultiPop(idx + 1, (int) n, head, count);
        }
    }

    private static void lmpop(Session s, CommandArgs a, Reply r) {
        MultiPop mp = MultiPop.parse(a, 1);
        if (!mpopNow(s, a, r, mp)) r.nullArray();
    }

    /** Pops from the first non-empty key, replying [key, [elements]]; false when all are empty. */
    static boolean mpopNow(Session s, CommandArgs a, Reply r, MultiPop mp) {
        for (int i = mp.firstKey(); i < mp.firstKey() + mp.numKeys(); i++) {
            PackedList l = find(s, a, i, s.ref);
            if (l == null || l.size() == 0) continue;
            long before = l.estimatedBytes();
            long n = Math.min(mp.count(), l.size());
            r.array(2);
            r.bulk(a.segment(i), a.offset(i), a.length(i));
            r.array((int) n);
            popInto(l, mp.head(), n, r);
            changed(s, a, i, l, before);
            return true;
        }
        return false;
    }
}
