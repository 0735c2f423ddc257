package io.brisk.command.set;

import io.brisk.command.CommandSpec;
import java.util.List;

/** Sets commands. */
public final class SetCommands {
    private SetCommands() {}

    public static List<CommandSpec> specs() {
        return List.of();
    }
}
