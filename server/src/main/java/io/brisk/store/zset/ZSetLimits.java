package io.brisk.store.zset;

/** zset-max-listpack-entries and zset-max-listpack-value, read from the server config per command. */
public record ZSetLimits(int listpackEntries, int listpackValue) {
    public static final ZSetLimits DEFAULT = new ZSetLimits(128, 64);

    /** Whether a zset of this many members, the longest of maxLen bytes, belongs in a listpack. */
    public boolean fitsListpack(long size, long maxLen) {
        return size <= listpackEntries && maxLen <= listpackValue;
    }
}
