package io.brisk.command.keys;

import io.brisk.command.CommandSpec;
import java.util.List;

/** Generic key commands. */
public final class KeyCommands {
    private KeyCommands() {}

    public static List<CommandSpec> specs() {
        return List.of();
    }
}
