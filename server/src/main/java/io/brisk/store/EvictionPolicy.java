package io.brisk.store;

/** maxmemory-policy values, as Redis names them. */
public enum EvictionPolicy {
    NOEVICTION("noeviction", false), ALLKEYS_LRU("allkeys-lru", false), ALLKEYS_LFU("allkeys-lfu", false),
    ALLKEYS_RANDOM("allkeys-random", false), VOLATILE_LRU("volatile-lru", true), VOLATILE_LFU("volatile-lfu", true),
    VOLATILE_RANDOM("volatile-random", true), VOLATILE_TTL("volatile-ttl", true);

    private final String configName;
    private final boolean volatileOnly;

    EvictionPolicy(String configName, boolean volatileOnly) {
        this.configName = configName;
        this.volatileOnly = volatileOnly;
    }

    public boolean volatileOnly() { return volatileOnly; }
    public boolean isLfu() { return this == ALLKEYS_LFU || this == VOLATILE_LFU; }

    public static EvictionPolicy of(String name) {
        for (EvictionPolicy p : values()) if (p.configName.equals(name)) return p;
        throw new IllegalArgumentException("unknown maxmemory-policy " + name);
    }
}
