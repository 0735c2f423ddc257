package io.brisk.command.zset;

import static io.brisk.command.CommandFlag.DENYOOM;
import static io.brisk.command.CommandFlag.FAST;
import static io.brisk.command.CommandFlag.READONLY;
import static io.brisk.command.CommandFlag.WRITE;

import io.brisk.command.CommandError;
import io.brisk.command.CommandSpec;
import io.brisk.command.Errors;
import io.brisk.command.Session;
import io.brisk.command.StoredObjects;
import io.brisk.protocol.CommandArgs;
import io.brisk.protocol.Reply;
import io.brisk.store.EntryRef;
import io.brisk.store.ValueType;
import io.brisk.store.zset.ZRange;
import io.brisk.store.zset.ZSetLimits;
import io.brisk.store.zset.ZSetValue;
import java.util.List;

/**
 * Range commands: ZRANGE (BYSCORE/BYLEX/REV/LIMIT/WITHSCORES) and its legacy forms, ZRANGESTORE,
 * ZCOUNT, ZLEXCOUNT and ZREMRANGEBY*. Every range is turned into a span of ascending ranks found in
 * O(log n), then walked.
 */
final class ZSetRangeCommands {
    private ZSetRangeCommands() {}

    private enum By { RANK, SCORE, LEX }

    static List<CommandSpec> specs() {
        return List.of(
                ZSetCommands.spec("zrange", -4, (s, a, r) -> range(s, a, r, 1, null, false, false),
                        "Returns members in a sorted set within a range of indexes.", "1.2.0", READONLY),
                ZSetCommands.builder("zrangestore", -5, (s, a, r) -> range(s, a, r, 2, null, false, true),
                        "Stores a range of members from sorted set in a key.", "6.2.0", WRITE, DENYOOM).keys(1, 2, 1).build(),
                ZSetCommands.spec("zrevrange", -4, (s, a, r) -> range(s, a, r, 1, By.RANK, true, false),
                        "Returns members in a sorted set within a range of indexes in reverse order.", "1.2.0", READONLY),
                ZSetCommands.spec("zrangebyscore", -4, (s, a, r) -> range(s, a, r, 1, By.SCORE, false, false),
                        "Returns members in a sorted set within a range of scores.", "1.0.5", READONLY),
                ZSetCommands.spec("zrevrangebyscore", -4, (s, a, r) -> range(s, a, r, 1, By.SCORE, true, false),
                        "Returns members in a sorted set within a range of scores in reverse order.", "2.2.0", READONLY),
                ZSetCommands.spec("zrangebylex", -4, (s, a, r) -> range(s, a, r, 1, By.LEX, false, false),
                        "Returns members in a sorted set within a lexicographical range.", "2.8.9", READONLY),
                ZSetCommands.spec("zrevrangebylex", -4, (s, a, r) -> range(s, a, r, 1, By.LEX, true, false),
                        "Returns members in a sorted set within a lexicographical range in reverse order.", "2.8.9", READONLY),
                ZSetCommands.spec("zcount", 4, (s, a, r) -> count(s, a, r, By.SCORE),
                        "Returns the count of members in a sorted set that have scores within a range.", "2.0.0", READONLY, FAST),
                ZSetCommands.spec("zlexcount", 4, (s, a, r) -> count(s, a, r, By.LEX),
                        "Returns the number of members in a sorted set within a lexicographical range.", "2.8.9", READONLY, FAST),
                ZSetCommands.spec("zremrangebyrank", 4, (s, a, r) -> removeRange(s, a, r, By.RANK),
                        "Removes members in a sorted set within a range of indexes. Deletes the sorted set if all members were removed.", "2.0.0", WRITE),
                ZSetCommands.spec("zremrangebyscore", 4, (s, a, r) -> removeRange(s, a, r, By.SCORE),
                        "Removes members in a sorted set within a range of scores. Deletes the sorted set if all members were removed.", "1.2.0", WRITE),
                ZSetCommands.spec("zremrangebylex", 4, (s, a, r) -> removeRange(s, a, r, By.LEX),
                        "Removes members in a sorted set within a lexicographical range. Deletes the sorted set if all members were removed.", "2.8.9", WRITE));
    }

    /** Ascending ranks lo..hi of the selected elements, walked from hi down when reverse; empty when lo > hi. */
    record Span(long lo, long hi, boolean reverse) {
        static final Span EMPTY = new Span(0, -1, false);
        long size() { return Math.max(0, hi - lo + 1); }
    }

    static ZRange parseRange(CommandArgs a, By by, int minIdx, int maxIdx) {
        return by == By.SCORE ? RangeParser.score(a, minIdx, maxIdx) : RangeParser.lex(a, minIdx, maxIdx);
    }

    /** Ranks start..stop as ZRANGE reads them (negative from the end), clamped; counted from the top when reverse. */
    static Span rankSpan(long start, long stop, long len, boolean reverse) {
        if (start < 0) start += len;
        if (stop < 0) stop += len;
        if (start < 0) start = 0;
        if (start > stop || start >= len) return Span.EMPTY;
        if (stop >= len) stop = len - 1;
        if (!reverse) return new Span(start, stop, false);
        return new Span(len - 1 - stop, len - 1 - start, true);
    }

