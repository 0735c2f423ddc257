package io.brisk.command.hash;

import io.brisk.command.CommandSpec;
import java.util.List;

/** Hashes commands. */
public final class HashCommands {
    private HashCommands() {}

    public static List<CommandSpec> specs() {
        return List.of();
    }
}
