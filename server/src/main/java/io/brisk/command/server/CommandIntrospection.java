package io.brisk.command.server;

import static io.brisk.command.CommandFlag.LOADING;
import static io.brisk.command.CommandFlag.STALE;
import static io.brisk.command.server.Subcommands.sub;

import io.brisk.command.CommandError;
import io.brisk.command.CommandFlag;
import io.brisk.command.CommandSpec;
import io.brisk.command.CommandTable;
import io.brisk.command.IntList;
import io.brisk.command.Session;
import io.brisk.protocol.CommandArgs;
import io.brisk.protocol.Reply;
import io.brisk.util.Glob;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * COMMAND, COUNT, INFO, LIST, GETKEYS, DOCS, HELP: all read the command table (CommandSpec), so what
 * they report is what the dispatcher enforces. Reply shapes are Redis 7's.
 */
public final class CommandIntrospection {
    private CommandIntrospection() {}

    public static List<CommandSpec> specs() {
        List<CommandSpec> subs = List.of(
                sub("command", "count", 2, (s, a, r) -> r.integer(s.server().commands.size())).flags(LOADING, STALE)
                        .acl("slow", "connection").group("server").doc("Returns a count of commands.", "2.8.13").build(),
                sub("command", "info", -2, CommandIntrospection::info).flags(LOADING, STALE).acl("slow", "connection")
                        .group("server").doc("Returns information about one, multiple or all commands.", "2.8.13").build(),
                sub("command", "list", -2, CommandIntrospection::list).flags(LOADING, STALE).acl("slow", "connection")
                        .group("server").doc("Returns a list of command names.", "7.0.0").build(),
                sub("command", "getkeys", -3, CommandIntrospection::getKeys).flags(LOADING, STALE).acl("slow", "connection")
                        .group("server").doc("Extracts the key names from an arbitrary command.", "2.8.13").build(),
                sub("command", "getkeysandflags", -3, CommandIntrospection::getKeysAndFlags).flags(LOADING, STALE)
                        .acl("slow", "connection").group("server")
                        .doc("Extracts the key names and access flags for an arbitrary command.", "7.0.0").build(),
                sub("command", "docs", -2, CommandIntrospection::docs).flags(LOADING, STALE).acl("slow", "connection")
                        .group("server").doc("Returns documentary information about one, multiple or all commands.", "7.0.0").build(),
                sub("command", "help", 2, (s, a, r) -> Subcommands.help(r, "COMMAND",
                        "(no subcommand)", "    Return details about all Redis commands.",
                        "COUNT", "    Return the total number of commands in this Redis server.",
                        "LIST", "    Return a list of all commands in this Redis server.",
                        "INFO [<command-name> ...]",
                        "    Return details about multiple Redis commands.",
                        "    If no command names are given, documentation details for all",
                        "    commands are returned.",
                        "DOCS [<command-name> ...]",
                        "    Return documentation details about multiple Redis commands.",
                        "    If no command names are given, documentation details for all",
                        "    commands are returned.",
                        "GETKEYS <full-command>", "    Return the keys from a full Redis command.",
                        "GETKEYSANDFLAGS <full-command>", "    Return the keys and the access flags from a full Redis command.",
                        "LIST [FILTERBY (MODULE <module-name>|ACLCAT <category>|PATTERN <pattern>)]",
                        "    Return a list of all commands in this Redis server."))
                        .flags(LOADING, STALE).acl("slow", "connection").group("server")
                        .doc("Returns helpful text about the different subcommands.", "5.0.0").build());
        io.brisk.command.CommandHandler router = Subcommands.router("command", subs);
        return List.of(CommandSpec.of("command", -1, (s, a, r) -> {
            if (a.count() == 1) all(s, r);
            else router.execute(s, a, r);
        }).flags(LOADING, STALE).acl("slow", "connection").group("server")
                .doc("Returns detailed information about all commands.", "2.8.13").subcommands(subs.toArray(CommandSpec[]::new)).build());
    }

    private static void all(Session s, Reply r) {
        CommandTable t = s.server().commands;
        r.array(t.size());
        for (CommandSpec c : t.all()) entry(c, r);
    }

    /** Finds "name" or "container|sub". */
    static CommandSpec find(CommandTable t, String name) {
        int bar = name.indexOf('|');
        if (bar < 0) return t.get(name);
        CommandSpec parent = t.get(name.substring(0, bar));
        if (parent == null) return null;
        for (CommandSpec c : parent.subcommands()) if (c.name().equalsIgnoreCase(name)) return c;
        return null;
    }

    private static void info(Session s, CommandArgs a, Reply r) {
        if (a.count() == 2) {
            all(s, r);
            return;
        }
        r.array(a.count() - 2);
        for (int i = 2; i < a.count(); i++) {
            CommandSpec c = find(s.server().commands, a.string(i));
            if (c == null) r.nullBulk();
            else entry(c, r);
        }
    }

    /** name, arity, flags, first key, last key, step, ACL categories, tips, key specs, subcommands. */
    static void entry(CommandSpec c, Reply r) {
        r.array(10);
        r.bulk(c.name());
        r.integer(c.arity());
        // a container (CLIENT, MEMORY...) shows no keys of its own: its subcommands carry them
        boolean container = !c.subcommands().isEmpty();
        java.util.List<CommandFlag> flags = new ArrayList<>(c.flags());
        if (container) flags.remove(CommandFlag.MOVABLEKEYS);
        r.set(flags.size());
        for (CommandFlag f : flags) r.simple(f.wireName());
        boolean legacy = !container && c.keyFinder() == null && c.firstKey() > 0;
        r.integer(legacy ? c.firstKey() : 0);
        r.integer(legacy ? c.lastKey() : 0);
        r.integer(legacy ? c.step() : 0);
        r.set(c.aclCategories().size());
        for (String cat : c.aclCategories()) r.simple("@" + cat);
        r.set(0); // tips
        keySpecs(c, r);
        if (c.subcommands().isEmpty()) {
            r.set(0); // Redis 7.0 answers an empty set here, an array when there are subcommands
        } else {
            r.array(c.subcommands().size());
            for (CommandSpec sub : c.subcommands()) entry(sub, r);
        }
    }

