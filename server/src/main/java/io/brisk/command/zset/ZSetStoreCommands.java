package io.brisk.command.zset;

import static io.brisk.command.CommandFlag.DENYOOM;
import static io.brisk.command.CommandFlag.READONLY;
import static io.brisk.command.CommandFlag.WRITE;

import io.brisk.command.CardLimit;
import io.brisk.command.CommandError;
import io.brisk.command.CommandSpec;
import io.brisk.command.Errors;
import io.brisk.command.NumKeys;
import io.brisk.command.Session;
import io.brisk.command.StoredObjects;
import io.brisk.protocol.CommandArgs;
import io.brisk.protocol.Reply;
import io.brisk.store.EntryRef;
import io.brisk.store.StoredObject;
import io.brisk.store.ValueType;
import io.brisk.store.set.MemberTable;
import io.brisk.store.set.SetValue;
import io.brisk.store.zset.ZSetLimits;
import io.brisk.store.zset.ZSetValue;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * ZUNION, ZINTER, ZDIFF, their *STORE forms (WEIGHTS, AGGREGATE SUM|MIN|MAX, WITHSCORES) and
 * ZINTERCARD. Plain sets are accepted as inputs, every member scoring 1, as in Redis.
 */
final class ZSetStoreCommands {
    private ZSetStoreCommands() {}

    private enum Op { UNION, INTER, DIFF }

    private enum Aggregate { SUM, MIN, MAX }

    static List<CommandSpec> specs() {
        return List.of(
                read("zunion", Op.UNION, "Returns the union of multiple sorted sets.", "6.2.0"),
                read("zinter", Op.INTER, "Returns the intersect of multiple sorted sets.", "6.2.0"),
                read("zdiff", Op.DIFF, "Returns the difference between multiple sorted sets.", "6.2.0"),
                store("zunionstore", Op.UNION, "Stores the union of multiple sorted sets in a key.", "2.0.0"),
                store("zinterstore", Op.INTER, "Stores the intersect of multiple sorted sets in a key.", "2.0.0"),
                store("zdiffstore", Op.DIFF, "Stores the difference of multiple sorted sets in a key.", "6.2.0"),
                ZSetCommands.builder("zintercard", -3, ZSetStoreCommands::zintercard,
                        "Returns the number of members of the intersect of multiple sorted sets.", "7.0.0", READONLY)
                        .keyFinder(NumKeys.at(1, 0)).build());
    }

    private static CommandSpec read(String name, Op op, String doc, String since) {
        return ZSetCommands.builder(name, -3, (s, a, r) -> combine(s, a, r, op, 1, name), doc, since, READONLY)
                .keyFinder(NumKeys.at(1, 0)).build();
    }

    private static CommandSpec store(String name, Op op, String doc, String since) {
        return ZSetCommands.builder(name, -4, (s, a, r) -> combine(s, a, r, op, 2, name), doc, since, WRITE, DENYOOM)
                .keyFinder(NumKeys.at(2, 1)).build();
    }

    /** A sorted set or set input; null when the key is missing. */
    private static StoredObject input(Session s, CommandArgs a, int i, EntryRef ref) {
        boolean found = s.db().find(a.segment(i), a.offset(i), a.length(i), ref);
        (found ? s.server().keyspaceHits : s.server().keyspaceMisses).increment();
        if (!found) return null;
        if (ref.type() != ValueType.ZSET && ref.type() != ValueType.SET) throw new CommandError(Errors.WRONGTYPE);
        return s.db().object(ref);
    }

    private static int size(StoredObject o) {
        return o == null ? 0 : o instanceof ZSetValue z ? z.size() : ((SetValue) o).size();
    }

    private static double scoreOf(StoredObject o, byte[] m) {
        if (o == null) return Double.NaN;
        if (o instanceof ZSetValue z) return z.score(m);
        return ((SetValue) o).contains(m) ? 1.0 : Double.NaN;
    }

    private static void forEach(StoredObject o, ZSetValue.Visitor v) {
        if (o instanceof ZSetValue z) z.forEach(v);
        else if (o instanceof SetValue set) set.forEachMember(m -> v.accept(m, 1.0));
    }

    private static long numkeys(CommandArgs a, int idx, String cmd) {
        long n = RangeParser.integer(a, idx);
        if (n < 1) throw new CommandError("ERR at least 1 input key is needed for '" + cmd + "' command");
        if (n > a.count() - idx - 1) throw new CommandError(Errors.SYNTAX);
        return n;
    }

    private static double weighted(double score, double weight) {
        double v = score * weight;
        return Double.isNaN(v) ? 0 : v; // inf * 0
    }

    private static double aggregate(Aggregate agg, double acc, double v) {
        return switch (agg) {
            case SUM -> {
                double sum = acc + v;
                yield Double.isNaN(sum) ? 0 : sum; // inf + -inf
            }
            case MIN -> Math.min(acc, v);
            case MAX -> Math.max(acc, v);
        };
    }

