package io.brisk.command.set;

import static io.brisk.command.CommandFlag.DENYOOM;
import static io.brisk.command.CommandFlag.FAST;
import static io.brisk.command.CommandFlag.READONLY;
import static io.brisk.command.CommandFlag.WRITE;

import io.brisk.command.CachedNumberParam;
import io.brisk.command.CommandError;
import io.brisk.command.CommandSpec;
import io.brisk.command.Errors;
import io.brisk.command.ScanArgs;
import io.brisk.command.Session;
import io.brisk.command.StoredObjects;
import io.brisk.protocol.CommandArgs;
import io.brisk.protocol.Reply;
import io.brisk.store.EntryRef;
import io.brisk.store.ValueType;
import io.brisk.store.set.MemberTable;
import io.brisk.store.set.SetLimits;
import io.brisk.store.set.SetValue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Set commands on one key; the multi-key algebra (SINTER, SUNION, SDIFF...) is in {@link SetAlgebraCommands}. */
public final class SetCommands {
    private SetCommands() {}

    public static List<CommandSpec> specs() {
        List<CommandSpec> l = new ArrayList<>(List.of(
                spec("sadd", -3, SetCommands::sadd, "Adds one or more members to a set. Creates the key if it doesn't exist.", "1.0.0", WRITE, DENYOOM, FAST),
                spec("srem", -3, SetCommands::srem, "Removes one or more members from a set. Deletes the set if the last member was removed.", "1.0.0", WRITE, FAST),
                spec("smembers", 2, SetCommands::smembers, "Returns all members of a set.", "1.0.0", READONLY),
                spec("sismember", 3, SetCommands::sismember, "Determines whether a member belongs to a set.", "1.0.0", READONLY, FAST),
                spec("smismember", -3, SetCommands::smismember, "Determines whether multiple members belong to a set.", "6.2.0", READONLY, FAST),
                spec("scard", 2, SetCommands::scard, "Returns the number of members in a set.", "1.0.0", READONLY, FAST),
                spec("spop", -2, SetCommands::spop, "Returns one or more random members from a set after removing them. Deletes the set if the last member was popped.", "1.0.0", WRITE, FAST),
                spec("srandmember", -2, SetCommands::srandmember, "Get one or multiple random members from a set", "1.0.0", READONLY),
                spec("sscan", -3, SetCommands::sscan, "Iterates over members of a set.", "2.8.0", READONLY),
                CommandSpec.of("smove", 4, SetCommands::smove).flags(WRITE, FAST).keys(1, 2, 1).acl("write", "set", "fast")
                        .group("set").doc("Moves a member from one set to another.", "1.0.0").build()));
        l.addAll(SetAlgebraCommands.specs());
        return l;
    }

    static CommandSpec spec(String name, int arity, io.brisk.command.CommandHandler h, String doc, String since,
                            io.brisk.command.CommandFlag... flags) {
        boolean write = List.of(flags).contains(WRITE);
        boolean fast = List.of(flags).contains(FAST);
        return CommandSpec.of(name, arity, h).flags(flags).key1()
                .acl(write ? "write" : "read", "set", fast ? "fast" : "slow").group("set").doc(doc, since).build();
    }

    private static final CachedNumberParam INTSET_ENTRIES = new CachedNumberParam("set-max-intset-entries");
    private static final CachedNumberParam LISTPACK_ENTRIES = new CachedNumberParam("set-max-listpack-entries");
    private static final CachedNumberParam LISTPACK_VALUE = new CachedNumberParam("set-max-listpack-value");

    static SetLimits limits(Session s) {
        var c = s.server().config;
        return new SetLimits(INTSET_ENTRIES.getInt(c), LISTPACK_ENTRIES.getInt(c), LISTPACK_VALUE.getInt(c));
    }

    static SetValue lookup(Session s, CommandArgs a, int i, EntryRef ref) {
        return StoredObjects.lookup(s, a, i, ValueType.SET, SetValue.class, ref);
    }

    /** lookup for read commands (counts keyspace hits and misses). */
    static SetValue read(Session s, CommandArgs a, int i) {
        return StoredObjects.read(s, a, i, ValueType.SET, SetValue.class, s.ref);
    }

    static void sadd(Session s, CommandArgs a, Reply r) {
        EntryRef ref = s.ref;
        SetLimits lim = limits(s);
        SetValue set = lookup(s, a, 1, ref);
        int added = 0;
        if (set == null) {
            set = SetValue.create(a.bytes(2), a.count() - 2, lim);
            for (int i = 2; i < a.count(); i++) if (set.add(a.bytes(i), lim)) added++;
            s.db().putObject(a.segment(1), a.offset(1), a.length(1), ValueType.SET, set, 0, ref);
        } else {
            long before = set.estimatedBytes();
            set.maybeConvert(a.count() - 2, lim);
            for (int i = 2; i < a.count(); i++) if (set.add(a.bytes(i), lim)) added++;
            StoredObjects.mutated(s, ref, set, before, false);
        }
        r.integer(added);
    }

    static void srem(Session s, CommandArgs a, Reply r) {
        EntryRef ref = s.ref;
        SetValue set = lookup(s, a, 1, ref);
        if (set == null) {
            r.integer(0);
            return;
        }
        long before = set.estimatedBytes();
        int removed = 0;
        for (int i = 2; i < a.count() && set.size() > 0; i++) if (set.remove(a.bytes(i))) removed++;
        StoredObjects.mutated(s, ref, set, before, set.size() == 0);
        r.integer(removed);
    }

    static void smembers(Session s, CommandArgs a, Reply r) {
        SetValue set = read(s, a, 1);
        if (set == null) {
            r.set(0);
            return;
        }
        r.set(set.size());
        set.forEachMember(m -> r.bulk(m));
    }

