package io.brisk.command.server;

import static io.brisk.command.CommandFlag.ADMIN;
import static io.brisk.command.CommandFlag.LOADING;
import static io.brisk.command.CommandFlag.NOSCRIPT;
import static io.brisk.command.CommandFlag.STALE;
import static io.brisk.command.server.Subcommands.sub;

import io.brisk.command.CommandError;
import io.brisk.command.CommandSpec;
import io.brisk.command.ServerContext;
import io.brisk.command.Session;
import io.brisk.config.Config;
import io.brisk.config.ConfigException;
import io.brisk.config.ConfigRewriter;
import io.brisk.config.Param;
import io.brisk.protocol.CommandArgs;
import io.brisk.protocol.Reply;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CONFIG GET / SET / RESETSTAT / REWRITE / HELP over the parameter table (config/Parameters). */
public final class ConfigCommand {
    private ConfigCommand() {}

    public static List<CommandSpec> specs() {
        List<CommandSpec> subs = List.of(
                sub("config", "get", -3, ConfigCommand::get).flags(ADMIN, NOSCRIPT, LOADING, STALE)
                        .acl("admin", "slow", "dangerous").group("server").doc("Returns the effective values of configuration parameters.", "2.0.0").build(),
                sub("config", "set", -4, ConfigCommand::set).flags(ADMIN, NOSCRIPT, LOADING, STALE)
                        .acl("admin", "slow", "dangerous").group("server").doc("Sets configuration parameters in-flight.", "2.0.0").build(),
                sub("config", "resetstat", 2, ConfigCommand::resetStat).flags(ADMIN, NOSCRIPT, LOADING, STALE)
                        .acl("admin", "slow", "dangerous").group("server").doc("Resets the server's statistics.", "2.0.0").build(),
                sub("config", "rewrite", 2, ConfigCommand::rewrite).flags(ADMIN, NOSCRIPT, LOADING, STALE)
                        .acl("admin", "slow", "dangerous").group("server").doc("Persists the effective configuration to file.", "2.8.0").build(),
                sub("config", "help", 2, (s, a, r) -> Subcommands.help(r, "CONFIG",
                        "GET <pattern>", "    Return parameters matching the glob-like <pattern> and their values.",
                        "SET <directive> <value>", "    Set the configuration <directive> to <value>.",
                        "RESETSTAT", "    Reset statistics reported by the INFO command.",
                        "REWRITE", "    Rewrite the configuration file."))
                        .flags(LOADING, STALE).acl("slow").group("server").doc("Returns helpful text about the different subcommands.", "5.0.0").build());
        return List.of(CommandSpec.of("config", -2, Subcommands.router("config", subs)).acl("slow").group("server")
                .doc("A container for server configuration commands.", "2.0.0").subcommands(subs.toArray(CommandSpec[]::new)).build());
    }

    /** A map of every matching name (aliases under their own name) to its value; RESP2 shows it flat. */
    private static void get(Session s, CommandArgs a, Reply r) {
        Map<String, Param> found = new LinkedHashMap<>();
        for (int i = 2; i < a.count(); i++) found.putAll(s.server().config.matchingNames(a.string(i)));
        r.map(found.size());
        for (Map.Entry<String, Param> e : found.entrySet()) {
            r.bulk(e.getKey());
            r.bulk(e.getValue().value());
        }
    }

    private static void set(Session s, CommandArgs a, Reply r) {
        if (a.count() % 2 != 0) throw new CommandError(io.brisk.command.Errors.arity("config|set"));
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int i = 2; i < a.count(); i += 2) {
            names.add(a.string(i));
            values.add(a.string(i + 1));
        }
        try {
            s.server().config.setAll(names, values, LocalOnly.allowed(s, "enable-protected-configs"));
        } catch (ConfigException e) {
            throw new CommandError("ERR " + e.getMessage());
        }
        if (s.server().config.get("requirepass").isEmpty()) {
            // the default user is "nopass" again: clients that never authenticated may now run commands
            for (Session x : s.server().clients.all()) x.authenticated(true);
        }
        r.ok();
    }

    /** Zeroes what INFO stats and commandstats count, as Redis's CONFIG RESETSTAT does. */
    private static void resetStat(Session s, CommandArgs a, Reply r) {
        ServerContext sc = s.server();
        for (CommandSpec spec : sc.commands.all()) {
            spec.stats().reset();
            for (CommandSpec sub : spec.subcommands()) sub.stats().reset();
        }
        sc.keyspaceHits.reset();
        sc.keyspaceMisses.reset();
        sc.netInputBytes.reset();
        sc.netOutputBytes.reset();
        sc.protocolErrors.reset();
        sc.errorStats.reset();
        sc.keyspace.expiredKeys.reset();
        sc.keyspace.evictedKeys.reset();
        sc.clients.totalConnections.set(0);
        sc.clients.rejectedConnections.set(0);
        r.ok();
    }

    private static void rewrite(Session s, CommandArgs a, Reply r) {
        Config c = s.server().config;
        if (c.configFile == null) throw new CommandError("ERR The server is running without a config file");
        try {
            ConfigRewriter.rewrite(c, c.configFile);
        } catch (IOException e) {
            throw new CommandError("ERR Rewriting config file: " + e.getMessage());
        }
        r.ok();
    }
}
