package io.brisk.command.server;

import static io.brisk.command.CommandFlag.ADMIN;
import static io.brisk.command.CommandFlag.FAST;
import static io.brisk.command.CommandFlag.LOADING;
import static io.brisk.command.CommandFlag.NOSCRIPT;
import static io.brisk.command.CommandFlag.NO_MULTI;
import static io.brisk.command.CommandFlag.STALE;

import io.brisk.command.CommandError;
import io.brisk.command.CommandSpec;
import io.brisk.command.Errors;
import io.brisk.command.Session;
import io.brisk.protocol.CommandArgs;
import io.brisk.protocol.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * Server commands: TIME and SHUTDOWN here; CLIENT, INFO, CONFIG, COMMAND, MEMORY and DEBUG each in a
 * file of their own beside this one, collected into one table.
 */
public final class ServerCommands {
    private ServerCommands() {}

    public static List<CommandSpec> specs() {
        List<CommandSpec> all = new ArrayList<>();
        all.add(CommandSpec.of("time", 1, ServerCommands::time).flags(LOADING, STALE, FAST).acl("fast")
                .group("server").doc("Returns the server time.", "2.6.0").build());
        all.add(CommandSpec.of("shutdown", -1, ServerCommands::shutdown).flags(ADMIN, NOSCRIPT, LOADING, STALE, NO_MULTI)
                .acl("admin", "slow", "dangerous").group("server")
                .doc("Synchronously saves the database(s) to disk and shuts down the Redis server.", "1.0.0").build());
        all.addAll(ClientCommands.specs());
        all.addAll(InfoCommand.specs());
        all.addAll(ConfigCommand.specs());
        all.addAll(CommandIntrospection.specs());
        all.addAll(MemoryCommand.specs());
        all.addAll(DebugCommand.specs());
        return all;
    }

    private static void time(Session s, CommandArgs a, Reply r) {
        java.time.Instant now = java.time.Instant.now();
        r.array(2);
        r.bulkLong(now.getEpochSecond());
        r.bulkLong(now.getNano() / 1000);
    }

    /**
     * SHUTDOWN [NOSAVE|SAVE] [NOW] [FORCE] [ABORT]. Brisk has no snapshot on shutdown yet, so SAVE
     * (asking for one) is refused rather than silently skipped; the default and NOSAVE stop at once.
     */
    private static void shutdown(Session s, CommandArgs a, Reply r) {
        boolean save = false, nosave = false, abort = false;
        for (int i = 1; i < a.count(); i++) {
            if (a.is(i, "NOSAVE")) nosave = true;
            else if (a.is(i, "SAVE")) save = true;
            else if (a.is(i, "NOW") || a.is(i, "FORCE")) continue;
            else if (a.is(i, "ABORT")) abort = true;
            else throw new CommandError(Errors.SYNTAX);
        }
        if ((save && nosave) || (abort && a.count() > 2)) throw new CommandError(Errors.SYNTAX);
        if (abort) throw new CommandError("ERR No shutdown in progress.");
        if (save) throw new CommandError("ERR Errors trying to SHUTDOWN. Check logs.");
        s.connection().closeAfterReply();
        Thread.ofPlatform().name("brisk-shutdown-command").start(() -> s.server().shutdownAction.run());
    }
}
