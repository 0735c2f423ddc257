package io.brisk.command.zset;

import static io.brisk.command.CommandFlag.BLOCKING;
import static io.brisk.command.CommandFlag.FAST;
import static io.brisk.command.CommandFlag.WRITE;

import io.brisk.command.CommandError;
import io.brisk.command.CommandSpec;
import io.brisk.command.Errors;
import io.brisk.command.NumKeys;
import io.brisk.command.Session;
import io.brisk.command.StoredObjects;
import io.brisk.protocol.CommandArgs;
import io.brisk.protocol.Reply;
import io.brisk.store.Db;
import io.brisk.store.EntryRef;
import io.brisk.store.Keyspace;
import io.brisk.store.zset.ZSetValue;
import java.util.List;

/** ZPOPMIN, ZPOPMAX and ZMPOP: remove and return the lowest or highest scored members. */
final class ZSetPopCommands {
    private ZSetPopCommands() {}

    static List<CommandSpec> specs() {
        return List.of(
                ZSetCommands.spec("zpopmin", -2, (s, a, r) -> zpop(s, a, r, false),
                        "Returns the lowest-scoring members from a sorted set after removing them. Deletes the sorted set if the last member was popped.", "5.0.0", WRITE, FAST),
                ZSetCommands.spec("zpopmax", -2, (s, a, r) -> zpop(s, a, r, true),
                        "Returns the highest-scoring members from a sorted set after removing them. Deletes the sorted set if the last member was popped.", "5.0.0", WRITE, FAST),
                ZSetCommands.builder("zmpop", -4, ZSetPopCommands::zmpop,
                        "Returns the highest- or lowest-scoring members from one or more sorted sets after removing them. Deletes the sorted set if the last member was popped.", "7.0.0", WRITE)
                        .keyFinder(NumKeys.at(1, 0)).build(),
                ZSetCommands.builder("bzpopmin", -3, (s, a, r) -> ZSetBlocking.bzpop(s, a, r, false),
                        "Removes and returns the member with the lowest score from one or more sorted sets. Blocks until a member is available otherwise. Deletes the sorted set if the last element was popped.", "5.0.0", WRITE, FAST, BLOCKING)
                        .keys(1, -2, 1).build(),
                ZSetCommands.builder("bzpopmax", -3, (s, a, r) -> ZSetBlocking.bzpop(s, a, r, true),
                        "Removes and returns the member with the highest score from one or more sorted sets. Blocks until a member available otherwise.  Deletes the sorted set if the last element was popped.", "5.0.0", WRITE, FAST, BLOCKING)
                        .keys(1, -2, 1).build(),
                ZSetCommands.builder("bzmpop", -5, ZSetBlocking::bzmpop,
                        "Removes and returns a member by score from one or more sorted sets. Blocks until a member is available otherwise. Deletes the sorted set if the last element was popped.", "7.0.0", WRITE, BLOCKING)
                        .keyFinder(NumKeys.at(2, 0)).build());
    }

    /** Receives popped elements. */
    interface Sink {
        void accept(byte[] member, double score);
    }

    /**
     * Pops up to count elements from the zset found at ref (lowest first, or highest first when max),
     * handing each to sink, then reports the size change and deletes the key when emptied.
     */
    static int pop(Session s, EntryRef ref, ZSetValue z, long count, boolean max, Sink sink) {
        return pop(s.server().keyspace, s.db(), ref, z, count, max, sink);
    }

    static int pop(Keyspace keyspace, Db db, EntryRef ref, ZSetValue z, long count, boolean max, Sink sink) {
        int n = (int) Math.min(count, z.size());
        if (n == 0) return 0;
        long before = z.estimatedBytes();
        long lo = max ? z.size() - n : 0, hi = lo + n - 1;
        z.range(lo, hi, max, sink::accept);
        z.removeRange(lo, hi);
        StoredObjects.mutated(keyspace, db, ref, z, before, z.size() == 0);
        return n;
    }

    /** ZPOPMIN / ZPOPMAX key [count]. */
    static void zpop(Session s, CommandArgs a, Reply r, boolean max) {
        if (a.count() > 3) throw new CommandError(Errors.SYNTAX);
        boolean hasCount = a.count() == 3;
        long count = 1;
        if (hasCount) {
            count = RangeParser.integer(a, 2);
            if (count < 0) throw new CommandError("ERR value is out of range, must be positive");
        }
        EntryRef ref = s.ref;
        ZSetValue z = ZSetCommands.lookup(s, a, 1, ref);
        if (z == null || count == 0) {
            r.array(0);
            return;
        }
        int n = (int) Math.min(count, z.size());
        // Without a count the reply is one flat [member, score]; with one, RESP3 nests pairs.
        boolean nested = hasCount && r.protocol() == 3;
        r.array(nested ? n : 2 * n);
        pop(s, ref, z, n, max, (m, sc) -> {
            if (nested) r.array(2);
            r.bulk(m);
            r.doubleValue(sc);
        });
    }

    /** Parsed MIN|MAX [COUNT count] that follow the keys of ZMPOP and BZMPOP. */
    record Where(boolean max, long count) {}

    static Where parseWhere(CommandArgs a, int i) {
        if (i >= a.count()) throw new CommandError(Errors.SYNTAX);
        boolean max;
        if (a.is(i, "MIN")) max = false;
        else if (a.is(i, "MAX")) max = true;
        else throw new CommandError(Errors.SYNTAX);
        long count = 1;
        boolean seenCount = false;
        for (i++; i < a.count(); i++) {
            if (!seenCount && a.is(i, "COUNT") && i + 1 < a.count()) {
                try {
                    count = a.longValue(++i);
                } catch (NumberFormatException e) {
                    count = 0;
                }
                if (count <= 0) throw new CommandError("ERR count should be greater than 0");
                seenCount = true;
            } else {
                throw new CommandError(Errors.SYNTAX);
            }
        }
        return new Where(max, count);
    }

    static int numkeys(CommandArgs a, int idx) {
        long n;
        try {
            n = a.longValue(idx);
        } catch (NumberFormatException e) {
            throw new CommandError("ERR numkeys should be greater than 0");
        }
        if (n <= 0) throw new CommandError("ERR numkeys should be greater than 0");
        if (n > a.count() - idx - 1) throw new CommandError(Errors.SYNTAX);
        return (int) n;
    }

    /**
     * Pops from the first non-empty zset among args[first..first+n-1], replying
     * [key, [[member, score], ...]]; false (nothing replied) when all are empty.
     */
    static boolean popFirstNonEmpty(Session s, CommandArgs a, Reply r, int first, int n, Where w) {
        EntryRef ref = s.ref;
        for (int j = 0; j < n; j++) {
            ZSetValue z = ZSetCommands.lookup(s, a, first + j, ref);
            if (z == null || z.size() == 0) continue;
            r.array(2);
            r.bulk(a.segment(first + j), a.offset(first + j), a.length(first + j));
            r.array((int) Math.min(w.count(), z.size()));
            pop(s, ref, z, w.count(), w.max(), (m, sc) -> ScoredReply.pair(r, m, sc));
            return true;
        }
        return false;
    }

    /** ZMPOP numkeys key [key ...] MIN|MAX [COUNT count]. */
    static void zmpop(Session s, CommandArgs a, Reply r) {
        int n = numkeys(a, 1);
        Where w = parseWhere(a, 2 + n);
        if (!popFirstNonEmpty(s, a, r, 2, n, w)) r.nullArray();
    }
}
