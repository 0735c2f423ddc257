package io.brisk.command.string;

import io.brisk.command.CommandError;
import io.brisk.command.Errors;
import io.brisk.command.Session;
import io.brisk.protocol.CommandArgs;
import io.brisk.store.Db;
import io.brisk.store.EntryRef;
import io.brisk.store.ValueType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Helpers shared by every command that reads or rewrites a string value in place of its old
 * version (counters, ranges, bitmaps, HyperLogLogs): type checks, the size limit, and starting a new
 * version that keeps the old one's expiry and memcached flags.
 */
public final class StringValues {
    public static final String TOO_BIG = "ERR string exceeds maximum allowed size (proto-max-bulk-len)";

    private StringValues() {}

    /**
     * Looks up the string at argument {@code keyArg} into ref. Returns false when the key is missing;
     * throws WRONGTYPE when it holds something else.
     */
    public static boolean findString(Session s, CommandArgs a, int keyArg, EntryRef ref) {
        if (!s.db().find(a.segment(keyArg), a.offset(keyArg), a.length(keyArg), ref)) return false;
        if (!ref.isString()) throw new CommandError(Errors.WRONGTYPE);
        return true;
    }

    /** Like {@link #findString} for a read command: counts a keyspace hit or miss as Redis does. */
    public static boolean readString(Session s, CommandArgs a, int keyArg, EntryRef ref) {
        if (!s.db().find(a.segment(keyArg), a.offset(keyArg), a.length(keyArg), ref)) {
            s.server().keyspaceMisses.increment();
            return false;
        }
        s.server().keyspaceHits.increment();
        if (!ref.isString()) throw new CommandError(Errors.WRONGTYPE);
        return true;
    }

    /** Argument i as a 64-bit integer, or Redis's "not an integer or out of range" error. */
    public static long integer(CommandArgs a, int i) {
        try {
            return a.longValue(i);
        } catch (NumberFormatException e) {
            throw new CommandError(Errors.NOT_INTEGER);
        }
    }

    /** Answers the size-limit error when a string would grow past proto-max-bulk-len. */
    public static void checkLength(Session s, long total) {
        if (total > s.server().config.getLong("proto-max-bulk-len")) throw new CommandError(TOO_BIG);
    }

    /**
     * Starts a new version of the string at argument keyArg with room for len value bytes. When old
     * is non-null (the version being replaced, still readable until commit) its expiry and client
     * flags carry over, as Redis keeps a TTL across APPEND/INCR/SETRANGE.
     */
    public static EntryRef begin(Db db, CommandArgs a, int keyArg, EntryRef old, int len, EntryRef out) {
        long expireAt = old == null ? 0 : old.expireAt();
        boolean flags = old != null && old.hasClientFlags();
        return db.begin(out, a.segment(keyArg), a.offset(keyArg), a.length(keyArg), ValueType.STRING, len, expireAt,
                flags, flags ? old.clientFlags() : 0);
    }

    /** Writes value bytes as the whole new value of the key, keeping old's expiry and flags. */
    public static void replace(Db db, CommandArgs a, int keyArg, EntryRef old, byte[] value, EntryRef out) {
        EntryRef w = begin(db, a, keyArg, old, value.length, out);
        MemorySegment.copy(value, 0, w.memory(), ValueLayout.JAVA_BYTE, w.valueOffset(), value.length);
        db.commit(w, old);
    }

    /** Writes the decimal digits of v (exactly digits of them, see Numbers.digits) at off. */
    public static void writeLong(MemorySegment m, long off, long v, int digits) {
        long end = off + digits;
        if (v == 0) {
            m.set(ValueLayout.JAVA_BYTE, off, (byte) '0');
            return;
        }
        boolean neg = v < 0;
        // Work with the negative value so Long.MIN_VALUE needs no special case.
        long n = neg ? v : -v;
        long p = end - 1;
        while (n != 0) {
            m.set(ValueLayout.JAVA_BYTE, p--, (byte) ('0' - (n % 10)));
            n /= 10;
        }
        if (neg) m.set(ValueLayout.JAVA_BYTE, p, (byte) '-');
    }
}