    /** [dest] numkeys key [key ...] [WEIGHTS w ...] [AGGREGATE SUM|MIN|MAX] [WITHSCORES]. */
    static void combine(Session s, CommandArgs a, Reply r, Op op, int numkeysIdx, String cmd) {
        boolean store = numkeysIdx == 2;
        int n = (int) numkeys(a, numkeysIdx, cmd);
        int first = numkeysIdx + 1;
        StoredObject[] inputs = new StoredObject[n];
        for (int j = 0; j < n; j++) inputs[j] = input(s, a, first + j, s.ref);
        double[] weights = new double[n];
        Arrays.fill(weights, 1.0);
        Aggregate agg = Aggregate.SUM;
        boolean withScores = false;
        for (int i = first + n; i < a.count(); i++) {
            int remaining = a.count() - i - 1;
            if (op != Op.DIFF && a.is(i, "WEIGHTS") && remaining >= n) {
                for (int j = 0; j < n; j++) {
                    try {
                        weights[j] = a.doubleValue(i + 1 + j);
                    } catch (NumberFormatException e) {
                        throw new CommandError("ERR weight value is not a float");
                    }
                }
                i += n;
            } else if (op != Op.DIFF && a.is(i, "AGGREGATE") && remaining >= 1) {
                i++;
                if (a.is(i, "SUM")) agg = Aggregate.SUM;
                else if (a.is(i, "MIN")) agg = Aggregate.MIN;
                else if (a.is(i, "MAX")) agg = Aggregate.MAX;
                else throw new CommandError(Errors.SYNTAX);
            } else if (!store && a.is(i, "WITHSCORES")) {
                withScores = true;
            } else {
                throw new CommandError(Errors.SYNTAX);
            }
        }
        MemberTable acc = compute(op, inputs, weights, agg, Long.MAX_VALUE);
        ZSetLimits lim = ZSetCommands.limits(s);
        long maxLen = 0;
        for (int i = 0, cap = acc.capacity(); i < cap; i++) if (acc.keyAt(i) != null) maxLen = Math.max(maxLen, acc.keyAt(i).length);
        ZSetValue result = ZSetValue.create(acc.size(), maxLen, lim);
        for (int i = 0, cap = acc.capacity(); i < cap; i++) {
            if (acc.keyAt(i) != null) result.insert(acc.keyAt(i), (Double) acc.valueAt(i), lim);
        }
        if (store) {
            StoredObjects.store(s, a, 1, ValueType.ZSET, result, result.size() == 0, s.ref2);
            if (result.size() > 0) ZSetBlocking.signal(s, a, 1);
            r.integer(result.size());
            return;
        }
        boolean ws = withScores;
        ScoredReply.begin(r, result.size(), ws);
        result.forEach((m, sc) -> ScoredReply.element(r, m, sc, ws));
    }

    /** member -> aggregated score of the operation; for INTER stops once limit members are found. */
    private static MemberTable compute(Op op, StoredObject[] inputs, double[] weights, Aggregate agg, long limit) {
        MemberTable acc = new MemberTable(0, true);
        int n = inputs.length;
        switch (op) {
            case UNION -> {
                for (int j = 0; j < n; j++) {
                    double w = weights[j];
                    forEach(inputs[j], (m, sc) -> {
                        double v = weighted(sc, w);
                        Object cur = acc.get(m);
                        acc.put(m, cur == null ? v : aggregate(agg, (Double) cur, v));
                    });
                }
            }
            case INTER -> {
                for (StoredObject o : inputs) if (o == null) return acc;
                Integer[] order = new Integer[n];
                for (int j = 0; j < n; j++) order[j] = j;
                Arrays.sort(order, Comparator.comparingInt(j -> size(inputs[j])));
                int smallest = order[0];
                forEach(inputs[smallest], (m, sc) -> {
                    if (acc.size() >= limit) return;
                    double v = weighted(sc, weights[smallest]);
                    for (int k = 1; k < n; k++) {
                        int j = order[k];
                        double other = scoreOf(inputs[j], m);
                        if (Double.isNaN(other)) return;
                        v = aggregate(agg, v, weighted(other, weights[j]));
                    }
                    acc.put(m, v);
                });
            }
            case DIFF -> {
                if (inputs[0] == null) return acc;
                forEach(inputs[0], (m, sc) -> {
                    for (int j = 1; j < n; j++) if (!Double.isNaN(scoreOf(inputs[j], m))) return;
                    acc.put(m, sc);
                });
            }
        }
        return acc;
    }

    /** ZINTERCARD numkeys key [key ...] [LIMIT limit]. */
    static void zintercard(Session s, CommandArgs a, Reply r) {
        int n = (int) numkeys(a, 1, "zintercard");
        StoredObject[] inputs = new StoredObject[n];
        for (int j = 0; j < n; j++) inputs[j] = input(s, a, 2 + j, s.ref);
        long limit = CardLimit.parse(a, 2 + n);
        double[] weights = new double[n];
        Arrays.fill(weights, 1.0);
        r.integer(compute(Op.INTER, inputs, weights, Aggregate.SUM, limit).size());
    }
}
