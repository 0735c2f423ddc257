package io.brisk.command.string;

import io.brisk.command.CommandError;
import io.brisk.command.Errors;
import io.brisk.protocol.CommandArgs;

/**
 * The options of SET and GETEX, parsed with the same rules as Redis's
 * parseExtendedStringArgumentsOrReply: which options may combine, and that a bad expire value is
 * reported only after the whole line was found syntactically valid. One instance per handler call
 * would allocate, so handlers reuse a thread-local one.
 */
final class SetOptions {
    static final int NX = 1, XX = 2, GET = 4, KEEPTTL = 8, PERSIST = 16, EX = 32, PX = 64, EXAT = 128, PXAT = 256;
    private static final int ANY_EXPIRE = EX | PX | EXAT | PXAT;
    private static final ThreadLocal<SetOptions> LOCAL = ThreadLocal.withInitial(SetOptions::new);

    int flags;
    /** Argument index of the expire value, or -1. */
    int expireArg;

    static SetOptions parse(CommandArgs a, int from, boolean forSet) {
        SetOptions o = LOCAL.get();
        o.flags = 0;
        o.expireArg = -1;
        int n = a.count();
        for (int j = from; j < n; j++) {
            boolean next = j + 1 < n;
            int f = o.flags;
            if (forSet && a.is(j, "NX") && (f & XX) == 0) o.flags |= NX;
            else if (forSet && a.is(j, "XX") && (f & NX) == 0) o.flags |= XX;
            else if (forSet && a.is(j, "GET")) o.flags |= GET;
            else if (forSet && a.is(j, "KEEPTTL") && (f & (PERSIST | ANY_EXPIRE)) == 0) o.flags |= KEEPTTL;
            else if (!forSet && a.is(j, "PERSIST") && (f & (KEEPTTL | ANY_EXPIRE)) == 0) o.flags |= PERSIST;
            else if (next && (o.expire(a, j, "EX", EX) || o.expire(a, j, "PX", PX)
                    || o.expire(a, j, "EXAT", EXAT) || o.expire(a, j, "PXAT", PXAT))) j++;
            else throw new CommandError(Errors.SYNTAX);
        }
        return o;
    }

    /** An expire option may repeat itself (the last wins) but not mix with another unit. */
    private boolean expire(CommandArgs a, int j, String word, int flag) {
        if (!a.is(j, word) || (flags & (KEEPTTL | PERSIST | (ANY_EXPIRE & ~flag))) != 0) return false;
        flags |= flag;
        expireArg = j + 1;
        return true;
    }

    boolean has(int f) { return (flags & f) != 0; }

    /** The absolute expiry in ms (0 when no expire option was given); errors as Redis words them. */
    long expireAt(CommandArgs a, long now, String command) {
        if (expireArg < 0) return 0;
        return expireAt(a, expireArg, (flags & EX) != 0 ? "EX" : (flags & PX) != 0 ? "PX" : (flags & EXAT) != 0 ? "EXAT" : "PXAT",
                now, command);
    }

    /** Parses the expire value at argument i in the given unit (EX, PX, EXAT, PXAT). */
    static long expireAt(CommandArgs a, int i, String unit, long now, String command) {
        long at = Expiry.absolute(unit, StringValues.integer(a, i), now);
        if (at == Expiry.INVALID) throw new CommandError(Errors.invalidExpire(command));
        return at;
    }
}
