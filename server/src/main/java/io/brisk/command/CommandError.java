package io.brisk.command;

/**
 * Thrown by a handler (or a helper it calls) to answer with an error and stop: WRONGTYPE, not an
 * integer... The message is the whole error line, code included. No stack trace is filled in.
 */
public final class CommandError extends RuntimeException {
    public CommandError(String message) {
        super(message, null, false, false);
    }
}
