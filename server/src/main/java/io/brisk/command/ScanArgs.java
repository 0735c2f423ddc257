package io.brisk.command;

import io.brisk.protocol.CommandArgs;
import io.brisk.util.Glob;

/** The cursor and [MATCH pattern] [COUNT count] options of SSCAN/ZSCAN/HSCAN, with Redis's errors. */
public record ScanArgs(Glob match, int count) {
    /** Parses the cursor at args[i] as Redis does (an unsigned 64-bit number). */
    public static long cursor(CommandArgs a, int i) {
        String s = a.string(i);
        try {
            if (s.isEmpty() || s.charAt(0) == '-' || s.charAt(0) == '+') throw new NumberFormatException();
            return Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            throw new CommandError("ERR invalid cursor");
        }
    }

    /** Parses the options from args[first] on. */
    public static ScanArgs parse(CommandArgs a, int first) {
        Glob match = null;
        long count = 10;
        for (int i = first; i < a.count(); i++) {
            boolean more = i + 1 < a.count();
            if (a.is(i, "COUNT") && more) {
                try {
                    count = a.longValue(++i);
                } catch (NumberFormatException e) {
                    throw new CommandError(Errors.NOT_INTEGER);
                }
                if (count < 1) throw new CommandError(Errors.SYNTAX);
            } else if (a.is(i, "MATCH") && more) {
                match = new Glob(a.bytes(++i), false);
                if (match.matchesEverything()) match = null;
            } else {
                throw new CommandError(Errors.SYNTAX);
            }
        }
        return new ScanArgs(match, (int) Math.min(count, Integer.MAX_VALUE));
    }

    public boolean accepts(byte[] member) {
        return match == null || match.matches(member);
    }
}
