package io.brisk.command.blocking;

import io.brisk.command.CommandError;
import io.brisk.protocol.CommandArgs;

/** The timeout argument of blocking commands: seconds as a double, 0 = forever (Redis's wording). */
public final class BlockTimeout {
    private BlockTimeout() {}

    /** Parses argument i; returns milliseconds (0 = forever) or throws CommandError. */
    public static long millis(CommandArgs a, int i) {
        double secs;
        try {
            secs = a.doubleValue(i);
        } catch (NumberFormatException e) {
            throw new CommandError("ERR timeout is not a float or out of range");
        }
        if (Double.isNaN(secs)) throw new CommandError("ERR timeout is not a float or out of range");
        double ms = secs * 1000.0;
        // Redis 7.0 converts to a 64-bit integer: infinities and overflows come out negative
        if (secs < 0 || ms >= 0x1p63) throw new CommandError("ERR timeout is negative");
        long m = (long) Math.ceil(ms);
        return secs > 0 && m == 0 ? 1 : m;
    }
}
