package io.brisk.command.bitmap;

import io.brisk.command.CommandSpec;
import java.util.List;

/** Bitmaps commands. */
public final class BitmapCommands {
    private BitmapCommands() {}

    public static List<CommandSpec> specs() {
        return List.of();
    }
}
