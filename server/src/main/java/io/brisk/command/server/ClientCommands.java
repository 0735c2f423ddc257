package io.brisk.command.server;

import static io.brisk.command.CommandFlag.LOADING;
import static io.brisk.command.CommandFlag.NOSCRIPT;
import static io.brisk.command.CommandFlag.STALE;
import static io.brisk.command.server.Subcommands.sub;

import io.brisk.command.CommandError;
import io.brisk.command.CommandSpec;
import io.brisk.command.Connection;
import io.brisk.command.Errors;
import io.brisk.command.ServerContext;
import io.brisk.command.Session;
import io.brisk.protocol.CommandArgs;
import io.brisk.protocol.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** CLIENT and its subcommands, with Redis 7's replies and CLIENT LIST fields. */
public final class ClientCommands {
    private ClientCommands() {}

    public static List<CommandSpec> specs() {
        List<CommandSpec> subs = List.of(
                sub("client", "id", 2, (s, a, r) -> r.integer(s.id())).flags(NOSCRIPT, LOADING, STALE).acl("slow", "connection")
                        .group("connection").doc("Returns the unique client ID of the connection.", "5.0.0").build(),
                sub("client", "setname", 3, ClientCommands::setName).flags(NOSCRIPT, LOADING, STALE).acl("slow", "connection")
                        .group("connection").doc("Sets the connection name.", "2.6.9").build(),
                sub("client", "getname", 2, (s, a, r) -> { if (s.name().isEmpty()) r.nullBulk(); else r.bulk(s.name()); })
                        .flags(NOSCRIPT, LOADING, STALE).acl("slow", "connection").group("connection")
                        .doc("Returns the name of the connection.", "2.6.9").build(),
                sub("client", "list", -2, ClientCommands::list).flags(io.brisk.command.CommandFlag.ADMIN, NOSCRIPT, LOADING, STALE)
                        .acl("admin", "slow", "dangerous", "connection").group("connection")
                        .doc("Lists open connections.", "2.4.0").build(),
                sub("client", "info", 2, (s, a, r) -> r.verbatim(describe(s, a) + "\n")).flags(NOSCRIPT, LOADING, STALE)
                        .acl("slow", "connection").group("connection")
                        .doc("Returns information about the connection.", "6.2.0").build(),
                sub("client", "kill", -3, ClientCommands::kill).flags(io.brisk.command.CommandFlag.ADMIN, NOSCRIPT, LOADING, STALE)
                        .acl("admin", "slow", "dangerous", "connection").group("connection")
                        .doc("Terminates open connections.", "2.4.0").build(),
                sub("client", "setinfo", 4, ClientCommands::setInfo).flags(NOSCRIPT, LOADING, STALE).acl("slow", "connection")
                        .group("connection").doc("Sets information specific to the client or connection.", "7.2.0").build(),
                sub("client", "reply", 3, ClientCommands::reply).flags(NOSCRIPT, LOADING, STALE).acl("slow", "connection")
                        .group("connection").doc("Instructs the server whether to reply to commands.", "3.2.0").build(),
                sub("client", "no-evict", 3, (s, a, r) -> { s.noEvict = onOff(a); r.ok(); })
                        .flags(io.brisk.command.CommandFlag.ADMIN, NOSCRIPT, LOADING, STALE).acl("admin", "slow", "dangerous", "connection")
                        .group("connection").doc("Sets the client eviction mode of the connection.", "7.0.0").build(),
                sub("client", "no-touch", 3, (s, a, r) -> { s.noTouch = onOff(a); r.ok(); }).flags(NOSCRIPT, LOADING, STALE)
                        .acl("slow", "connection").group("connection")
                        .doc("Controls whether commands sent by the client affect the LRU/LFU of accessed keys.", "7.2.0").build(),
                sub("client", "pause", -3, ClientCommands::pause).flags(io.brisk.command.CommandFlag.ADMIN, NOSCRIPT, LOADING, STALE)
                        .acl("admin", "slow", "dangerous", "connection").group("connection")
                        .doc("Suspends commands processing.", "3.0.0").build(),
                sub("client", "unpause", 2, (s, a, r) -> { s.server().pausedUntil = 0; s.server().pauseWritesOnly = false; r.ok(); })
                        .flags(io.brisk.command.CommandFlag.ADMIN, NOSCRIPT, LOADING, STALE).acl("admin", "slow", "dangerous", "connection")
                        .group("connection").doc("Resumes processing commands from paused clients.", "6.2.0").build(),
                sub("client", "unblock", -3, ClientCommands::unblock)
                        .flags(io.brisk.command.CommandFlag.ADMIN, NOSCRIPT, LOADING, STALE).acl("admin", "slow", "dangerous", "connection")
                        .group("connection").doc("Unblocks a client blocked by a blocking command from a different connection.", "5.0.0").build(),
                sub("client", "getredir", 2, (s, a, r) -> r.integer(-1)).flags(NOSCRIPT, LOADING, STALE).acl("slow", "connection")
                        .group("connection").doc("Returns the client ID to which the connection's tracking notifications are redirected.", "6.0.0").build(),
                sub("client", "help", 2, (s, a, r) -> help(r)).flags(LOADING, STALE).acl("slow", "connection")
                        .group("connection").doc("Returns helpful text about the different subcommands.", "5.0.0").build());
        return List.of(CommandSpec.of("client", -2, Subcommands.router("client", subs)).acl("slow").group("connection")
                .doc("A container for client connection commands.", "2.4.0").subcommands(subs.toArray(CommandSpec[]::new)).build());
    }

