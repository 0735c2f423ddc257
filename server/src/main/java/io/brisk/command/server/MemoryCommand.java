package io.brisk.command.server;

import static io.brisk.command.CommandFlag.LOADING;
import static io.brisk.command.CommandFlag.READONLY;
import static io.brisk.command.CommandFlag.STALE;
import static io.brisk.command.server.Subcommands.sub;

import io.brisk.command.CommandError;
import io.brisk.command.CommandSpec;
import io.brisk.command.Errors;
import io.brisk.command.ServerContext;
import io.brisk.command.Session;
import io.brisk.protocol.CommandArgs;
import io.brisk.protocol.Reply;
import io.brisk.store.Db;
import io.brisk.store.EntryRef;
import io.brisk.store.Keyspace;
import io.brisk.util.Crc16;

/** MEMORY USAGE / STATS / HELP. */
public final class MemoryCommand {
    private MemoryCommand() {}

    public static java.util.List<CommandSpec> specs() {
        java.util.List<CommandSpec> subs = java.util.List.of(
                sub("memory", "usage", -3, MemoryCommand::usage).flags(READONLY).keys(2, 2, 1).acl("read", "slow")
                        .group("server").doc("Estimates the memory usage of a key.", "4.0.0").build(),
                sub("memory", "stats", 2, MemoryCommand::stats).acl("slow").group("server")
                        .doc("Returns details about memory usage.", "4.0.0").build(),
                sub("memory", "help", 2, (s, a, r) -> Subcommands.help(r, "MEMORY",
                        "STATS", "    Return information about the memory usage of the server.",
                        "USAGE <key> [SAMPLES <count>]",
                        "    Return memory in bytes used by <key> and its value. Nested values are",
                        "    sampled up to <count> times (default: 5, 0 means sample all)."))
                        .flags(LOADING, STALE).acl("slow").group("server").doc("Returns helpful text about the different subcommands.", "4.0.0").build());
        // the container names USAGE's key so the dispatcher (and EXEC) lock its slot like any key
        return java.util.List.of(CommandSpec.of("memory", -2, Subcommands.router("memory", subs)).acl("slow").group("server")
                .keyFinder((a, out) -> {
                    if (a.count() < 3 || !a.is(1, "USAGE")) return 0;
                    out.add(2);
                    return 1;
                })
                .doc("A container for memory diagnostics commands.", "4.0.0").subcommands(subs.toArray(CommandSpec[]::new)).build());
    }

    /**
     * Strings: the entry's bytes in its segment plus its share of the slot index. Collections: that
     * plus the value's own estimate. The key's slot is locked by the dispatcher (the container's
     * key finder names it).
     */
    private static void usage(Session s, CommandArgs a, Reply r) {
        if (a.count() == 5 && a.is(3, "SAMPLES")) {
            try {
                a.longValue(4);
            } catch (NumberFormatException e) {
                throw new CommandError(Errors.NOT_INTEGER);
            }
        } else if (a.count() != 3) {
            throw new CommandError(Errors.SYNTAX);
        }
        Db db = s.db();
        EntryRef ref = s.ref;
        if (!db.peek(a.segment(2), a.offset(2), a.length(2), ref)) {
            r.nullBulk();
            return;
        }
        long bytes = ref.entrySize() + db.indexShare(Crc16.slot(a.segment(2), a.offset(2), a.length(2)));
        if (ref.hasHandle()) bytes += db.object(ref).estimatedBytes(); // inline values are in the entry's bytes
        r.integer(bytes);
    }

    private static void stats(Session s, CommandArgs a, Reply r) {
        ServerContext sc = s.server();
        Keyspace ks = sc.keyspace;
        long keys = 0;
        for (int db = 0; db < ks.databases(); db++) keys += ks.keyCount(db);
        long used = ks.usedMemory();
        long rss = ProcStats.residentBytes();
        r.map(5);
        r.bulk("total.allocated");
        r.integer(used);
        r.bulk("keys.count");
        r.integer(keys);
        r.bulk("keys.bytes-per-key");
        r.integer(keys == 0 ? 0 : used / keys);
        r.bulk("dataset.bytes");
        r.integer(used);
        r.bulk("rss-overhead.bytes");
        r.integer(Math.max(0, rss - used));
    }
}
