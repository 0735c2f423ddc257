package io.brisk.protocol;

/** Input that breaks the protocol: the connection gets the message as an error and is closed. */
public final class ProtocolException extends RuntimeException {
    public ProtocolException(String message) {
        super(message, null, false, false);
    }
}
