package io.brisk.command.string;

import io.brisk.util.Bytes;
import java.lang.foreign.MemorySegment;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * An x87 80-bit long double (64-bit significand, 15-bit exponent), the type Redis's INCRBYFLOAT
 * computes in on x86-64. Values are kept as exact decimals rounded to what that format can hold, so
 * sums and their %.17Lf text match Redis digit for digit (10.5 + 0.1 gives 10.6, 5000 more gives
 * 5010.60000000000000009). Subnormals are treated as normal numbers.
 */
final class LongDouble {
    static final LongDouble ZERO = new LongDouble(BigDecimal.ZERO, 0);
    private static final int SIGNIFICAND_BITS = 64;
    /** Largest binary exponent + 1: finite values are below 2^16384. */
    private static final int MAX_EXP = 16384;
    private static final int MIN_EXP = -16445;
    private static final int MAX_CHARS = 5 * 1024;
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern HEX = Pattern.compile("[+-]?0[xX]([0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)([pP][+-]?\\d+)?");
    private static final Pattern INF = Pattern.compile("[+-]?(?i:inf|infinity)");

    private final BigDecimal value;
    /** 0 when finite, else the sign of the infinity. */
    private final int infinite;

    private LongDouble(BigDecimal value, int infinite) {
        this.value = value;
        this.infinite = infinite;
    }

    boolean isInfinite() { return infinite != 0; }

    /** Parses text as Redis's string2ld does (strtold, the whole string, no leading space, no NaN, no overflow); null if invalid. */
    static LongDouble parse(MemorySegment m, long off, int len) {
        if (len == 0 || len >= MAX_CHARS) return null;
        byte[] b = Bytes.copy(m, off, len);
        for (byte c : b) if (c <= ' ' || c >= 127) return null;
        String s = new String(b, java.nio.charset.StandardCharsets.US_ASCII);
        if (INF.matcher(s).matches()) return new LongDouble(null, s.charAt(0) == '-' ? -1 : 1);
        BigDecimal exact;
        if (DECIMAL.matcher(s).matches()) {
            int e = Math.max(s.indexOf('e'), s.indexOf('E'));
            if (e >= 0 && exponentTooWide(s.substring(e + 1))) return null; // ERANGE in strtold, so invalid
            exact = new BigDecimal(s);
            // Cheap magnitude test before exact rounding: strtold answers ERANGE past these.
            long mag = (long) exact.precision() - exact.scale();
            if (exact.signum() != 0 && mag > 4934) return null;
            if (exact.signum() != 0 && mag < -4952) return null;
        } else if (HEX.matcher(s).matches()) {
            exact = parseHex(s);
            if (exact == null) return null;
        } else {
            return null;
        }
        LongDouble r = round(exact);
        if (r.isInfinite() || (exact.signum() != 0 && r.value.signum() == 0)) return null;
        return r;
    }

    private static boolean exponentTooWide(String exp) {
        String digits = exp.replaceFirst("^[+-]", "").replaceFirst("^0+(?=.)", "");
        return digits.length() > 6;
    }

    private static BigDecimal parseHex(String s) {
        boolean neg = s.charAt(0) == '-';
        String body = s.replaceFirst("^[+-]?0[xX]", "");
        int p = Math.max(body.indexOf('p'), body.indexOf('P'));
        long exp = 0;
        if (p >= 0) {
            String e = body.substring(p + 1);
            if (exponentTooWide(e)) return null;
            exp = Long.parseLong(e.startsWith("+") ? e.substring(1) : e);
            body = body.substring(0, p);
        }
        int dot = body.indexOf('.');
        String digits = dot < 0 ? body : body.substring(0, dot) + body.substring(dot + 1);
        if (dot >= 0) exp -= 4L * (body.length() - dot - 1);
        BigInteger mant = new BigInteger(digits, 16);
        if (mant.signum() != 0 && (mant.bitLength() + exp > MAX_EXP || mant.bitLength() + exp < MIN_EXP)) return null;
        BigDecimal v = times2(new BigDecimal(mant), (int) exp);
        return neg ? v.negate() : v;
    }

    /** x * 2^e, exact. */
    private static BigDecimal times2(BigDecimal x, int e) {
        if (e >= 0) return x.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(e)));
        // 2^-k = 5^k / 10^k
        return x.multiply(new BigDecimal(BigInteger.valueOf(5).pow(-e))).scaleByPowerOfTen(e);
    }

    LongDouble add(LongDouble o) {
        if (isInfinite() || o.isInfinite()) return new LongDouble(null, isInfinite() ? infinite : o.infinite);
        return round(value.add(o.value));
    }

    /** Rounds an exact value to the nearest long double (ties to even), or to infinity when too large. */
    static LongDouble round(BigDecimal x) {
        int sign = x.signum();
        if (sign == 0) return ZERO;
        BigDecimal abs = x.abs();
        BigInteger p, q;
        if (abs.scale() > 0) {
            p = abs.unscaledValue();
            q = BigInteger.TEN.pow(abs.scale());
        } else {
            p = abs.unscaledValue().multiply(BigInteger.TEN.pow(-abs.scale()));
            q = BigInteger.ONE;
        }
        // Find e with 2^63 <= p / (q 2^e) < 2^64.
        int e = p.bitLength() - q.bitLength() - SIGNIFICAND_BITS;
        BigInteger[] qr;
        while (true) {
            BigInteger num = e >= 0 ? p : p.shiftLeft(-e);
            BigInteger den = e >= 0 ? q.shiftLeft(e) : q;
            qr = num.divideAndRemainder(den);
            int bits = qr[0].bitLength();
            if (bits > SIGNIFICAND_BITS) e++;
            else if (bits < SIGNIFICAND_BITS) e--;
            else {
                int c = qr[1].shiftLeft(1).compareTo(den);
                BigInteger m = qr[0];
                if (c > 0 || (c == 0 && m.testBit(0))) m = m.add(BigInteger.ONE);
                if (m.bitLength() > SIGNIFICAND_BITS) {
                    m = m.shiftRight(1);
                    e++;
                }
                if (e + SIGNIFICAND_BITS > MAX_EXP) return new LongDouble(null, sign);
                if (e + SIGNIFICAND_BITS < MIN_EXP) return ZERO;
                BigDecimal v = times2(new BigDecimal(m), e);
                return new LongDouble(sign < 0 ? v.negate() : v, 0);
            }
        }
    }

    /** printf("%.17Lf") with trailing zeros (and a bare '.') removed, "-0" written as "0": Redis's LD_STR_HUMAN. */
    String toHumanString() {
        if (isInfinite()) return infinite > 0 ? "inf" : "-inf";
        String t = value.setScale(17, RoundingMode.HALF_EVEN).toPlainString();
        int end = t.length();
        while (t.charAt(end - 1) == '0') end--;
        if (t.charAt(end - 1) == '.') end--;
        t = t.substring(0, end);
        return t.equals("-0") ? "0" : t;
    }
}
