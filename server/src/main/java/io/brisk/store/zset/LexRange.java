package io.brisk.store.zset;

import java.util.Arrays;

/**
 * min..max by member bytes (unsigned, as memcmp). A null bound with its infinity flag stands for
 * Redis's "-" (below everything) or "+" (above everything).
 */
public record LexRange(byte[] min, boolean minExclusive, boolean minIsPlusInf, boolean minIsMinusInf,
                       byte[] max, boolean maxExclusive, boolean maxIsPlusInf, boolean maxIsMinusInf) implements ZRange {
    @Override
    public boolean belowMin(double score, byte[] member) {
        if (minIsMinusInf) return false;
        if (minIsPlusInf) return true;
        int c = Arrays.compareUnsigned(member, min);
        return minExclusive ? c <= 0 : c < 0;
    }

    @Override
    public boolean aboveMax(double score, byte[] member) {
        if (maxIsPlusInf) return false;
        if (maxIsMinusInf) return true;
        int c = Arrays.compareUnsigned(member, max);
        return maxExclusive ? c >= 0 : c > 0;
    }

    /** Redis's zslIsInLexRange emptiness test on the bounds alone. */
    public boolean isEmpty() {
        if (minIsPlusInf || maxIsMinusInf) return true;
        if (minIsMinusInf || maxIsPlusInf) return false;
        int c = Arrays.compareUnsigned(min, max);
        return c > 0 || (c == 0 && (minExclusive || maxExclusive));
    }
}
