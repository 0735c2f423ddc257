package io.brisk.command;

import io.brisk.protocol.CommandArgs;

/** The trailing "[LIMIT limit]" of SINTERCARD and ZINTERCARD, with Redis's errors. */
public final class CardLimit {
    private CardLimit() {}

    /** Parses the options from args[from] on; the limit, or Long.MAX_VALUE for none (or LIMIT 0). */
    public static long parse(CommandArgs a, int from) {
        long limit = 0;
        for (int i = from; i < a.count(); i++) {
            if (a.is(i, "LIMIT") && i + 1 < a.count()) {
                try {
                    limit = a.longValue(++i);
                } catch (NumberFormatException e) {
                    throw new CommandError("ERR LIMIT can't be negative");
                }
                if (limit < 0) throw new CommandError("ERR LIMIT can't be negative");
            } else {
                throw new CommandError(Errors.SYNTAX);
            }
        }
        return limit == 0 ? Long.MAX_VALUE : limit;
    }
}
