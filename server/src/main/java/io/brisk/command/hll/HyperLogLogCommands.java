package io.brisk.command.hll;

import io.brisk.command.CommandSpec;
import java.util.List;

/** HyperLogLog commands. */
public final class HyperLogLogCommands {
    private HyperLogLogCommands() {}

    public static List<CommandSpec> specs() {
        return List.of();
    }
}