    static void sismember(Session s, CommandArgs a, Reply r) {
        SetValue set = read(s, a, 1);
        r.integer(set != null && set.contains(a.bytes(2)) ? 1 : 0);
    }

    static void smismember(Session s, CommandArgs a, Reply r) {
        SetValue set = read(s, a, 1);
        r.array(a.count() - 2);
        for (int i = 2; i < a.count(); i++) r.integer(set != null && set.contains(a.bytes(i)) ? 1 : 0);
    }

    static void scard(Session s, CommandArgs a, Reply r) {
        SetValue set = read(s, a, 1);
        r.integer(set == null ? 0 : set.size());
    }

    /** SPOP key [count]: one member as a bulk string, or with a count a set of up to count members. */
    static void spop(Session s, CommandArgs a, Reply r) {
        if (a.count() > 3) throw new CommandError(Errors.SYNTAX);
        long count = -1;
        if (a.count() == 3) {
            count = positiveCount(a, 2);
        }
        EntryRef ref = s.ref;
        SetValue set = lookup(s, a, 1, ref);
        if (set == null) {
            if (count < 0) r.nullBulk();
            else r.set(0);
            return;
        }
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        long before = set.estimatedBytes();
        if (count < 0) {
            r.bulk(set.popRandom(rnd));
        } else {
            int n = (int) Math.min(count, set.size());
            r.set(n);
            for (int i = 0; i < n; i++) r.bulk(set.popRandom(rnd));
        }
        StoredObjects.mutated(s, ref, set, before, set.size() == 0);
    }

    private static long positiveCount(CommandArgs a, int i) {
        try {
            long v = a.longValue(i);
            if (v < 0) throw new CommandError("ERR value is out of range, must be positive");
            return v;
        } catch (NumberFormatException e) {
            throw new CommandError("ERR value is out of range, must be positive");
        }
    }

    /** SRANDMEMBER key [count]: a negative count may repeat members, a positive one never does. */
    static void srandmember(Session s, CommandArgs a, Reply r) {
        if (a.count() > 3) throw new CommandError(Errors.SYNTAX);
        if (a.count() == 2) {
            SetValue set = read(s, a, 1);
            if (set == null) r.nullBulk();
            else r.bulk(set.random(ThreadLocalRandom.current()));
            return;
        }
        long count;
        try {
            count = a.longValue(2);
        } catch (NumberFormatException e) {
            throw new CommandError(Errors.NOT_INTEGER);
        }
        if (count == Long.MIN_VALUE) throw new CommandError("ERR value is out of range");
        SetValue set = read(s, a, 1);
        if (set == null || count == 0) {
            r.array(0);
            return;
        }
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        if (count < 0) {
            int n = (int) Math.min(-count, Integer.MAX_VALUE);
            r.array(n);
            for (int i = 0; i < n; i++) r.bulk(set.random(rnd));
            return;
        }
        if (count * 3 <= set.size()) {
            // few of many: draw at random and drop repeats, without copying the whole set
            MemberTable picked = new MemberTable((int) count, false);
            while (picked.size() < count) {
                picked.add(set.random(rnd));
            }
            r.array(picked.size());
            for (int i = 0; i < picked.capacity(); i++) if (picked.keyAt(i) != null) r.bulk(picked.keyAt(i));
            return;
        }
        byte[][] all = set.toArray();
        int n = (int) Math.min(count, all.length);
        // Partial Fisher-Yates: the first n slots end up a uniform sample without repeats.
        for (int i = 0; i < n; i++) {
            int j = i + rnd.nextInt(all.length - i);
            byte[] t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        r.array(n);
        for (int i = 0; i < n; i++) r.bulk(all[i]);
    }

    /** SMOVE source destination member. */
    static void smove(Session s, CommandArgs a, Reply r) {
        EntryRef src = s.ref, dst = s.ref2;
        if (!s.db().find(a.segment(1), a.offset(1), a.length(1), src)) {
            r.integer(0);
            return;
        }
        SetValue to = lookup(s, a, 2, dst);
        SetValue from = lookup(s, a, 1, src);
        if (from == null) {
            r.integer(0);
            return;
        }
        byte[] m = a.bytes(3);
        if (a.equals(1, 2)) {
            r.integer(from.contains(m) ? 1 : 0);
            return;
        }
        long before = from.estimatedBytes();
        if (!from.remove(m)) {
            r.integer(0);
            return;
        }
        lookup(s, a, 1, src); // refresh: looking up the destination may have expired a key in the same slot
        StoredObjects.mutated(s, src, from, before, from.size() == 0);
        SetLimits lim = limits(s);
        to = lookup(s, a, 2, dst);
        if (to == null) {
            to = SetValue.create(m, 1, lim);
            to.add(m, lim);
            s.db().putObject(a.segment(2), a.offset(2), a.length(2), ValueType.SET, to, 0, dst);
        } else {
            long b2 = to.estimatedBytes();
            to.add(m, lim);
            StoredObjects.mutated(s, dst, to, b2, false);
        }
        r.integer(1);
    }

    /** SSCAN key cursor [MATCH pattern] [COUNT count]. */
    static void sscan(Session s, CommandArgs a, Reply r) {
        long cursor = ScanArgs.cursor(a, 2);
        SetValue set = read(s, a, 1);
        if (set == null) {
            r.array(2);
            r.bulk("0");
            r.array(0);
            return;
        }
        ScanArgs opts = ScanArgs.parse(a, 3);
        List<byte[]> out = new ArrayList<>();
        long next = set.scan(cursor, opts.count(), m -> { if (opts.accepts(m)) out.add(m); });
        r.array(2);
        r.bulk(Long.toUnsignedString(next));
        r.array(out.size());
        for (byte[] m : out) r.bulk(m);
    }
}
