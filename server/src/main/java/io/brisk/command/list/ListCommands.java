package io.brisk.command.list;

import io.brisk.command.CommandSpec;
import java.util.List;

/** Lists commands. */
public final class ListCommands {
    private ListCommands() {}

    public static List<CommandSpec> specs() {
        return List.of();
    }
}
