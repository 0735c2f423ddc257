package io.brisk.command.zset;

import io.brisk.command.CommandError;
import io.brisk.protocol.CommandArgs;
import io.brisk.protocol.Numbers;
import io.brisk.store.zset.LexRange;
import io.brisk.store.zset.ScoreRange;

/** Parses score bounds ("1.5", "(1.5", "-inf", "+inf") and lex bounds ("[a", "(a", "-", "+") with Redis's errors. */
final class RangeParser {
    static final String NOT_FLOAT = "ERR min or max is not a float";
    static final String NOT_LEX = "ERR min or max not valid string range item";

    private RangeParser() {}

    static ScoreRange score(CommandArgs a, int minIdx, int maxIdx) {
        byte[] min = a.bytes(minIdx), max = a.bytes(maxIdx);
        boolean minEx = min.length > 0 && min[0] == '(';
        boolean maxEx = max.length > 0 && max[0] == '(';
        return new ScoreRange(bound(min, minEx), minEx, bound(max, maxEx), maxEx);
    }

    private static double bound(byte[] b, boolean exclusive) {
        String s = new String(b, exclusive ? 1 : 0, b.length - (exclusive ? 1 : 0), java.nio.charset.StandardCharsets.ISO_8859_1);
        return strtod(s);
    }

    /**
     * Redis parses range bounds with C's strtod: an empty bound reads as 0, leading white space is
     * skipped and hexadecimal is accepted; trailing garbage and NaN are errors.
     */
    private static double strtod(String s) {
        if (s.isEmpty()) return 0;
        int i = 0;
        while (i < s.length() && " \t\n\u000b\f\r".indexOf(s.charAt(i)) >= 0) i++;
        String t = s.substring(i);
        try {
            String l = t.toLowerCase();
            int sign = l.startsWith("-") || l.startsWith("+") ? 1 : 0;
            if (l.startsWith("0x", sign) && l.length() > sign + 2 && !l.contains("p")) {
                double d = Double.parseDouble(t + "p0");
                if (!Double.isNaN(d)) return d;
            }
            return Numbers.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new CommandError(NOT_FLOAT);
        }
    }

    static LexRange lex(CommandArgs a, int minIdx, int maxIdx) {
        byte[] min = a.bytes(minIdx), max = a.bytes(maxIdx);
        checkLex(min);
        checkLex(max);
        return new LexRange(item(min), min[0] == '(', isPlus(min), isMinus(min),
                item(max), max[0] == '(', isPlus(max), isMinus(max));
    }

    private static void checkLex(byte[] b) {
        if (b.length == 0) throw new CommandError(NOT_LEX);
        if (b[0] == '[' || b[0] == '(') return;
        if (b.length == 1 && (b[0] == '-' || b[0] == '+')) return;
        throw new CommandError(NOT_LEX);
    }

    private static boolean isPlus(byte[] b) { return b.length == 1 && b[0] == '+'; }
    private static boolean isMinus(byte[] b) { return b.length == 1 && b[0] == '-'; }

    private static byte[] item(byte[] b) {
        return b[0] == '[' || b[0] == '(' ? java.util.Arrays.copyOfRange(b, 1, b.length) : null;
    }

    /** An integer argument (ranks, LIMIT, counts) with Redis's "not an integer" error. */
    static long integer(CommandArgs a, int i) {
        try {
            return a.longValue(i);
        } catch (NumberFormatException e) {
            throw new CommandError(io.brisk.command.Errors.NOT_INTEGER);
        }
    }
}
