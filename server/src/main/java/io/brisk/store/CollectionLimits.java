package io.brisk.store;

/**
 * When small collections leave their compact (listpack) encoding. Redis's parameters of the same
 * names set these (the launcher watches the config); process-wide like Redis's.
 */
public final class CollectionLimits {
    private CollectionLimits() {}

    /** list-max-listpack-size: negative = node size class (-1 4KB ... -5 64KB), positive = entries per node. */
    public static volatile int listMaxListpackSize = -2;
    /** hash-max-listpack-entries. */
    public static volatile int hashMaxListpackEntries = 128;
    /** hash-max-listpack-value (bytes of a field or value). */
    public static volatile int hashMaxListpackValue = 64;

    /** Byte limit of one list node. */
    public static int listNodeBytes() {
        int f = listMaxListpackSize;
        if (f >= 0) return 8192; // Redis's SIZE_SAFETY_LIMIT for count-limited nodes
        return switch (f) {
            case -1 -> 4096;
            case -2 -> 8192;
            case -3 -> 16384;
            case -4 -> 32768;
            default -> 65536;
        };
    }

    /** Entry limit of one list node for a positive list-max-listpack-size, or MAX_VALUE. */
    public static int listNodeEntries() {
        int f = listMaxListpackSize;
        return f >= 0 ? Math.min(Math.max(f, 1), 1 << 15) : Integer.MAX_VALUE; // Redis clamps fill at FILL_MAX
    }
}
