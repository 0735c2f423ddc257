package io.brisk.config;

/** A parameter name or value that is not accepted; the message is what the user sees. */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }
}
