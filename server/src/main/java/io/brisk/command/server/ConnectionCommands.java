package io.brisk.command.server;

import static io.brisk.command.CommandFlag.FAST;
import static io.brisk.command.CommandFlag.LOADING;
import static io.brisk.command.CommandFlag.NO_AUTH;
import static io.brisk.command.CommandFlag.STALE;

import io.brisk.command.CommandSpec;
import io.brisk.command.Errors;
import io.brisk.command.Session;
import io.brisk.protocol.CommandArgs;
import io.brisk.protocol.Reply;
import java.util.List;

/** Connection commands: PING ECHO QUIT SELECT (HELLO AUTH RESET CLIENT to come). */
public final class ConnectionCommands {
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
                        .group("connection").doc("Changes the selected database.", "2.0.0").build());
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
}
