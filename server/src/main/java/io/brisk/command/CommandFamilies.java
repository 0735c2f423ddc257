package io.brisk.command;

import io.brisk.command.bitmap.BitmapCommands;
import io.brisk.command.hash.HashCommands;
import io.brisk.command.hll.HyperLogLogCommands;
import io.brisk.command.keys.KeyCommands;
import io.brisk.command.list.ListCommands;
import io.brisk.command.list.SortCommands;
import io.brisk.command.server.ConnectionCommands;
import io.brisk.command.server.ServerCommands;
import io.brisk.command.set.SetCommands;
import io.brisk.command.string.StringCommands;
import io.brisk.command.zset.ZSetCommands;

/** Every RESP command family, one line each. */
public final class CommandFamilies {
    private CommandFamilies() {}

    public static void registerAll(CommandTable t) {
        t.registerAll(ConnectionCommands.specs());
        t.registerAll(ServerCommands.specs());
        t.registerAll(StringCommands.specs());
        t.registerAll(KeyCommands.specs());
        t.registerAll(ListCommands.specs());
        t.registerAll(HashCommands.specs());
        t.registerAll(SetCommands.specs());
        t.registerAll(ZSetCommands.specs());
        t.registerAll(BitmapCommands.specs());
        t.registerAll(HyperLogLogCommands.specs());
        t.registerAll(SortCommands.specs());
    }
}
