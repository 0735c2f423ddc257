package io.brisk.store.zset;

/** min..max by score, each end inclusive or exclusive ("(" in Redis syntax). */
public record ScoreRange(double min, boolean minExclusive, double max, boolean maxExclusive) implements ZRange {
    @Override
    public boolean belowMin(double score, byte[] member) {
        return minExclusive ? score <= min : score < min;
    }

    @Override
    public boolean aboveMax(double score, byte[] member) {
        return maxExclusive ? score >= max : score > max;
    }

    /** True when no score can lie inside (Redis answers such ranges with nothing, without looking). */
    public boolean isEmpty() {
        return min > max || (min == max && (minExclusive || maxExclusive));
    }
}
