package io.brisk.store.set;

/**
 * Encoding thresholds for sets (set-max-intset-entries, set-max-listpack-entries,
 * set-max-listpack-value), read from the server config per command.
 */
public record SetLimits(int intsetEntries, int listpackEntries, int listpackValue) {
    public static final SetLimits DEFAULT = new SetLimits(512, 128, 64);
}
