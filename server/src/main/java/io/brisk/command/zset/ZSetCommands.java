package io.brisk.command.zset;

import static io.brisk.command.CommandFlag.DENYOOM;
import static io.brisk.command.CommandFlag.FAST;
import static io.brisk.command.CommandFlag.READONLY;
import static io.brisk.command.CommandFlag.WRITE;

import io.brisk.command.CachedNumberParam;
import io.brisk.command.CommandError;
import io.brisk.command.CommandFlag;
import io.brisk.command.CommandHandler;
import io.brisk.command.CommandSpec;
import io.brisk.command.Errors;
import io.brisk.command.ScanArgs;
import io.brisk.command.Session;
import io.brisk.command.StoredObjects;
import io.brisk.protocol.CommandArgs;
import io.brisk.protocol.Numbers;
import io.brisk.protocol.Reply;
import io.brisk.store.EntryRef;
import io.brisk.store.ValueType;
import io.brisk.store.zset.ZSetLimits;
import io.brisk.store.zset.ZSetValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Sorted-set commands on single members (ZADD, ZINCRBY, ZREM, ZSCORE, ZRANK, ZSCAN...). Ranges are in
 * {@link ZSetRangeCommands}, multi-key algebra in {@link ZSetStoreCommands}, pops in {@link ZSetPopCommands}.
 */
public final class ZSetCommands {
    private ZSetCommands() {}

    public static List<CommandSpec> specs() {
        List<CommandSpec> l = new ArrayList<>(List.of(
                spec("zadd", -4, ZSetCommands::zadd, "Adds one or more members to a sorted set, or updates their scores. Creates the key if it doesn't exist.", "1.2.0", WRITE, DENYOOM, FAST),
                spec("zincrby", 4, ZSetCommands::zincrby, "Increments the score of a member in a sorted set.", "1.2.0", WRITE, DENYOOM, FAST),
                spec("zrem", -3, ZSetCommands::zrem, "Removes one or more members from a sorted set. Deletes the sorted set if all members were removed.", "1.2.0", WRITE, FAST),
                spec("zcard", 2, ZSetCommands::zcard, "Returns the number of members in a sorted set.", "1.2.0", READONLY, FAST),
                spec("zscore", 3, ZSetCommands::zscore, "Returns the score of a member in a sorted set.", "1.2.0", READONLY, FAST),
                spec("zmscore", -3, ZSetCommands::zmscore, "Returns the score of one or more members in a sorted set.", "6.2.0", READONLY, FAST),
                spec("zrank", -3, (s, a, r) -> rank(s, a, r, false), "Returns the index of a member in a sorted set ordered by ascending scores.", "2.0.0", READONLY, FAST),
                spec("zrevrank", -3, (s, a, r) -> rank(s, a, r, true), "Returns the index of a member in a sorted set ordered by descending scores.", "2.0.0", READONLY, FAST),
                spec("zrandmember", -2, ZSetCommands::zrandmember, "Returns one or more random members from a sorted set.", "6.2.0", READONLY),
                spec("zscan", -3, ZSetCommands::zscan, "Iterates over members and scores of a sorted set.", "2.8.0", READONLY)));
        l.addAll(ZSetRangeCommands.specs());
        l.addAll(ZSetStoreCommands.specs());
        l.addAll(ZSetPopCommands.specs());
        return l;
    }

    static CommandSpec spec(String name, int arity, CommandHandler h, String doc, String since, CommandFlag... flags) {
        return builder(name, arity, h, doc, since, flags).key1().build();
    }

    static CommandSpec.Builder builder(String name, int arity, CommandHandler h, String doc, String since, CommandFlag... flags) {
        List<CommandFlag> f = List.of(flags);
        return CommandSpec.of(name, arity, h).flags(flags)
                .acl(acl(f))
                .group("sorted-set").doc(doc, since);
    }

