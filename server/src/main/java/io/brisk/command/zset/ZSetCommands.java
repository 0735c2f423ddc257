package io.brisk.command.zset;

import io.brisk.command.CommandSpec;
import java.util.List;

/** Sorted sets commands. */
public final class ZSetCommands {
    private ZSetCommands() {}

    public static List<CommandSpec> specs() {
        return List.of();
    }
}
