package io.brisk.command.server;

import static io.brisk.command.CommandFlag.FAST;
import static io.brisk.command.CommandFlag.LOADING;
import static io.brisk.command.CommandFlag.NO_AUTH;
import static io.brisk.command.CommandFlag.NOSCRIPT;
import static io.brisk.command.CommandFlag.STALE;

import io.brisk.command.CommandError;
import io.brisk.command.CommandSpec;
import io.brisk.command.Errors;
import io.brisk.command.Session;
import io.brisk.protocol.CommandArgs;
import io.brisk.protocol.Reply;
import io.brisk.protocol.resp.RespWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/** Connection commands: PING ECHO QUIT SELECT AUTH HELLO RESET (CLIENT is in ClientCommands). */
public final class ConnectionCommands {
    /** The Redis version Brisk answers as (clients pick features by it). */
    public static final String REDIS_VERSION = "7.0.15";

    private ConnectionCommands() {}

    public static List<CommandSpec> specs() {
        return List.of(
                CommandSpec.of("ping", -1, ConnectionCommands::ping).flags(FAST, STALE).acl("fast", "connection")
                        .group("connection").doc("Returns the server's liveliness response.", "1.0.0").build(),
                CommandSpec.of("echo", 2, (s, a, r) -> r.bulk(a.segment(1), a.offset(1), a.length(1))).flags(FAST, LOADING, STALE)
                        .acl("fast", "connection").group("connection").doc("Returns the given string.", "1.0.0").build(),
                CommandSpec.of("quit", -1, (s, a, r) -> { r.ok(); s.connection().closeAfterReply(); })
                        .flags(NO_AUTH, FAST, LOADING, STALE).acl("fast", "connection").group("connection")
                        .doc("Closes the connection.", "1.0.0").build(),
                CommandSpec.of("select", 2, ConnectionCommands::select).flags(FAST, LOADING, STALE).acl("fast", "connection")
                        .group("connection").doc("Changes the selected database.", "2.0.0").build(),
                CommandSpec.of("auth", -2, ConnectionCommands::auth).flags(NOSCRIPT, LOADING, STALE, FAST, NO_AUTH)
                        .acl("fast", "connection").group("connection").doc("Authenticates the connection.", "1.0.0").build(),
                CommandSpec.of("hello", -1, ConnectionCommands::hello).flags(NOSCRIPT, LOADING, STALE, FAST, NO_AUTH)
                        .acl("fast", "connection").group("connection").doc("Handshakes with the Redis server.", "6.0.0").build(),
                CommandSpec.of("reset", 1, ConnectionCommands::reset).flags(NOSCRIPT, LOADING, STALE, FAST, NO_AUTH)
                        .acl("fast", "connection").group("connection").doc("Resets the connection.", "6.2.0").build());
    }

    private static void ping(Session s, CommandArgs a, Reply r) {
        if (a.count() > 2) {
            r.error(Errors.arity("ping"));
        } else if (a.count() == 2) {
            r.bulk(a.segment(1), a.offset(1), a.length(1));
        } else {
            r.simple("PONG");
        }
    }

    private static void select(Session s, CommandArgs a, Reply r) {
        long db;
        try {
            db = a.longValue(1);
        } catch (NumberFormatException e) {
            r.error(Errors.NOT_INTEGER);
            return;
        }
        if (db < 0 || db >= s.server().keyspace.databases()) {
            r.error(Errors.DB_INDEX);
            return;
        }
        s.select((int) db);
        r.ok();
    }

    private static void auth(Session s, CommandArgs a, Reply r) {
        if (a.count() > 3) throw new CommandError(Errors.SYNTAX);
        String requirepass = s.server().config.get("requirepass");
        if (a.count() == 2 && requirepass.isEmpty()) {
            throw new CommandError("ERR AUTH <password> called without any password configured for the default user. "
                    + "Are you sure your configuration is correct?");
        }
        String user = a.count() == 3 ? a.string(1) : "default";
        if (!authenticate(s, user, a.bytes(a.count() - 1))) throw new CommandError(Errors.WRONGPASS);
        r.ok();
    }

    /**
     * The only user is "default": with no requirepass it is "nopass" (any password is accepted),
     * otherwise its password is requirepass. Failure leaves the session as it was.
     */
    static boolean authenticate(Session s, String user, byte[] password) {
        if (!"default".equals(user)) return false;
        String requirepass = s.server().config.get("requirepass");
        if (!requirepass.isEmpty()
                && !MessageDigest.isEqual(requirepass.getBytes(StandardCharsets.UTF_8), password)) {
            return false;
        }
        s.user(user);
        s.authenticated(true);
        return true;
    }

    private static void hello(Session s, CommandArgs a, Reply r) {
        int version = 0;
        int next = 1;
        if (a.count() >= 2) {
            long v;
            try {
                v = a.longValue(1);
            } catch (NumberFormatException e) {
                throw new CommandError("ERR Protocol version is not an integer or out of range");
            }
            if (v < 2 || v > 3) throw new CommandError("NOPROTO unsupported protocol version");
            version = (int) v;
            next = 2;
        }
        String user = null;
        byte[] password = null;
        String name = null;
        for (int j = next; j < a.count(); j++) {
            int more = a.count() - 1 - j;
            if (a.is(j, "AUTH") && more >= 2) {
                user = a.string(j + 1);
                password = a.bytes(j + 2);
                j += 2;
            } else if (a.is(j, "SETNAME") && more >= 1) {
                name = a.string(j + 1);
                j++;
            } else {
                throw new CommandError("ERR Syntax error in HELLO option '" + a.string(j) + "'");
            }
        }
        if (user != null && !authenticate(s, user, password)) throw new CommandError(Errors.WRONGPASS);
        if (!s.authenticated()) {
            throw new CommandError("NOAUTH HELLO must be called with the client already authenticated, otherwise the "
                    + "HELLO <proto> AUTH <user> <pass> option can be used to authenticate the client and select the RESP "
                    + "protocol version at the same time");
        }
        if (name != null) {
            ClientCommands.checkName(name, "Client names");
            s.name(name);
        }
        if (version != 0) {
            s.protocol(version);
            if (r instanceof RespWriter w) w.protocol(version); // this reply already speaks the new protocol
        }
        r.map(7);
        r.bulk("server");
        r.bulk("redis");
        r.bulk("version");
        r.bulk(REDIS_VERSION);
        r.bulk("proto");
        r.integer(s.protocol());
        r.bulk("id");
        r.integer(s.id());
        r.bulk("mode");
        r.bulk("standalone");
        r.bulk("role");
        r.bulk("master");
        r.bulk("modules");
        r.array(0);
    }

    /** RESET: back to a fresh connection's state (db 0, RESP2, no name, default user, replies on). */
    private static void reset(Session s, CommandArgs a, Reply r) {
        s.select(0);
        s.protocol(2);
        s.name("");
        s.replyMode = Session.ReplyMode.ON;
        s.noEvict = false;
        s.noTouch = false;
        s.user("default");
        s.authenticated(s.server().config.get("requirepass").isEmpty());
        if (r instanceof RespWriter w) w.protocol(2);
        r.simple("RESET");
    }
}