    /** Names (client names, lib-name, lib-ver) may hold only printable characters without spaces. */
    static void checkName(String name, String what) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '!' || c > '~') throw new CommandError("ERR " + what + " cannot contain spaces, newlines or special characters.");
        }
    }

    private static void setName(Session s, CommandArgs a, Reply r) {
        String name = a.string(2);
        checkName(name, "Client names");
        s.name(name);
        r.ok();
    }

    private static void setInfo(Session s, CommandArgs a, Reply r) {
        String value = a.string(3);
        if (a.is(2, "LIB-NAME")) {
            checkName(value, "lib-name");
            s.libName(value);
        } else if (a.is(2, "LIB-VER")) {
            checkName(value, "lib-ver");
            s.libVersion(value);
        } else {
            throw new CommandError("ERR Unrecognized option '" + a.string(2) + "'");
        }
        r.ok();
    }

    private static boolean onOff(CommandArgs a) {
        if (a.is(2, "ON")) return true;
        if (a.is(2, "OFF")) return false;
        throw new CommandError(Errors.SYNTAX);
    }

    /** OFF and SKIP answer nothing (the connection drops replies while replyMode says so). */
    private static void reply(Session s, CommandArgs a, Reply r) {
        if (a.is(2, "ON")) {
            s.replyMode = Session.ReplyMode.ON;
            r.ok();
        } else if (a.is(2, "OFF")) {
            s.replyMode = Session.ReplyMode.OFF;
        } else if (a.is(2, "SKIP")) {
            if (s.replyMode != Session.ReplyMode.OFF) s.replyMode = Session.ReplyMode.SKIP;
        } else {
            throw new CommandError(Errors.SYNTAX);
        }
    }

    /**
     * CLIENT UNBLOCK id [TIMEOUT|ERROR]: ends another client's blocking wait as if it timed out (its
     * command's timeout reply) or with the UNBLOCKED error. :1 if it was blocked, :0 otherwise.
     */
    private static void unblock(Session s, CommandArgs a, Reply r) {
        long id;
        try {
            id = a.longValue(2);
        } catch (NumberFormatException e) {
            throw new CommandError(Errors.NOT_INTEGER);
        }
        boolean error = false;
        if (a.count() == 4) {
            if (a.is(3, "ERROR")) error = true;
            else if (!a.is(3, "TIMEOUT")) throw new CommandError("ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR");
        } else if (a.count() > 4) {
            throw wrongArgs(a);
        }
        r.integer(io.brisk.command.blocking.BlockingKeys.unblock(s.server(), id, error) ? 1 : 0);
    }

    /** What Redis answers when a CLIENT subcommand gets more arguments than its forms take. */
    private static CommandError wrongArgs(CommandArgs a) {
        return new CommandError("ERR unknown subcommand or wrong number of arguments for '" + a.string(1) + "'. Try CLIENT HELP.");
    }

    /** CLIENT PAUSE timeout [WRITE|ALL]: a longer or stricter pause already in force is kept. */
    private static void pause(Session s, CommandArgs a, Reply r) {
        long timeout;
        try {
            timeout = a.longValue(2);
        } catch (NumberFormatException e) {
            throw new CommandError("ERR timeout is not an integer or out of range");
        }
        if (timeout < 0) throw new CommandError("ERR timeout is negative");
        boolean writesOnly = false;
        if (a.count() == 4) {
            if (a.is(3, "WRITE")) writesOnly = true;
            else if (!a.is(3, "ALL")) throw new CommandError("ERR CLIENT PAUSE mode must be WRITE or ALL");
        } else if (a.count() > 4) {
            throw wrongArgs(a);
        }
        ServerContext sc = s.server();
        long now = System.currentTimeMillis();
        long end = now + timeout;
        boolean active = sc.pausedUntil > now;
        if (!active) {
            sc.pauseWritesOnly = writesOnly;
        } else if (!writesOnly) {
            sc.pauseWritesOnly = false;
        }
        if (!active || end > sc.pausedUntil) sc.pausedUntil = end;
        r.ok();
    }

    private static void list(Session s, CommandArgs a, Reply r) {
        Predicate<Session> filter = x -> true;
        if (a.count() > 2) {
            if (a.is(2, "TYPE") && a.count() == 4) {
                String type = a.string(3).toLowerCase();
                switch (type) {
                    case "normal" -> { }
                    case "master", "replica", "slave", "pubsub" -> filter = x -> false; // none of these yet
                    default -> throw new CommandError("ERR Unknown client type '" + a.string(3) + "'");
                }
            } else if (a.is(2, "ID") && a.count() >= 4) {
                List<Long> ids = new ArrayList<>();
                for (int i = 3; i < a.count(); i++) {
                    long id;
                    try {
                        id = a.longValue(i);
                    } catch (NumberFormatException e) {
                        throw new CommandError("ERR Invalid client ID");
                    }
                    if (id <= 0) throw new CommandError("ERR Invalid client ID");
                    ids.add(id);
                }
                filter = x -> ids.contains(x.id());
            } else {
                throw new CommandError(Errors.SYNTAX);
            }
        }
        List<Session> all = new ArrayList<>(s.server().clients.all());
        all.sort((x, y) -> Long.compare(x.id(), y.id()));
        StringBuilder sb = new StringBuilder();
        for (Session x : all) if (filter.test(x)) sb.append(describe(x, x == s ? a : null)).append('\n');
        r.verbatim(sb.toString());
    }

    /** One CLIENT LIST line, fields in Redis 7's order. args is the running command for the caller itself. */
    public static String describe(Session x, CommandArgs args) {
        Connection c = x.connection();
        long now = System.currentTimeMillis();
        long argvMem = 0;
        if (args != null) for (int i = 0; i < args.count(); i++) argvMem += args.length(i);
        long qbuf = c.queryBufferBytes();
        long qfree = c.queryBufferFree();
        long omem = c.outputBytes();
        String flags = (c.isUnixSocket() ? "U" : "") + (x.noEvict ? "e" : "") + (x.noTouch ? "T" : "");
        if (flags.isEmpty()) flags = "N";
        return "id=" + x.id() + " addr=" + c.remoteAddress() + " laddr=" + c.localAddress() + " fd=" + c.fd()
                + " name=" + x.name() + " age=" + (now - x.createdMillis()) / 1000
                + " idle=" + (now - x.lastInteractionMillis()) / 1000 + " flags=" + flags + " db=" + x.dbIndex()
                + " sub=0 psub=0 ssub=0 multi=-1 qbuf=" + qbuf + " qbuf-free=" + qfree + " argv-mem=" + argvMem
                + " multi-mem=0 obl=0 oll=0 omem=" + omem + " tot-mem=" + (qbuf + qfree + omem + argvMem)
                + " events=" + (omem > 0 ? "rw" : "r") + " cmd=" + x.lastCommand() + " user=" + x.user()
                + " redir=-1 resp=" + x.protocol() + " lib-name=" + x.libName() + " lib-ver=" + x.libVersion();
    }

    private static void kill(Session s, CommandArgs a, Reply r) {
        if (a.count() == 3) { // old form: CLIENT KILL addr:port
            String addr = a.string(2);
            for (Session x : s.server().clients.all()) {
                if (x.connection().remoteAddress().equals(addr)) {
                    close(s, x);
                    r.ok();
                    return;
                }
            }
            throw new CommandError("ERR No such client");
        }
        List<Predicate<Session>> filters = new ArrayList<>();
        boolean skipMe = true;
        if ((a.count() - 2) % 2 != 0) throw new CommandError(Errors.SYNTAX);
        for (int i = 2; i < a.count(); i += 2) {
            String v = a.string(i + 1);
            if (a.is(i, "ID")) {
                long id;
                try {
                    id = a.longValue(i + 1);
                } catch (NumberFormatException e) {
                    throw new CommandError("ERR client-id should be greater than 0");
                }
                if (id <= 0) throw new CommandError("ERR client-id should be greater than 0");
                filters.add(x -> x.id() == id);
            } else if (a.is(i, "TYPE")) {
                switch (v.toLowerCase()) {
                    case "normal" -> { }
                    case "master", "replica", "slave", "pubsub" -> filters.add(x -> false);
                    default -> throw new CommandError("ERR Unknown client type '" + v + "'");
                }
            } else if (a.is(i, "ADDR")) {
                filters.add(x -> x.connection().remoteAddress().equals(v));
            } else if (a.is(i, "LADDR")) {
                filters.add(x -> x.connection().localAddress().equals(v));
            } else if (a.is(i, "USER")) {
                if (!v.equals("default")) throw new CommandError("ERR No such user '" + v + "'");
                filters.add(x -> x.user().equals(v));
            } else if (a.is(i, "SKIPME")) {
                if (v.equalsIgnoreCase("yes")) skipMe = true;
                else if (v.equalsIgnoreCase("no")) skipMe = false;
                else throw new CommandError(Errors.SYNTAX);
            } else if (a.is(i, "MAXAGE")) {
                long maxAge;
                try {
                    maxAge = a.longValue(i + 1);
                } catch (NumberFormatException e) {
                    throw new CommandError(Errors.NOT_INTEGER);
                }
                long now = System.currentTimeMillis();
                filters.add(x -> (now - x.createdMillis()) / 1000 >= maxAge);
            } else {
                throw new CommandError(Errors.SYNTAX);
            }
        }
        int killed = 0;
        for (Session x : new ArrayList<>(s.server().clients.all())) {
            if (skipMe && x == s) continue;
            boolean match = true;
            for (Predicate<Session> f : filters) match &= f.test(x);
            if (match) {
                close(s, x);
                killed++;
            }
        }
        r.integer(killed);
    }

    /** The caller itself is closed once its reply is out; others are closed at once. */
    private static void close(Session caller, Session target) {
        if (target == caller) target.connection().closeAfterReply();
        else target.connection().kill();
    }

    private static void help(Reply r) {
        Subcommands.help(r, "CLIENT",
                "GETNAME", "    Return the name of the current connection.",
                "GETREDIR", "    Return the client ID we are redirecting to when tracking is enabled.",
                "ID", "    Return the ID of the current connection.",
                "INFO", "    Return information about the current client connection.",
                "KILL <ip:port>", "    Kill connection made from <ip:port>.",
                "KILL <option> <value> [<option> <value> [...]]",
                "    Kill connections. Options are:",
                "    * ADDR (<ip:port>|<unixsocket>:0)", "      Kill connections made from the specified address",
                "    * LADDR (<ip:port>|<unixsocket>:0)", "      Kill connections made to specified local address",
                "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)", "      Kill connections by type.",
                "    * USER <username>", "      Kill connections authenticated by <username>.",
                "    * SKIPME (YES|NO)", "      Skip killing current connection (default: yes).",
                "    * ID <client-id>", "      Kill connections by client id.",
                "    * MAXAGE <maxage>", "      Kill connections older than the specified age.",
                "LIST [options ...]", "    Return information about client connections. Options:",
                "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)", "      Return clients of specified type.",
                "    * ID <client-id> [<client-id> ...]", "      Return clients with specified IDs.",
                "UNPAUSE", "    Stop the current client pause, resuming traffic.",
                "PAUSE <timeout> [WRITE|ALL]", "    Suspend all, or just write, clients for <timeout> milliseconds.",
                "REPLY (ON|OFF|SKIP)", "    Control the replies sent to the current connection.",
                "SETNAME <name>", "    Assign the name <name> to the current connection.",
                "SETINFO <LIB-NAME|LIB-VER> <value>", "    Set client library name or version.",
                "UNBLOCK <clientid> [TIMEOUT|ERROR]", "    Unblock the specified blocked client.",
                "NO-EVICT (ON|OFF)", "    Protect current client connection from eviction.",
                "NO-TOUCH (ON|OFF)", "    Will not touch LRU/LFU stats when this mode is on.");
    }
}
