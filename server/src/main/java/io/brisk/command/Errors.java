package io.brisk.command;

/** Error replies with Redis's exact wording. */
public final class Errors {
    private Errors() {}

    public static final String SYNTAX = "ERR syntax error";
    public static final String WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";
    public static final String NOT_INTEGER = "ERR value is not an integer or out of range";
    public static final String NOT_FLOAT = "ERR value is not a valid float";
    public static final String OVERFLOW = "ERR increment or decrement would overflow";
    public static final String NO_SUCH_KEY = "ERR no such key";
    public static final String DB_INDEX = "ERR DB index is out of range";
    public static final String NOAUTH = "NOAUTH Authentication required.";
    public static final String WRONGPASS = "WRONGPASS invalid username-password pair or user is disabled.";
    public static final String OOM = "OOM command not allowed when used memory > 'maxmemory'.";
    public static final String INVALID_EXPIRE = "ERR invalid expire time in '%s' command";

    public static String arity(String cmd) {
        return "ERR wrong number of arguments for '" + cmd + "' command";
    }

    public static String invalidExpire(String cmd) {
        return String.format(INVALID_EXPIRE, cmd);
    }
}
