package io.brisk.config;

/** Memory sizes as redis.conf writes them: 1k = 1000, 1kb = 1024, up to gb. */
public final class Units {
    private Units() {}

    /** Returns the byte count, or -1 when the text is not a memory value. */
    public static long parseMemory(String s) {
        String l = s.trim().toLowerCase();
        long mul = 1;
        String num = l;
        String[][] units = {{"gb", "1073741824"}, {"mb", "1048576"}, {"kb", "1024"}, {"g", "1000000000"},
                {"m", "1000000"}, {"k", "1000"}, {"b", "1"}};
        for (String[] u : units) {
            if (l.endsWith(u[0])) {
                mul = Long.parseLong(u[1]);
                num = l.substring(0, l.length() - u[0].length());
                break;
            }
        }
        try {
            long n = Long.parseLong(num);
            return Math.multiplyExact(n, mul);
        } catch (NumberFormatException | ArithmeticException e) {
            return -1;
        }
    }
}
