package io.brisk.protocol;

import io.brisk.util.Bytes;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Integer and float parsing and formatting with Redis's rules. */
public final class Numbers {
    private Numbers() {}

    public static long parseLong(MemorySegment seg, long off, int len) {
        if (len == 0 || len > 20) throw new NumberFormatException();
        int i = 0;
        boolean neg = false;
        byte first = seg.get(ValueLayout.JAVA_BYTE, off);
        if (first == '-') {
            neg = true;
            i = 1;
            if (len == 1) throw new NumberFormatException();
        }
        byte d0 = seg.get(ValueLayout.JAVA_BYTE, off + i);
        if (d0 == '0') {
            if (len == 1) return 0;
            throw new NumberFormatException();
        }
        long v = 0; // accumulate negatively so Long.MIN_VALUE parses
        for (; i < len; i++) {
            int d = seg.get(ValueLayout.JAVA_BYTE, off + i) - '0';
            if (d < 0 || d > 9) throw new NumberFormatException();
            if (v < (Long.MIN_VALUE + d) / 10) throw new NumberFormatException();
            v = v * 10 - d;
        }
        if (!neg) {
            if (v == Long.MIN_VALUE) throw new NumberFormatException();
            return -v;
        }
        return v;
    }

    public static long parseLong(byte[] b) {
        return parseLong(MemorySegment.ofArray(b), 0, b.length);
    }

    /**
     * {@link #parseDouble(String)} of bytes. A plain decimal integer of up to 15 digits (what
     * scores, weights and timeouts usually are) is read without a String: every such integer is a
     * double exactly, so the value is the one strtod gives, a minus sign included ("-0" is -0.0).
     */
    public static double parseDouble(MemorySegment seg, long off, int len) {
        if (len > 0 && len <= 16) {
            int i = 0;
            byte first = seg.get(ValueLayout.JAVA_BYTE, off);
            boolean neg = first == '-';
            if (neg || first == '+') i = 1;
            if (len - i >= 1 && len - i <= 15) {
                long v = 0;
                for (; i < len; i++) {
                    int d = seg.get(ValueLayout.JAVA_BYTE, off + i) - '0';
                    if (d < 0 || d > 9) break;
                    v = v * 10 + d;
                }
                if (i == len) return neg ? -(double) v : (double) v;
            }
        }
        return parseDouble(new String(Bytes.copy(seg, off, len), java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /** Parses a double as Redis's strtold-based parsers accept it: no spaces, inf/-inf allowed, no NaN. */
    public static double parseDouble(String s) {
        if (s.isEmpty() || Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1))) {
            throw new NumberFormatException();
        }
        String l = s.toLowerCase();
        switch (l) {
            case "inf", "+inf", "infinity", "+infinity" -> { return Double.POSITIVE_INFINITY; }
            case "-inf", "-infinity" -> { return Double.NEGATIVE_INFINITY; }
            default -> { }
        }
        if (l.contains("n") || l.endsWith("d") || l.endsWith("f") || l.startsWith("0x") || l.startsWith("-0x")) {
            throw new NumberFormatException(); // Java accepts NaN, hex and type suffixes; Redis does not
        }
        double d = Double.parseDouble(s);
        if (Double.isNaN(d)) throw new NumberFormatException();
        return d;
    }

    /** Number of decimal digits (with sign) of v. */
    public static int digits(long v) {
        if (v == Long.MIN_VALUE) return 20;
        int n = 1;
        if (v < 0) { n++; v = -v; }
        long p = 10;
        for (int i = 1; i < 19; i++) {
            if (v < p) return n;
            p *= 10;
            n++;
        }
        return n;
    }

    /**
     * Formats a double as Redis 7.2 replies do (fpconv_dtoa): the shortest digits that read back to
     * the same double, in %g layout: plain between 1e-4 and 1e17, else C exponent form ("1e+20",
     * "1.5e-10"); integers without ".0".
     */
    public static String formatDouble(double d) {
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return (1 / d < 0) ? "-0" : "0";
        if (d == Math.rint(d) && Math.abs(d) < 1e17) {
            return Long.toString((long) d);
        }
        String s = Double.toString(d); // shortest round-trip digits, e.g. 1.5E-10, 123.456, 1.0E20
        int e = s.indexOf('E');
        String mantissa = e < 0 ? s : s.substring(0, e);
        int exp10 = e < 0 ? 0 : Integer.parseInt(s.substring(e + 1));
        java.math.BigDecimal exact = new java.math.BigDecimal(s);
        int magnitude = exact.precision() - exact.scale() - 1; // floor(log10(|d|))
        if (magnitude < -4 || magnitude >= 17) {
            if (e < 0) { // Java wrote it plain: renormalise to one digit before the point
                java.math.BigDecimal unscaled = exact.movePointLeft(magnitude).stripTrailingZeros();
                mantissa = unscaled.toPlainString();
                exp10 = magnitude;
            }
            if (mantissa.endsWith(".0")) mantissa = mantissa.substring(0, mantissa.length() - 2);
            int abs = Math.abs(exp10);
            return mantissa + "e" + (exp10 < 0 ? "-" : "+") + (abs < 10 ? "0" : "") + abs;
        }
        return exact.stripTrailingZeros().toPlainString();
    }

    /** Formats a long double the way INCRBYFLOAT does (%.17Lg, trailing zeros removed). */
    public static String formatLongDouble(double d) {
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        java.math.BigDecimal bd = new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros();
        String s = bd.toPlainString();
        return s.equals("-0") ? "0" : s;
    }
}
