package io.brisk.command.server;

import io.brisk.command.CommandSpec;
import java.util.List;

/** Server commands: INFO CONFIG TIME MEMORY DEBUG SHUTDOWN COMMAND. */
public final class ServerCommands {
    private ServerCommands() {}

    public static List<CommandSpec> specs() {
        return List.of();
    }
}