    private static String[] acl(List<CommandFlag> f) {
        List<String> cats = new ArrayList<>(List.of(f.contains(WRITE) ? "write" : "read", "sortedset", f.contains(FAST) ? "fast" : "slow"));
        if (f.contains(CommandFlag.BLOCKING)) cats.add("blocking");
        return cats.toArray(new String[0]);
    }

    private static final CachedNumberParam LISTPACK_ENTRIES = new CachedNumberParam("zset-max-listpack-entries");
    private static final CachedNumberParam LISTPACK_VALUE = new CachedNumberParam("zset-max-listpack-value");

    static ZSetLimits limits(Session s) {
        var c = s.server().config;
        return new ZSetLimits(LISTPACK_ENTRIES.getInt(c), LISTPACK_VALUE.getInt(c));
    }

    static ZSetValue lookup(Session s, CommandArgs a, int i, EntryRef ref) {
        return StoredObjects.lookup(s, a, i, ValueType.ZSET, ZSetValue.class, ref);
    }

    /** lookup for read commands (counts keyspace hits and misses). */
    static ZSetValue read(Session s, CommandArgs a, int i) {
        return StoredObjects.read(s, a, i, ValueType.ZSET, ZSetValue.class, s.ref);
    }

    static double score(CommandArgs a, int i) {
        try {
            return a.doubleValue(i);
        } catch (NumberFormatException e) {
            throw new CommandError(Errors.NOT_FLOAT);
        }
    }

    private static final String NAN = "ERR resulting score is not a number (NaN)";

    /** ZADD key [NX | XX] [GT | LT] [CH] [INCR] score member [score member ...]. */
    static void zadd(Session s, CommandArgs a, Reply r) {
        boolean nx = false, xx = false, gt = false, lt = false, ch = false, incr = false;
        int i = 2;
        for (; i < a.count(); i++) {
            if (a.is(i, "NX")) nx = true;
            else if (a.is(i, "XX")) xx = true;
            else if (a.is(i, "GT")) gt = true;
            else if (a.is(i, "LT")) lt = true;
            else if (a.is(i, "CH")) ch = true;
            else if (a.is(i, "INCR")) incr = true;
            else break;
        }
        int elements = a.count() - i;
        if (elements == 0 || elements % 2 != 0) throw new CommandError(Errors.SYNTAX);
        elements /= 2;
        if (nx && xx) throw new CommandError("ERR XX and NX options at the same time are not compatible");
        if ((gt && nx) || (lt && nx) || (gt && lt)) throw new CommandError("ERR GT, LT, and/or NX options at the same time are not compatible");
        if (incr && elements > 1) throw new CommandError("ERR INCR option supports a single increment-element pair");
        double[] scores = new double[elements];
        long maxLen = 0;
        for (int j = 0; j < elements; j++) {
            scores[j] = score(a, i + 2 * j);
            maxLen = Math.max(maxLen, a.length(i + 2 * j + 1));
        }
        EntryRef ref = s.ref;
        ZSetLimits lim = limits(s);
        ZSetValue z = lookup(s, a, 1, ref);
        boolean created = false;
        long before = 0;
        if (z == null) {
            if (xx) {
                if (incr) r.nullBulk();
                else r.integer(0);
                return;
            }
            z = ZSetValue.create(elements, maxLen, lim);
            created = true;
        } else {
            before = z.estimatedBytes();
            z.maybeConvert(elements, lim);
        }
        int added = 0, updated = 0;
        double result = Double.NaN;
        String error = null;
        for (int j = 0; j < elements; j++) {
            byte[] m = a.bytes(i + 2 * j + 1);
            double sc = scores[j];
            double cur = z.score(m);
            if (!Double.isNaN(cur)) {
                if (nx) continue;
                if (incr) {
                    sc = cur + sc;
                    if (Double.isNaN(sc)) {
                        error = NAN;
                        break;
                    }
                }
                if ((lt && sc >= cur) || (gt && sc <= cur)) continue;
                result = sc;
                if (sc != cur) {
                    z.setScore(m, sc);
                    updated++;
                }
            } else {
                if (xx) continue;
                result = sc;
                z.insert(m, sc, lim);
                added++;
            }
        }
        if (created) {
            if (z.size() > 0) s.db().putObject(a.segment(1), a.offset(1), a.length(1), ValueType.ZSET, z, 0, ref);
        } else {
            StoredObjects.mutated(s, ref, z, before, false);
        }
        if (added > 0) ZSetBlocking.signal(s, a, 1);
        if (error != null) throw new CommandError(error);
        if (incr) {
            if (Double.isNaN(result)) r.nullBulk();
            else r.doubleValue(result);
        } else {
            r.integer(ch ? added + updated : added);
        }
    }