    /** One key spec from the table's key positions; a custom key finder is reported as "unknown". */
    private static void keySpecs(CommandSpec c, Reply r) {
        if ((c.keyFinder() == null && c.firstKey() <= 0) || !c.subcommands().isEmpty()) {
            r.set(0);
            return;
        }
        r.set(1);
        r.map(3);
        r.bulk("flags");
        boolean write = c.has(CommandFlag.WRITE);
        r.set(1);
        r.simple(write ? "RW" : "RO");
        if (c.keyFinder() != null) {
            r.bulk("begin_search");
            r.map(2);
            r.bulk("type");
            r.bulk("unknown");
            r.bulk("spec");
            r.map(0);
            r.bulk("find_keys");
            r.map(2);
            r.bulk("type");
            r.bulk("unknown");
            r.bulk("spec");
            r.map(0);
            return;
        }
        r.bulk("begin_search");
        r.map(2);
        r.bulk("type");
        r.bulk("index");
        r.bulk("spec");
        r.map(1);
        r.bulk("index");
        r.integer(c.firstKey());
        r.bulk("find_keys");
        r.map(2);
        r.bulk("type");
        r.bulk("range");
        r.bulk("spec");
        r.map(3);
        r.bulk("lastkey");
        r.integer(c.lastKey() < 0 ? c.lastKey() : c.lastKey() - c.firstKey());
        r.bulk("keystep");
        r.integer(c.step());
        r.bulk("limit");
        r.integer(0);
    }

    private static void list(Session s, CommandArgs a, Reply r) {
        List<String> names = new ArrayList<>();
        java.util.function.Predicate<CommandSpec> keep = c -> true;
        if (a.count() == 5 && a.is(2, "FILTERBY")) {
            String v = a.string(4);
            if (a.is(3, "MODULE")) keep = c -> false; // no modules
            else if (a.is(3, "ACLCAT")) keep = c -> c.aclCategories().contains(v.toLowerCase(Locale.ROOT));
            else if (a.is(3, "PATTERN")) keep = c -> Glob.matches(v, c.name());
            else throw new CommandError(io.brisk.command.Errors.SYNTAX);
        } else if (a.count() != 2) {
            throw new CommandError(io.brisk.command.Errors.SYNTAX);
        }
        for (CommandSpec c : s.server().commands.all()) {
            if (keep.test(c)) names.add(c.name());
            for (CommandSpec sub : c.subcommands()) if (keep.test(sub)) names.add(sub.name());
        }
        r.array(names.size());
        for (String n : names) r.bulk(n);
    }

    /** COMMAND GETKEYS cmd args...: the keys the dispatcher would lock for that command. */
    private static void getKeys(Session s, CommandArgs a, Reply r) {
        keys(s, a, r, false);
    }

    /** Like GETKEYS, each key with its key-spec flags (RO or RW, as COMMAND INFO reports them). */
    private static void getKeysAndFlags(Session s, CommandArgs a, Reply r) {
        keys(s, a, r, true);
    }

    private static void keys(Session s, CommandArgs a, Reply r, boolean withFlags) {
        CommandSpec c = s.server().commands.lookup(a, 2);
        if (c == null) throw new CommandError("ERR Invalid command specified");
        CommandArgs view = new CommandArgs();
        for (int i = 2; i < a.count(); i++) view.add(a.segment(i), a.offset(i), a.length(i));
        if (!c.subcommands().isEmpty() && view.count() > 1) {
            for (CommandSpec sub : c.subcommands()) {
                if (sub.name().substring(sub.name().indexOf('|') + 1).equalsIgnoreCase(view.string(1))) c = sub;
            }
        }
        if (!c.arityOk(view.count())) throw new CommandError("ERR Invalid number of arguments specified for command");
        IntList keys = new IntList();
        c.keyIndexes(view, keys);
        if (keys.size() == 0) throw new CommandError("ERR The command has no key arguments");
        r.array(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            int k = keys.get(i);
            if (withFlags) r.array(2);
            r.bulk(view.segment(k), view.offset(k), view.length(k));
            if (withFlags) {
                r.set(1);
                r.simple(c.has(CommandFlag.WRITE) ? "RW" : "RO");
            }
        }
    }

    private static void docs(Session s, CommandArgs a, Reply r) {
        List<CommandSpec> found = new ArrayList<>();
        if (a.count() == 2) {
            found.addAll(s.server().commands.all());
        } else {
            for (int i = 2; i < a.count(); i++) {
                CommandSpec c = find(s.server().commands, a.string(i));
                if (c != null) found.add(c);
            }
        }
        r.map(found.size());
        for (CommandSpec c : found) {
            r.bulk(c.name());
            doc(c, r);
        }
    }

    private static void doc(CommandSpec c, Reply r) {
        boolean subs = !c.subcommands().isEmpty();
        r.map(subs ? 4 : 3);
        r.bulk("summary");
        r.bulk(c.summary());
        r.bulk("since");
        r.bulk(c.since());
        r.bulk("group");
        r.bulk(c.group());
        if (subs) {
            r.bulk("subcommands");
            r.map(c.subcommands().size());
            for (CommandSpec sub : c.subcommands()) {
                r.bulk(sub.name());
                doc(sub, r);
            }
        }
    }
}
