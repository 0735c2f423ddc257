package io.brisk.store.set;

import java.nio.charset.StandardCharsets;

/** Whether a member is the canonical text of a signed 64-bit integer (Redis's string2ll rules). */
public final class IntegerMember {
    private IntegerMember() {}

    /** True when b parses as a long with no sign '+', no spaces and no leading zeros. */
    public static boolean is(byte[] b) {
        int n = b.length;
        if (n == 0 || n > 20) return false;
        int i = 0;
        if (b[0] == '-') {
            if (n == 1) return false;
            i = 1;
        }
        if (b[i] == '0') return n == 1;
        for (int j = i; j < n; j++) if (b[j] < '0' || b[j] > '9') return false;
        if (n - i < 19) return true;
        try {
            Long.parseLong(new String(b, StandardCharsets.US_ASCII));
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The value of a member for which {@link #is} holds. */
    public static long value(byte[] b) {
        long v = 0;
        boolean neg = b[0] == '-';
        for (int j = neg ? 1 : 0; j < b.length; j++) v = v * 10 - (b[j] - '0');
        return neg ? v : -v;
    }

    public static byte[] bytes(long v) {
        return Long.toString(v).getBytes(StandardCharsets.US_ASCII);
    }
}
