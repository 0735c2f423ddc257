package io.brisk.store.hll;

import java.util.Arrays;

/**
 * Updates a sparse HyperLogLog the way Redis's hllSparseSet does, opcode by opcode: find the run
 * holding the register, split it into at most three opcodes, then merge equal neighbouring VAL
 * opcodes in a window of five. Doing exactly what Redis does (rather than re-encoding the
 * registers) keeps the bytes identical to Redis's, including when it promotes to dense.
 */
public final class SparseEditor {
    /** Result of {@link #set}: the register did not grow, grew, the value is corrupt, or it must go dense. */
    public static final int UNCHANGED = 0, UPDATED = 1, CORRUPT = -1, PROMOTE = 2;

    private byte[] b;
    private int len;

    /** Edits a copy of the sparse HLL v (header included). */
    public SparseEditor(byte[] v) {
        b = Arrays.copyOf(v, v.length + 16);
        len = v.length;
    }

    /** The edited value, header included. */
    public byte[] toBytes() {
        return Arrays.copyOf(b, len);
    }

    private boolean isZero(int p) { return (b[p] & 0xC0) == 0; }
    private boolean isXzero(int p) { return (b[p] & 0xC0) == 0x40; }
    private boolean isVal(int p) { return (b[p] & 0x80) != 0; }
    private int zeroLen(int p) { return (b[p] & 0x3F) + 1; }
    private int xzeroLen(int p) { return (((b[p] & 0x3F) << 8) | (b[p + 1] & 0xFF)) + 1; }
    private int valValue(int p) { return ((b[p] >> 2) & 0x1F) + 1; }
    private int valLen(int p) { return (b[p] & 0x3) + 1; }

    private static byte val(int value, int runLen) {
        return (byte) (0x80 | ((value - 1) << 2) | (runLen - 1));
    }

    /** Writes a zero run as ZERO (up to 64) or XZERO; returns the bytes written. */
    private static int zeros(byte[] out, int n, int run) {
        if (run > HyperLogLog.SPARSE_ZERO_MAX_LEN) {
            out[n] = (byte) (0x40 | ((run - 1) >> 8));
            out[n + 1] = (byte) ((run - 1) & 0xFF);
            return 2;
        }
        out[n] = (byte) (run - 1);
        return 1;
    }

    /** Raises register index to count: hllSparseSet. sparseMaxBytes bounds the whole value's length. */
    public int set(int index, int count, long sparseMaxBytes) {
        if (count > HyperLogLog.SPARSE_VAL_MAX_VALUE) return PROMOTE;
        int sparse = HyperLogLog.HEADER, end = len;
        int p = sparse, first = 0, prev = -1, span = 0;
        while (p < end) {
            int oplen = 1;
            if (isZero(p)) span = zeroLen(p);
            else if (isVal(p)) span = valLen(p);
            else {
                if (p + 1 >= end) return CORRUPT;
                span = xzeroLen(p);
                oplen = 2;
            }
            if (index <= first + span - 1) break;
            prev = p;
            p += oplen;
            first += span;
        }
        if (span == 0 || p >= end) return CORRUPT;
        int next = isXzero(p) ? p + 2 : p + 1;
        if (next >= end) next = -1;
        boolean zero = isZero(p), xzero = isXzero(p), isVal = isVal(p);
        int runLen = zero ? zeroLen(p) : xzero ? xzeroLen(p) : valLen(p);

        boolean inPlace = false;
        if (isVal) {
            if (valValue(p) >= count) return UNCHANGED;
            if (runLen == 1) {
                b[p] = val(count, 1);
                inPlace = true;
            }
        }
        if (!inPlace && zero && runLen == 1) {
            b[p] = val(count, 1);
            inPlace = true;
        }
        if (!inPlace) {
            byte[] seq = new byte[5];
            int n = 0;
            int last = first + span - 1;
            if (zero || xzero) {
                if (index != first) n += zeros(seq, n, index - first);
                seq[n++] = val(count, 1);
                if (index != last) n += zeros(seq, n, last - index);
            } else {
                int cur = valValue(p);
                if (index != first) seq[n++] = val(cur, index - first);
                seq[n++] = val(count, 1);
                if (index != last) seq[n++] = val(cur, last - index);
            }
            int oldLen = xzero ? 2 : 1;
            int delta = n - oldLen;
            if (delta > 0 && len + delta > sparseMaxBytes) return PROMOTE;
            if (len + delta > b.length) b = Arrays.copyOf(b, Math.max(b.length * 2, len + delta + 16));
            if (delta != 0 && next >= 0) System.arraycopy(b, next, b, next + delta, end - next);
            len += delta;
            System.arraycopy(seq, 0, b, p, n);
            end += delta;
        }
        // Merge adjacent VAL opcodes of the same value, scanning up to five opcodes from prev.
        p = prev >= 0 ? prev : sparse;
        int scan = 5;
        while (p < end && scan-- > 0) {
            if (isXzero(p)) {
                p += 2;
                continue;
            } else if (isZero(p)) {
                p++;
                continue;
            }
            if (p + 1 < end && isVal(p + 1)) {
                int v1 = valValue(p), v2 = valValue(p + 1);
                if (v1 == v2) {
                    int merged = valLen(p) + valLen(p + 1);
                    if (merged <= HyperLogLog.SPARSE_VAL_MAX_LEN) {
                        b[p + 1] = val(v1, merged);
                        System.arraycopy(b, p + 1, b, p, end - p - 1);
                        len--;
                        end--;
                        continue;
                    }
                }
            }
            p++;
        }
        return UPDATED;
    }
}
