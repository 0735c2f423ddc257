package io.brisk.command.server;

import static io.brisk.command.CommandFlag.LOADING;
import static io.brisk.command.CommandFlag.STALE;

import io.brisk.command.CommandSpec;
import io.brisk.command.CommandStats;
import io.brisk.command.ServerContext;
import io.brisk.command.Session;
import io.brisk.config.Config;
import io.brisk.protocol.CommandArgs;
import io.brisk.protocol.Reply;
import io.brisk.store.Keyspace;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** INFO [section ...] with Redis's section and field names (fields Brisk cannot know are left out). */
public final class InfoCommand {
    private static final List<String> DEFAULT = List.of("server", "clients", "memory", "persistence", "stats",
            "replication", "cpu", "modules", "errorstats", "cluster", "keyspace");
    private static final List<String> ALL = List.of("server", "clients", "memory", "persistence", "stats",
            "replication", "cpu", "modules", "commandstats", "errorstats", "cluster", "keyspace");

    private InfoCommand() {}

    public static List<CommandSpec> specs() {
        return List.of(CommandSpec.of("info", -1, InfoCommand::info).flags(LOADING, STALE).acl("slow", "dangerous")
                .group("server").doc("Returns information and statistics about the server.", "1.0.0").build());
    }

    private static void info(Session s, CommandArgs a, Reply r) {
        Set<String> sections = new LinkedHashSet<>();
        if (a.count() == 1) sections.addAll(DEFAULT);
        for (int i = 1; i < a.count(); i++) {
            String name = a.string(i).toLowerCase(Locale.ROOT);
            switch (name) {
                case "default" -> sections.addAll(DEFAULT);
                case "all", "everything" -> sections.addAll(ALL);
                default -> sections.add(name);
            }
        }
        r.verbatim(render(s.server(), sections));
    }

    /** The INFO text for the given sections, in Redis's order; unknown sections add nothing. */
    public static String render(ServerContext sc, Set<String> sections) {
        StringBuilder out = new StringBuilder();
        for (String section : ALL) {
            if (!sections.contains(section)) continue;
            if (!out.isEmpty()) out.append("\r\n");
            switch (section) {
                case "server" -> server(sc, out);
                case "clients" -> clients(sc, out);
                case "memory" -> memory(sc, out);
                case "persistence" -> persistence(out);
                case "stats" -> stats(sc, out);
                case "replication" -> replication(sc, out);
                case "cpu" -> cpu(out);
                case "modules" -> out.append("# Modules\r\n");
                case "commandstats" -> commandStats(sc, out);
                case "errorstats" -> errorStats(sc, out);
                case "cluster" -> out.append("# Cluster\r\ncluster_enabled:0\r\n");
                case "keyspace" -> keyspace(sc, out);
                default -> { }
            }
        }
        return out.toString();
    }

    private static void field(StringBuilder out, String name, Object value) {
        out.append(name).append(':').append(value).append("\r\n");
    }