    /** ZINCRBY key increment member. */
    static void zincrby(Session s, CommandArgs a, Reply r) {
        double by = score(a, 2);
        byte[] m = a.bytes(3);
        EntryRef ref = s.ref;
        ZSetLimits lim = limits(s);
        ZSetValue z = lookup(s, a, 1, ref);
        if (z == null) {
            z = ZSetValue.create(1, m.length, lim);
            z.insert(m, by, lim);
            s.db().putObject(a.segment(1), a.offset(1), a.length(1), ValueType.ZSET, z, 0, ref);
            ZSetBlocking.signal(s, a, 1);
            r.doubleValue(by);
            return;
        }
        double cur = z.score(m);
        long before = z.estimatedBytes();
        double nu;
        if (Double.isNaN(cur)) {
            nu = by;
            z.insert(m, nu, lim);
        } else {
            nu = cur + by;
            if (Double.isNaN(nu)) throw new CommandError(NAN);
            if (nu != cur) z.setScore(m, nu);
        }
        StoredObjects.mutated(s, ref, z, before, false);
        r.doubleValue(nu);
    }

    static void zrem(Session s, CommandArgs a, Reply r) {
        EntryRef ref = s.ref;
        ZSetValue z = lookup(s, a, 1, ref);
        if (z == null) {
            r.integer(0);
            return;
        }
        long before = z.estimatedBytes();
        int removed = 0;
        for (int i = 2; i < a.count() && z.size() > 0; i++) if (z.remove(a.bytes(i))) removed++;
        StoredObjects.mutated(s, ref, z, before, z.size() == 0);
        r.integer(removed);
    }

    static void zcard(Session s, CommandArgs a, Reply r) {
        ZSetValue z = read(s, a, 1);
        r.integer(z == null ? 0 : z.size());
    }

    static void zscore(Session s, CommandArgs a, Reply r) {
        ZSetValue z = read(s, a, 1);
        double sc = z == null ? Double.NaN : z.score(a.bytes(2));
        if (Double.isNaN(sc)) r.nullBulk();
        else r.doubleValue(sc);
    }

    static void zmscore(Session s, CommandArgs a, Reply r) {
        ZSetValue z = read(s, a, 1);
        r.array(a.count() - 2);
        for (int i = 2; i < a.count(); i++) {
            double sc = z == null ? Double.NaN : z.score(a.bytes(i));
            if (Double.isNaN(sc)) r.nullBulk();
            else r.doubleValue(sc);
        }
    }

    /** ZRANK / ZREVRANK key member [WITHSCORE] (WITHSCORE is Redis 7.2's). */
    static void rank(Session s, CommandArgs a, Reply r, boolean reverse) {
        boolean withScore = false;
        if (a.count() > 4) throw new CommandError(Errors.SYNTAX);
        if (a.count() == 4) {
            if (!a.is(3, "WITHSCORE")) throw new CommandError(Errors.SYNTAX);
            withScore = true;
        }
        ZSetValue z = read(s, a, 1);
        byte[] m = a.bytes(2);
        long rank = z == null ? -1 : z.rank(m);
        if (rank < 0) {
            if (withScore) r.nullArray();
            else r.nullBulk();
            return;
        }
        if (reverse) rank = z.size() - 1 - rank;
        if (!withScore) {
            r.integer(rank);
            return;
        }
        r.array(2);
        r.integer(rank);
        r.doubleValue(z.score(m));
    }

