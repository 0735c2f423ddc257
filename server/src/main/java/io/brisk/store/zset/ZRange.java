package io.brisk.store.zset;

/**
 * A bound pair over a sorted set's order: by score (ZRANGEBYSCORE) or by member bytes (ZRANGEBYLEX,
 * which assumes equal scores as Redis does). Elements are assumed sorted so that "below the minimum"
 * holds for a prefix and "above the maximum" for a suffix.
 */
public interface ZRange {
    boolean belowMin(double score, byte[] member);

    boolean aboveMax(double score, byte[] member);

    default boolean contains(double score, byte[] member) {
        return !belowMin(score, member) && !aboveMax(score, member);
    }
}
