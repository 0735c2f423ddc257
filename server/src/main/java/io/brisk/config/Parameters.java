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
    static final long INT_MIN = Integer.MIN_VALUE;

    static void defineAll(Config c) {
        // Every Redis 7.0.15 parameter (CONFIG GET * of a real server), sorted by name, with its default.
        // Port and bind are immutable here: Brisk does not rebind listeners at run time.
        enumeration(c, "acl-pubsub-default", "resetchannels", List.of("allchannels", "resetchannels"), false, false);
        str(c, "aclfile", "", true, false);
        integer(c, "acllog-max-len", 128L, 0, LONG_MAX, false, false);
        integer(c, "active-defrag-cycle-max", 25L, 1, 99, false, false);
        integer(c, "active-defrag-cycle-min", 1L, 1, 99, false, false);
        memory(c, "active-defrag-ignore-bytes", 104857600L, 0, LONG_MAX, false, false);
        integer(c, "active-defrag-max-scan-fields", 1000L, 0, LONG_MAX, false, false);
        integer(c, "active-defrag-threshold-lower", 10L, 0, 1000, false, false);
        integer(c, "active-defrag-threshold-upper", 100L, 0, 1000, false, false);
        integer(c, "active-expire-effort", 1L, 1, 10, false, false);
        bool(c, "activedefrag", false, false, false);
        bool(c, "activerehashing", true, false, false);
        bool(c, "always-show-logo", false, true, false);
        bool(c, "aof-disable-auto-gc", false, false, false);
        bool(c, "aof-load-truncated", true, false, false);
        bool(c, "aof-rewrite-incremental-fsync", true, false, false);
        bool(c, "aof-timestamp-enabled", false, false, false);
        bool(c, "aof-use-rdb-preamble", true, false, false);
        str(c, "aof_rewrite_cpulist", "", false, false);
        str(c, "appenddirname", "appendonlydir", true, false);
        str(c, "appendfilename", "appendonly.aof", true, false);
        enumeration(c, "appendfsync", "everysec", List.of("everysec", "always", "no"), false, false);
        bool(c, "appendonly", false, false, false);
        memory(c, "auto-aof-rewrite-min-size", 67108864L, 0, LONG_MAX, false, false);
        integer(c, "auto-aof-rewrite-percentage", 100L, 0, LONG_MAX, false, false);
        str(c, "bgsave_cpulist", "", false, false);
        special(c, "bind", "127.0.0.1 -::1", true, true);
        str(c, "bind-source-addr", "", false, false);
        str(c, "bio_cpulist", "", false, false);
        integer(c, "busy-reply-threshold", 5000L, 0, LONG_MAX, false, false, "lua-time-limit");
        special(c, "client-output-buffer-limit", "normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60", false, true).check = SpecialValues::outputBufferLimit;
        memory(c, "client-query-buffer-limit", 1073741824L, 1048576, LONG_MAX, false, true);
        bool(c, "cluster-allow-pubsubshard-when-down", true, false, false);
        bool(c, "cluster-allow-reads-when-down", false, false, false);
        bool(c, "cluster-allow-replica-migration", true, false, false);
        integer(c, "cluster-announce-bus-port", 0L, 0, LONG_MAX, false, false);
        str(c, "cluster-announce-hostname", "", false, false);
        str(c, "cluster-announce-ip", "", false, false);
        integer(c, "cluster-announce-port", 0L, 0, LONG_MAX, false, false);
        integer(c, "cluster-announce-tls-port", 0L, 0, LONG_MAX, false, false);
        str(c, "cluster-config-file", "nodes.conf", true, false);
        bool(c, "cluster-enabled", false, true, false);
        memory(c, "cluster-link-sendbuf-limit", 0L, 0, LONG_MAX, false, false);
        integer(c, "cluster-migration-barrier", 1L, 0, LONG_MAX, false, false);
        integer(c, "cluster-node-timeout", 15000L, 0, LONG_MAX, false, false);
        integer(c, "cluster-port", 0L, 0, LONG_MAX, true, false);
        enumeration(c, "cluster-preferred-endpoint-type", "ip", List.of("ip", "hostname", "unknown-endpoint"), false, false);
        bool(c, "cluster-replica-no-failover", false, false, false, "cluster-slave-no-failover");
        integer(c, "cluster-replica-validity-factor", 10L, 0, LONG_MAX, false, false, "cluster-slave-validity-factor");
        bool(c, "cluster-require-full-coverage", true, false, false);
        bool(c, "crash-log-enabled", true, false, false);
        bool(c, "crash-memcheck-enabled", true, false, false);
        bool(c, "daemonize", false, true, false);
        integer(c, "databases", 16L, 1, 256, true, true);
        str(c, "dbfilename", "dump.rdb", false, false).protectedConfig = true;
        Param dir = special(c, "dir", java.nio.file.Path.of("").toAbsolutePath().toString(), false, false); // persistence will act on it
        dir.check = SpecialValues::directory;
        dir.protectedConfig = true;
        // Redis disables transparent huge pages because fork's copy-on-write copies 2 MiB per write;
        // Brisk never forks, and huge pages halve the TLB cost of its lookups (store/Blocks): on by default.
        bool(c, "disable-thp", false, true, true);
        bool(c, "dynamic-hz", true, false, false);
        enumeration(c, "enable-debug-command", "no", List.of("no", "yes", "local"), true, true);
        enumeration(c, "enable-module-command", "no", List.of("no", "yes", "local"), true, false);
        enumeration(c, "enable-protected-configs", "no", List.of("no", "yes", "local"), true, false);
        integer(c, "hash-max-listpack-entries", 512L, 0, LONG_MAX, false, true, "hash-max-ziplist-entries");
        memory(c, "hash-max-listpack-value", 64L, 0, LONG_MAX, false, true, "hash-max-ziplist-value");
        memory(c, "hll-sparse-max-bytes", 3000L, 0, LONG_MAX, false, true);
        integer(c, "hz", 10L, 0, INT_MAX, false, true);
        str(c, "ignore-warnings", "", true, false);
        integer(c, "io-threads", 1L, 1, 128, true, false);
        bool(c, "io-threads-do-reads", false, true, false);
        bool(c, "jemalloc-bg-thread", true, false, false);
        integer(c, "latency-monitor-threshold", 0L, 0, LONG_MAX, false, false);
        bool(c, "latency-tracking", true, false, false);
        special(c, "latency-tracking-info-percentiles", "50 99 99.9", false, false).check = SpecialValues::percentiles;
        bool(c, "lazyfree-lazy-eviction", false, false, false);
        bool(c, "lazyfree-lazy-expire", false, false, false);
        bool(c, "lazyfree-lazy-server-del", false, false, false);
        bool(c, "lazyfree-lazy-user-del", false, false, false);
        bool(c, "lazyfree-lazy-user-flush", false, false, false);
        integer(c, "lfu-decay-time", 1L, 0, INT_MAX, false, false);
        integer(c, "lfu-log-factor", 10L, 0, INT_MAX, false, false);
        integer(c, "list-compress-depth", 0L, 0, INT_MAX, false, false);
        integer(c, "list-max-listpack-size", -2L, INT_MIN, INT_MAX, false, true, "list-max-ziplist-size");
        str(c, "logfile", "", true, true).check = SpecialValues::logFile;
        enumeration(c, "loglevel", "notice", List.of("debug", "verbose", "notice", "warning"), false, true);
        str(c, "masterauth", "", false, false);
        str(c, "masteruser", "", false, false);
        integer(c, "maxclients", 10000L, 1, INT_MAX, false, true);
        memory(c, "maxmemory", 0L, 0, LONG_MAX, false, true);
        special(c, "maxmemory-clients", "0", false, false).check = SpecialValues::memoryOrPercent;
        integer(c, "maxmemory-eviction-tenacity", 10L, 0, 100, false, false);
        enumeration(c, "maxmemory-policy", "noeviction", List.of("volatile-lru", "volatile-lfu", "volatile-random", "volatile-ttl", "allkeys-lru", "allkeys-lfu", "allkeys-random", "noeviction"), false, true);
        integer(c, "maxmemory-samples", 5L, 1, 64, false, true);
        integer(c, "min-replicas-max-lag", 10L, 0, LONG_MAX, false, false, "min-slaves-max-lag");
        integer(c, "min-replicas-to-write", 0L, 0, LONG_MAX, false, false, "min-slaves-to-write");
        bool(c, "no-appendfsync-on-rewrite", false, false, false);
        special(c, "notify-keyspace-events", "", false, false).check = SpecialValues::keyspaceEvents;
        enumeration(c, "oom-score-adj", "no", List.of("no", "yes", "relative", "absolute"), false, false);
        special(c, "oom-score-adj-values", "0 200 800", false, false).check = SpecialValues::oomScoreAdjValues;
        str(c, "pidfile", "", true, false);
        integer(c, "port", 6379L, 0, 65535, true, true);
        str(c, "proc-title-template", "{title} {listen-addr} {server-mode}", false, false);
        enumeration(c, "propagation-error-behavior", "ignore", List.of("ignore", "panic", "panic-on-replicas"), false, false);
        bool(c, "protected-mode", true, false, true);
        memory(c, "proto-max-bulk-len", 536870912L, 1048576, LONG_MAX, false, true);
        bool(c, "rdb-del-sync-files", false, false, false);
        bool(c, "rdb-save-incremental-fsync", true, false, false);
        bool(c, "rdbchecksum", true, false, false);
        bool(c, "rdbcompression", true, false, false);
        memory(c, "repl-backlog-size", 1048576L, 0, LONG_MAX, false, false);
        integer(c, "repl-backlog-ttl", 3600L, 0, LONG_MAX, false, false);
        bool(c, "repl-disable-tcp-nodelay", false, false, false);
        enumeration(c, "repl-diskless-load", "disabled", List.of("disabled", "on-empty-db", "swapdb"), false, false);
        bool(c, "repl-diskless-sync", true, false, false);
        integer(c, "repl-diskless-sync-delay", 5L, 0, INT_MAX, false, false);
        integer(c, "repl-diskless-sync-max-replicas", 0L, 0, LONG_MAX, false, false);
        integer(c, "repl-ping-replica-period", 10L, 0, LONG_MAX, false, false, "repl-ping-slave-period");
        integer(c, "repl-timeout", 60L, 0, LONG_MAX, false, false);
        str(c, "replica-announce-ip", "", false, false, "slave-announce-ip");
        integer(c, "replica-announce-port", 0L, 0, LONG_MAX, false, false, "slave-announce-port");
        bool(c, "replica-announced", true, false, false);
        bool(c, "replica-ignore-disk-write-errors", false, false, false);
        bool(c, "replica-ignore-maxmemory", true, false, false, "slave-ignore-maxmemory");
        bool(c, "replica-lazy-flush", false, false, false, "slave-lazy-flush");
        integer(c, "replica-priority", 100L, 0, INT_MAX, false, false, "slave-priority");
        bool(c, "replica-read-only", true, false, false, "slave-read-only");
        bool(c, "replica-serve-stale-data", true, false, false, "slave-serve-stale-data");
        special(c, "replicaof", "", true, false, "slaveof"); // set by the REPLICAOF command, not CONFIG SET
        str(c, "requirepass", "", false, true);
        enumeration(c, "sanitize-dump-payload", "no", List.of("no", "yes", "clients"), false, false);
        special(c, "save", "3600 1 300 100 60 10000", false, false).check = SpecialValues::save;
        str(c, "server_cpulist", "", false, false);
        integer(c, "set-max-intset-entries", 512L, 0, LONG_MAX, false, true);
        bool(c, "set-proc-title", true, true, false);
        special(c, "shutdown-on-sigint", "default", false, false).check = SpecialValues::shutdownFlags;
        special(c, "shutdown-on-sigterm", "default", false, false).check = SpecialValues::shutdownFlags;
        integer(c, "shutdown-timeout", 10L, 0, LONG_MAX, false, false);
        integer(c, "slowlog-log-slower-than", 10000L, -1, LONG_MAX, false, false);
        integer(c, "slowlog-max-len", 128L, 0, LONG_MAX, false, false);
        integer(c, "socket-mark-id", 0L, 0, LONG_MAX, false, false);
        bool(c, "stop-writes-on-bgsave-error", true, false, false);
        memory(c, "stream-node-max-bytes", 4096L, 0, LONG_MAX, false, false);
        integer(c, "stream-node-max-entries", 100L, 0, LONG_MAX, false, false);
        enumeration(c, "supervised", "no", List.of("upstart", "systemd", "auto", "no"), true, false);
        bool(c, "syslog-enabled", false, true, false);
        enumeration(c, "syslog-facility", "local0", List.of("user", "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7"), true, false);
        str(c, "syslog-ident", "redis", true, false);
        integer(c, "tcp-backlog", 511L, 0, INT_MAX, true, true);
        integer(c, "tcp-keepalive", 300L, 0, LONG_MAX, false, true);
        integer(c, "timeout", 0L, 0, INT_MAX, false, true);
        enumeration(c, "tls-auth-clients", "yes", List.of("no", "yes", "optional"), false, false);
        str(c, "tls-ca-cert-dir", "", false, false);
        str(c, "tls-ca-cert-file", "", false, false);
        str(c, "tls-cert-file", "", false, false);
        str(c, "tls-ciphers", "", false, false);
        str(c, "tls-ciphersuites", "", false, false);
        str(c, "tls-client-cert-file", "", false, false);
        str(c, "tls-client-key-file", "", false, false);
        str(c, "tls-client-key-file-pass", "", false, false);
        bool(c, "tls-cluster", false, false, false);
        str(c, "tls-dh-params-file", "", false, false);
        str(c, "tls-key-file", "", false, false);
        str(c, "tls-key-file-pass", "", false, false);
        integer(c, "tls-port", 0L, 0, LONG_MAX, false, false);
        bool(c, "tls-prefer-server-ciphers", false, false, false);
        str(c, "tls-protocols", "", false, false);
        bool(c, "tls-replication", false, false, false);
        integer(c, "tls-session-cache-size", 20480L, 0, LONG_MAX, false, false);
        integer(c, "tls-session-cache-timeout", 300L, 0, LONG_MAX, false, false);
        bool(c, "tls-session-caching", true, false, false);
        integer(c, "tracking-table-max-keys", 1000000L, 0, LONG_MAX, false, false);
        str(c, "unixsocket", "", true, true);
        special(c, "unixsocketperm", "0", true, true).check = SpecialValues::octalPermissions;
        integer(c, "zset-max-listpack-entries", 128L, 0, LONG_MAX, false, true, "zset-max-ziplist-entries");
        memory(c, "zset-max-listpack-value", 64L, 0, LONG_MAX, false, true, "zset-max-ziplist-value");
        // --- Brisk's own
        bool(c, "active-expire-enabled", true, false, true);
        integer(c, "event-loops", Runtime.getRuntime().availableProcessors(), 1, 1024, true, true);
        enumeration(c, "transport", "auto", List.of("auto", "io_uring", "epoll", "nio"), true, true);

        // --- collection encodings: the Redis 7.0 ones are in the table above (acted on through
        // store/CollectionLimits); set-max-listpack-* are Redis 7.2's, added for small string sets.
        defineSetAndZSetEncodings(c);
        // --- memcached protocol (text and meta over TCP; UDP off by default: amplification risk)
        integer(c, "memcache-port", 11211, 0, 65535, true, true);
        integer(c, "memcache-udp-port", 0, 0, 65535, true, true);
        memory(c, "memcache-max-item-size", 1024L * 1024, 1024, 1024L * 1024 * 1024, false, true);
        bool(c, "memcache-strict-keys", true, false, true);
    }

    // --- set and sorted-set encoding thresholds (acted on by store/set and store/zset; Redis 7.2 semantics)
    private static void defineSetAndZSetEncodings(Config c) {
        integer(c, "set-max-listpack-entries", 128, 0, LONG_MAX, false, true);
        memory(c, "set-max-listpack-value", 64, 0, LONG_MAX, false, true);
    }

    static Param bool(Config c, String name, boolean def, boolean immutable, boolean acted, String... aliases) {
        return c.define(new Param(name, List.of(aliases), Param.Kind.BOOL, 0, 0, List.of(), immutable, acted, def ? "yes" : "no"));
    }

    static Param integer(Config c, String name, long def, long min, long max, boolean immutable, boolean acted, String... aliases) {
        return c.define(new Param(name, List.of(aliases), Param.Kind.INT, min, max, List.of(), immutable, acted, Long.toString(def)));
    }

    static Param memory(Config c, String name, long def, long min, long max, boolean immutable, boolean acted, String... aliases) {
        return c.define(new Param(name, List.of(aliases), Param.Kind.MEMORY, min, max, List.of(), immutable, acted, Long.toString(def)));
    }

    static Param enumeration(Config c, String name, String def, List<String> choices, boolean immutable, boolean acted, String... aliases) {
        return c.define(new Param(name, List.of(aliases), Param.Kind.ENUM, 0, 0, choices, immutable, acted, def));
    }

    static Param str(Config c, String name, String def, boolean immutable, boolean acted, String... aliases) {
        return c.define(new Param(name, List.of(aliases), Param.Kind.STRING, 0, 0, List.of(), immutable, acted, def));
    }

    static Param special(Config c, String name, String def, boolean immutable, boolean acted, String... aliases) {
        return c.define(new Param(name, List.of(aliases), Param.Kind.SPECIAL, 0, 0, List.of(), immutable, acted, def));
    }
}
