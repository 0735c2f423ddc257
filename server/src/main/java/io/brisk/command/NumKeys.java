package io.brisk.command;

import io.brisk.protocol.CommandArgs;

/**
 * KeyFinders for "numkeys key [key ...]" commands (SINTERCARD, ZUNIONSTORE, ZMPOP, BZMPOP...), so the
 * dispatcher locks every input key's slot. A malformed numkeys yields only the fixed keys; the
 * handler then answers the error.
 */
public final class NumKeys {
    private NumKeys() {}

    /** numkeys at numkeysIndex, the keys right after it, plus a fixed key at fixedKey (0 = none). */
    public static KeyFinder at(int numkeysIndex, int fixedKey) {
        return (args, out) -> {
            int n = 0;
            if (fixedKey > 0 && fixedKey < args.count()) {
                out.add(fixedKey);
                n++;
            }
            long k = count(args, numkeysIndex);
            for (int i = 0; i < k; i++) {
                out.add(numkeysIndex + 1 + i);
                n++;
            }
            return n;
        };
    }

    /** The numkeys value when it is a positive integer that fits the arguments, else 0. */
    private static long count(CommandArgs args, int idx) {
        if (idx >= args.count()) return 0;
        try {
            long k = args.longValue(idx);
            return k > 0 && k <= args.count() - idx - 1 ? k : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
