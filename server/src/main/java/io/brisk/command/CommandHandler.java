package io.brisk.command;

import io.brisk.protocol.CommandArgs;
import io.brisk.protocol.Reply;

/** Runs one command. The key slots named by the command's spec are locked around the call. */
@FunctionalInterface
public interface CommandHandler {
    void execute(Session session, CommandArgs args, Reply reply);
}