    /** ZRANDMEMBER key [count [WITHSCORES]]. */
    static void zrandmember(Session s, CommandArgs a, Reply r) {
        if (a.count() > 4 || (a.count() == 4 && !a.is(3, "WITHSCORES"))) throw new CommandError(Errors.SYNTAX);
        java.util.concurrent.ThreadLocalRandom rnd = java.util.concurrent.ThreadLocalRandom.current();
        if (a.count() == 2) {
            ZSetValue z = read(s, a, 1);
            if (z == null) r.nullBulk();
            else z.random(rnd, (m, sc) -> r.bulk(m));
            return;
        }
        boolean withScores = a.count() == 4;
        long count = RangeParser.integer(a, 2);
        if (count == Long.MIN_VALUE || (withScores && (count < -Long.MAX_VALUE / 2 || count > Long.MAX_VALUE / 2))) {
            throw new CommandError("ERR value is out of range");
        }
        ZSetValue z = read(s, a, 1);
        if (z == null || count == 0) {
            r.array(0);
            return;
        }
        if (count < 0) {
            int n = (int) Math.min(-count, Integer.MAX_VALUE);
            ScoredReply.begin(r, n, withScores);
            for (int i = 0; i < n; i++) z.random(rnd, (m, sc) -> ScoredReply.element(r, m, sc, withScores));
            return;
        }
        int size = z.size();
        if (count * 3 <= size) {
            // few of many: draw at random and drop repeats, without copying the whole sorted set
            io.brisk.store.set.MemberTable picked = new io.brisk.store.set.MemberTable((int) count, true);
            while (picked.size() < count) z.random(rnd, (m, sc) -> picked.put(m, sc));
            ScoredReply.begin(r, picked.size(), withScores);
            for (int i = 0; i < picked.capacity(); i++) {
                if (picked.keyAt(i) != null) ScoredReply.element(r, picked.keyAt(i), (Double) picked.valueAt(i), withScores);
            }
            return;
        }
        int n = (int) Math.min(count, size);
        byte[][] ms = new byte[size][];
        double[] ss = new double[size];
        int[] k = {0};
        z.forEach((m, sc) -> { ms[k[0]] = m; ss[k[0]++] = sc; });
        for (int i = 0; i < n && n < size; i++) { // partial Fisher-Yates; the whole set when count >= size
            int j = i + rnd.nextInt(size - i);
            byte[] tm = ms[i]; ms[i] = ms[j]; ms[j] = tm;
            double ts = ss[i]; ss[i] = ss[j]; ss[j] = ts;
        }
        ScoredReply.begin(r, n, withScores);
        for (int i = 0; i < n; i++) ScoredReply.element(r, ms[i], ss[i], withScores);
    }

    /** ZSCAN key cursor [MATCH pattern] [COUNT count]: members and scores (scores as strings). */
    static void zscan(Session s, CommandArgs a, Reply r) {
        long cursor = ScanArgs.cursor(a, 2);
        ZSetValue z = read(s, a, 1);
        if (z == null) {
            r.array(2);
            r.bulk("0");
            r.array(0);
            return;
        }
        ScanArgs opts = ScanArgs.parse(a, 3);
        List<byte[]> ms = new ArrayList<>();
        List<Double> ss = new ArrayList<>();
        long next = z.scan(cursor, opts.count(), (m, sc) -> {
            if (opts.accepts(m)) {
                ms.add(m);
                ss.add(sc);
            }
        });
        r.array(2);
        r.bulk(Long.toUnsignedString(next));
        r.array(2 * ms.size());
        for (int i = 0; i < ms.size(); i++) {
            r.bulk(ms.get(i));
            r.bulk(Numbers.formatDouble(ss.get(i)));
        }
    }
}
