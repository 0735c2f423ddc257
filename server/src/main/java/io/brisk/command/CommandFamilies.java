package io.brisk.command;

import io.brisk.command.keys.KeyCommands;
import io.brisk.command.server.ConnectionCommands;
import io.brisk.command.server.ServerCommands;
import io.brisk.command.string.StringCommands;

/** Every command family, one line each. */
public final class CommandFamilies {
    private CommandFamilies() {}

    public static void registerAll(CommandTable t) {
        t.registerAll(ConnectionCommands.specs());
        t.registerAll(ServerCommands.specs());
        t.registerAll(StringCommands.specs());
        t.registerAll(KeyCommands.specs());
    }
}
