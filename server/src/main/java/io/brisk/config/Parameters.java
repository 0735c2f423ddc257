package io.brisk.config;

import java.util.List;

/**
 * The parameter table: every Redis 7 parameter name with its default. {@code acted=true} marks the
 * ones Brisk acts on; the others are stored and returned by CONFIG GET so tools that read or set
 * them keep working (the README lists them).
 */
final class Parameters {
    private Parameters() {}

    static final long INT_MAX = Integer.MAX_VALUE;
    static final long LONG_MAX = Long.MAX_VALUE;

    static void defineAll(Config c) {
        // --- network and clients (acted on)
        str(c, "bind", "127.0.0.1 -::1", true, true);
        integer(c, "port", 6379, 0, 65535, true, true);
        str(c, "unixsocket", "", true, true);
        integer(c, "unixsocketperm", 0, 0, 0777, true, true);
        bool(c, "protected-mode", true, false, true);
        str(c, "requirepass", "", false, true);
        integer(c, "databases", 16, 1, 256, true, true);
        integer(c, "maxclients", 10000, 1, INT_MAX, false, true);
        memory(c, "proto-max-bulk-len", 512L * 1024 * 1024, 1024 * 1024, LONG_MAX, false, true);
        memory(c, "client-query-buffer-limit", 1024L * 1024 * 1024, 1024 * 1024, LONG_MAX, false, true);
        integer(c, "hz", 10, 1, 500, false, true);
        bool(c, "active-expire-enabled", true, false, true);
        integer(c, "timeout", 0, 0, INT_MAX, false, true);
        integer(c, "tcp-keepalive", 300, 0, INT_MAX, false, true);
        integer(c, "tcp-backlog", 511, 0, INT_MAX, true, true);
        memory(c, "maxmemory", 0, 0, LONG_MAX, false, true);
        enumeration(c, "maxmemory-policy", "noeviction", List.of("volatile-lru", "volatile-lfu", "volatile-random",
                "volatile-ttl", "allkeys-lru", "allkeys-lfu", "allkeys-random", "noeviction"), false, true);
        integer(c, "maxmemory-samples", 5, 1, 64, false, true);
        enumeration(c, "loglevel", "notice", List.of("debug", "verbose", "notice", "warning", "nothing"), false, true);
        str(c, "logfile", "", true, true);
        str(c, "dir", ".", false, true);
        // --- Brisk's own
        integer(c, "event-loops", Runtime.getRuntime().availableProcessors(), 1, 1024, true, true);
        enumeration(c, "transport", "auto", List.of("auto", "io_uring", "epoll", "nio"), true, true);
        // --- memcached protocol (text and meta over TCP; UDP off by default: amplification risk)
        integer(c, "memcache-port", 11211, 0, 65535, true, true);
        integer(c, "memcache-udp-port", 0, 0, 65535, true, true);
        memory(c, "memcache-max-item-size", 1024L * 1024, 1024, 1024L * 1024 * 1024, false, true);
        bool(c, "memcache-strict-keys", true, false, true);
    }

    static void bool(Config c, String name, boolean def, boolean immutable, boolean acted, String... aliases) {
        c.define(new Param(name, List.of(aliases), Param.Kind.BOOL, 0, 0, List.of(), immutable, acted, def ? "yes" : "no"));
    }

    static void integer(Config c, String name, long def, long min, long max, boolean immutable, boolean acted, String... aliases) {
        c.define(new Param(name, List.of(aliases), Param.Kind.INT, min, max, List.of(), immutable, acted, Long.toString(def)));
    }

    static void memory(Config c, String name, long def, long min, long max, boolean immutable, boolean acted, String... aliases) {
        c.define(new Param(name, List.of(aliases), Param.Kind.MEMORY, min, max, List.of(), immutable, acted, Long.toString(def)));
    }

    static void enumeration(Config c, String name, String def, List<String> choices, boolean immutable, boolean acted, String... aliases) {
        c.define(new Param(name, List.of(aliases), Param.Kind.ENUM, 0, 0, choices, immutable, acted, def));
    }

    static void str(Config c, String name, String def, boolean immutable, boolean acted, String... aliases) {
        c.define(new Param(name, List.of(aliases), Param.Kind.STRING, 0, 0, List.of(), immutable, acted, def));
    }

    static void special(Config c, String name, String def, boolean immutable, boolean acted, String... aliases) {
        c.define(new Param(name, List.of(aliases), Param.Kind.SPECIAL, 0, 0, List.of(), immutable, acted, def));
    }
}