    /** The elements inside range, after skipping offset and keeping at most limit (negative = all). */
    static Span rangeSpan(ZSetValue z, ZRange range, boolean reverse, long offset, long limit) {
        long first = z.firstRank(range), last = z.lastRank(range);
        if (first > last || offset < 0 || limit == 0) return Span.EMPTY;
        if (!reverse) {
            if (offset > last - first) return Span.EMPTY;
            long lo = first + offset;
            long hi = limit < 0 || limit > last - lo ? last : lo + limit - 1;
            return new Span(lo, hi, false);
        }
        if (offset > last - first) return Span.EMPTY;
        long hi = last - offset;
        long lo = limit < 0 || limit > hi - first ? first : hi - limit + 1;
        return new Span(lo, hi, true);
    }

    /**
     * ZRANGE and its legacy forms. keyIdx is the source key (1, or 2 for ZRANGESTORE); fixedBy is
     * null for ZRANGE/ZRANGESTORE (BYSCORE/BYLEX/REV options allowed), else the legacy command's kind.
     */
    static void range(Session s, CommandArgs a, Reply r, int keyIdx, By fixedBy, boolean fixedRev, boolean store) {
        By by = fixedBy == null ? By.RANK : fixedBy;
        boolean rev = fixedRev, withScores = false, hasLimit = false;
        long offset = 0, limit = -1;
        for (int i = keyIdx + 3; i < a.count(); i++) {
            if (!store && a.is(i, "WITHSCORES")) withScores = true;
            else if (a.is(i, "LIMIT") && i + 2 < a.count()) {
                offset = RangeParser.integer(a, i + 1);
                limit = RangeParser.integer(a, i + 2);
                hasLimit = true;
                i += 2;
            } else if (fixedBy == null && a.is(i, "BYSCORE")) by = By.SCORE;
            else if (fixedBy == null && a.is(i, "BYLEX")) by = By.LEX;
            else if (fixedBy == null && a.is(i, "REV")) rev = true;
            else throw new CommandError(Errors.SYNTAX);
        }
        if (hasLimit && by == By.RANK) {
            throw new CommandError("ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX");
        }
        if (withScores && by == By.LEX) throw new CommandError("ERR syntax error, WITHSCORES not supported in combination with BYLEX");
        int startIdx = keyIdx + 1, stopIdx = keyIdx + 2;
        // BYSCORE/BYLEX in reverse take max first, then min.
        int minIdx = rev ? stopIdx : startIdx, maxIdx = rev ? startIdx : stopIdx;
        ZRange range = null;
        long start = 0, stop = 0;
        if (by == By.RANK) {
            start = RangeParser.integer(a, startIdx);
            stop = RangeParser.integer(a, stopIdx);
        } else {
            range = parseRange(a, by, minIdx, maxIdx);
        }
        ZSetValue z = ZSetCommands.read(s, a, keyIdx);
        Span span = z == null ? Span.EMPTY
                : by == By.RANK ? rankSpan(start, stop, z.size(), rev) : rangeSpan(z, range, rev, offset, limit);
        if (store) {
            storeSpan(s, a, r, z, span);
            return;
        }
        int n = (int) span.size();
        boolean ws = withScores;
        ScoredReply.begin(r, n, ws);
        if (n > 0) z.range(span.lo(), span.hi(), span.reverse(), (m, sc) -> ScoredReply.element(r, m, sc, ws));
    }

    private static void storeSpan(Session s, CommandArgs a, Reply r, ZSetValue src, Span span) {
        long n = span.size();
        if (n == 0) {
            StoredObjects.store(s, a, 1, ValueType.ZSET, null, true, s.ref2);
            r.integer(0);
            return;
        }
        ZSetLimits lim = ZSetCommands.limits(s);
        long[] maxLen = {0};
        src.range(span.lo(), span.hi(), false, (m, sc) -> maxLen[0] = Math.max(maxLen[0], m.length));
        ZSetValue dst = ZSetValue.create(n, maxLen[0], lim);
        src.range(span.lo(), span.hi(), false, (m, sc) -> dst.insert(m, sc, lim));
        StoredObjects.store(s, a, 1, ValueType.ZSET, dst, false, s.ref2);
        ZSetBlocking.signal(s, a, 1);
        r.integer(n);
    }

    /** ZCOUNT / ZLEXCOUNT key min max. */
    static void count(Session s, CommandArgs a, Reply r, By by) {
        ZRange range = parseRange(a, by, 2, 3);
        ZSetValue z = ZSetCommands.read(s, a, 1);
        if (z == null) {
            r.integer(0);
            return;
        }
        r.integer(Math.max(0, z.lastRank(range) - z.firstRank(range) + 1));
    }

    /** ZREMRANGEBYRANK / ZREMRANGEBYSCORE / ZREMRANGEBYLEX key start|min stop|max. */
    static void removeRange(Session s, CommandArgs a, Reply r, By by) {
        ZRange range = null;
        long start = 0, stop = 0;
        if (by == By.RANK) {
            start = RangeParser.integer(a, 2);
            stop = RangeParser.integer(a, 3);
        } else {
            range = parseRange(a, by, 2, 3);
        }
        EntryRef ref = s.ref;
        ZSetValue z = ZSetCommands.lookup(s, a, 1, ref);
        if (z == null) {
            r.integer(0);
            return;
        }
        Span span = by == By.RANK ? rankSpan(start, stop, z.size(), false) : rangeSpan(z, range, false, 0, -1);
        if (span.size() == 0) {
            r.integer(0);
            return;
        }
        long before = z.estimatedBytes();
        long removed = z.removeRange(span.lo(), span.hi());
        StoredObjects.mutated(s, ref, z, before, z.size() == 0);
        r.integer(removed);
    }
}
