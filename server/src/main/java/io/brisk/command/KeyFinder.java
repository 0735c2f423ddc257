package io.brisk.command;

import io.brisk.protocol.CommandArgs;

/** For commands whose key positions depend on their arguments (LMPOP numkeys, SORT ... STORE). */
@FunctionalInterface
public interface KeyFinder {
    /** Writes the argument indexes of the keys into out and returns how many (out may be too small: grow). */
    int keys(CommandArgs args, IntList out);
}
