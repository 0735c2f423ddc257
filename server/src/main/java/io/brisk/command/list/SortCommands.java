package io.brisk.command.list;

import io.brisk.command.CommandSpec;
import java.util.List;

/** SORT commands. */
public final class SortCommands {
    private SortCommands() {}

    public static List<CommandSpec> specs() {
        return List.of();
    }
}
