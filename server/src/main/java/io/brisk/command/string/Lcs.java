package io.brisk.command.string;

import io.brisk.command.CommandError;
import io.brisk.command.Errors;
import io.brisk.command.Session;
import io.brisk.protocol.CommandArgs;
import io.brisk.protocol.Reply;
import io.brisk.store.EntryRef;
import io.brisk.util.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * LCS key1 key2 [LEN] [IDX] [MINMATCHLEN n] [WITHMATCHLEN]: the dynamic-programming table and
 * back-walk of Redis's lcsCommand, so ties resolve to the same subsequence and the same ranges.
 */
final class Lcs {
    private Lcs() {}

    static void lcs(Session s, CommandArgs a, Reply r) {
        byte[] x = value(s, a, 1, s.ref), y = value(s, a, 2, s.ref2);
        boolean idx = false, len = false, withLen = false;
        long minLen = 0;
        for (int j = 3; j < a.count(); j++) {
            boolean more = j + 1 < a.count();
            if (a.is(j, "IDX")) idx = true;
            else if (a.is(j, "LEN")) len = true;
            else if (a.is(j, "WITHMATCHLEN")) withLen = true;
            else if (a.is(j, "MINMATCHLEN") && more) {
                minLen = Math.max(0, StringValues.integer(a, ++j));
            } else throw new CommandError(Errors.SYNTAX);
        }
        if (idx && len) throw new CommandError("ERR If you want both the length and indexes, please just use IDX.");
        int al = x.length, bl = y.length;
        long cells = (long) (al + 1) * (bl + 1);
        if (cells * 4 > s.server().config.getLong("proto-max-bulk-len") || cells > Integer.MAX_VALUE - 8) {
            throw new CommandError("ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len");
        }
        int w = bl + 1;
        int[] t;
        try {
            t = new int[(int) cells];
        } catch (OutOfMemoryError e) {
            throw new CommandError("ERR Insufficient memory, failed allocating transient memory for LCS");
        }
        for (int i = 1; i <= al; i++) {
            for (int j = 1; j <= bl; j++) {
                t[i * w + j] = x[i - 1] == y[j - 1] ? t[(i - 1) * w + j - 1] + 1 : Math.max(t[(i - 1) * w + j], t[i * w + j - 1]);
            }
        }
        int total = t[al * w + bl];
        if (len && !idx) {
            r.integer(total);
            return;
        }
        byte[] result = new byte[total];
        List<long[]> matches = new ArrayList<>();
        int k = total, i = al, j = bl;
        int aStart = al, aEnd = 0, bStart = 0, bEnd = 0;
        while (i > 0 && j > 0) {
            boolean emit = false;
            if (x[i - 1] == y[j - 1]) {
                result[k - 1] = x[i - 1];
                if (aStart == al) {
                    aStart = aEnd = i - 1;
                    bStart = bEnd = j - 1;
                } else if (aStart == i && bStart == j) {
                    aStart--;
                    bStart--;
                } else {
                    emit = true;
                }
                if (aStart == 0 || bStart == 0) emit = true;
                k--;
                i--;
                j--;
            } else {
                if (t[(i - 1) * w + j] > t[i * w + j - 1]) i--;
                else j--;
                if (aStart != al) emit = true;
            }
            if (emit) {
                long matchLen = aEnd - aStart + 1;
                if (minLen == 0 || matchLen >= minLen) matches.add(new long[] {aStart, aEnd, bStart, bEnd, matchLen});
                aStart = al;
            }
        }
        if (!idx) {
            r.bulk(result);
            return;
        }
        r.map(2);
        r.bulk("matches");
        r.array(matches.size());
        for (long[] m : matches) {
            r.array(withLen ? 3 : 2);
            r.array(2);
            r.integer(m[0]);
            r.integer(m[1]);
            r.array(2);
            r.integer(m[2]);
            r.integer(m[3]);
            if (withLen) r.integer(m[4]);
        }
        r.bulk("len");
        r.integer(total);
    }

    /** A key's value as bytes (empty when missing); both keys are checked before any option. */
    private static byte[] value(Session s, CommandArgs a, int keyArg, EntryRef e) {
        if (!s.db().find(a.segment(keyArg), a.offset(keyArg), a.length(keyArg), e)) return new byte[0];
        if (!e.isString()) throw new CommandError("ERR The specified keys must contain string values");
        return Bytes.copy(e.memory(), e.valueOffset(), e.valueLength());
    }
}