    private static void server(ServerContext sc, StringBuilder out) {
        Config c = sc.config;
        long uptime = sc.uptimeMillis() / 1000;
        out.append("# Server\r\n");
        field(out, "redis_version", ConnectionCommands.REDIS_VERSION);
        field(out, "brisk_version", briskVersion());
        field(out, "redis_mode", "standalone");
        field(out, "os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        field(out, "arch_bits", System.getProperty("sun.arch.data.model", "64"));
        field(out, "multiplexing_api", sc.transportName);
        field(out, "java_version", Runtime.version());
        field(out, "process_id", ProcessHandle.current().pid());
        field(out, "process_supervised", "no");
        field(out, "run_id", sc.runId);
        field(out, "tcp_port", sc.tcpPort);
        long micros = java.time.Instant.now().toEpochMilli() * 1000;
        field(out, "server_time_usec", micros);
        field(out, "uptime_in_seconds", uptime);
        field(out, "uptime_in_days", uptime / 86400);
        field(out, "hz", c.get("hz"));
        field(out, "configured_hz", c.get("hz"));
        field(out, "lru_clock", sc.keyspace.lruClock());
        field(out, "executable", ProcessHandle.current().info().command().orElse(""));
        field(out, "config_file", c.configFile == null ? "" : c.configFile);
        field(out, "io_threads_active", 0);
    }

    static String briskVersion() {
        String v = InfoCommand.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }

    private static void clients(ServerContext sc, StringBuilder out) {
        out.append("# Clients\r\n");
        field(out, "connected_clients", sc.clients.size());
        field(out, "cluster_connections", 0);
        field(out, "maxclients", sc.config.get("maxclients"));
        field(out, "blocked_clients", blockedClients(sc));
    }

    private static void memory(ServerContext sc, StringBuilder out) {
        Keyspace ks = sc.keyspace;
        long used = ks.usedMemory();
        long rss = ProcStats.residentBytes();
        long max = sc.config.getLong("maxmemory");
        Runtime rt = Runtime.getRuntime();
        out.append("# Memory\r\n");
        field(out, "used_memory", used);
        field(out, "used_memory_human", human(used));
        field(out, "used_memory_rss", rss);
        field(out, "used_memory_rss_human", human(rss));
        field(out, "used_memory_dataset", used);
        field(out, "total_system_memory", ProcStats.totalSystemMemory());
        field(out, "total_system_memory_human", human(ProcStats.totalSystemMemory()));
        field(out, "maxmemory", max);
        field(out, "maxmemory_human", human(max));
        field(out, "maxmemory_policy", sc.config.get("maxmemory-policy"));
        field(out, "mem_fragmentation_ratio", used == 0 ? "0.00" : String.format(Locale.ROOT, "%.2f", (double) rss / used));
        field(out, "brisk_segment_bytes", ks.segmentBytes());
        field(out, "brisk_heap_used", rt.totalMemory() - rt.freeMemory());
        field(out, "brisk_heap_max", rt.maxMemory());
    }

    /** Redis's bytesToHuman: B, K, M, G, T, P with two decimals. */
    static String human(long n) {
        if (n < 1024) return n + "B";
        String[] units = {"K", "M", "G", "T", "P"};
        double d = n;
        int u = -1;
        while (d >= 1024 && u < units.length - 1) {
            d /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.2f%s", d, units[u]);
    }

    private static void persistence(StringBuilder out) {
        out.append("# Persistence\r\n");
        field(out, "loading", 0);
        field(out, "async_loading", 0);
        field(out, "rdb_bgsave_in_progress", 0);
        field(out, "aof_enabled", 0);
        field(out, "aof_rewrite_in_progress", 0);
    }

    private static void stats(ServerContext sc, StringBuilder out) {
        out.append("# Stats\r\n");
        field(out, "total_connections_received", sc.clients.totalConnections.get());
        field(out, "total_commands_processed", sc.commandsProcessed());
        field(out, "total_net_input_bytes", sc.netInputBytes.sum());
        field(out, "total_net_output_bytes", sc.netOutputBytes.sum());
        field(out, "rejected_connections", sc.clients.rejectedConnections.get());
        field(out, "expired_keys", sc.keyspace.expiredKeys.sum());
        field(out, "evicted_keys", sc.keyspace.evictedKeys.sum());
        field(out, "keyspace_hits", sc.keyspaceHits.sum());
        field(out, "keyspace_misses", sc.keyspaceMisses.sum());
        field(out, "total_forks", 0);
        field(out, "total_error_replies", sc.errorStats.total());
        field(out, "brisk_protocol_errors", sc.protocolErrors.sum());
    }

    private static void replication(ServerContext sc, StringBuilder out) {
        out.append("# Replication\r\n");
        field(out, "role", "master");
        field(out, "connected_slaves", 0);
        field(out, "master_replid", sc.runId);
        field(out, "master_repl_offset", 0);
    }

    private static void cpu(StringBuilder out) {
        long[] t = ProcStats.cpuMicros();
        out.append("# CPU\r\n");
        field(out, "used_cpu_sys", seconds(t[1]));
        field(out, "used_cpu_user", seconds(t[0]));
        field(out, "used_cpu_sys_children", seconds(t[3]));
        field(out, "used_cpu_user_children", seconds(t[2]));
    }

    private static String seconds(long micros) {
        return String.format(Locale.ROOT, "%d.%06d", micros / 1_000_000, micros % 1_000_000);
    }

    private static void commandStats(ServerContext sc, StringBuilder out) {
        out.append("# Commandstats\r\n");
        for (CommandSpec spec : sc.commands.all()) {
            if (spec.subcommands().isEmpty()) {
                stat(out, spec);
            } else {
                for (CommandSpec sub : spec.subcommands()) stat(out, sub);
            }
        }
    }

    private static void stat(StringBuilder out, CommandSpec spec) {
        CommandStats st = spec.stats();
        long calls = st.calls.sum(), rejected = st.rejected.sum(), failed = st.failed.sum();
        if (calls == 0 && rejected == 0 && failed == 0) return;
        long usec = st.micros();
        out.append("cmdstat_").append(spec.name()).append(":calls=").append(calls).append(",usec=").append(usec)
                .append(",usec_per_call=").append(String.format(Locale.ROOT, "%.2f", calls == 0 ? 0.0 : (double) usec / calls))
                .append(",rejected_calls=").append(rejected).append(",failed_calls=").append(failed).append("\r\n");
    }

    /** Clients waiting in a blocking command (not those held by CLIENT PAUSE, as in Redis 7). */
    private static long blockedClients(ServerContext sc) {
        long n = 0;
        for (Session x : sc.clients.all()) if (x.blocked()) n++;
        return n;
    }

    private static void errorStats(ServerContext sc, StringBuilder out) {
        out.append("# Errorstats\r\n");
        sc.errorStats.byCode().forEach((code, count) ->
                out.append("errorstat_").append(code).append(":count=").append(count).append("\r\n"));
    }

    private static void keyspace(ServerContext sc, StringBuilder out) {
        out.append("# Keyspace\r\n");
        Keyspace ks = sc.keyspace;
        for (int db = 0; db < ks.databases(); db++) {
            long keys = ks.keyCount(db);
            if (keys == 0) continue;
            out.append("db").append(db).append(":keys=").append(keys).append(",expires=").append(ks.volatileCount(db))
                    .append(",avg_ttl=0\r\n");
        }
    }
}
