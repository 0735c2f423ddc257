package io.brisk.util;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The server log, as Redis writes it: one line per message, {@code pid:M dd Mon yyyy HH:mm:ss.SSS
 * <mark> message} where the mark is {@code .} debug, {@code -} verbose, {@code *} notice,
 * {@code #} warning. Messages below the configured level (loglevel) are dropped; {@code nothing}
 * drops all. Lines go to stdout, or are appended to the logfile, which is opened for each line as
 * Redis does, so a rotated file is picked up without a signal.
 */
public final class Log {
    public enum Level {
        DEBUG('.'), VERBOSE('-'), NOTICE('*'), WARNING('#'), NOTHING(' ');

        final char mark;

        Level(char mark) {
            this.mark = mark;
        }

        /** The level named as in redis.conf (debug, verbose, notice, warning, nothing). */
        public static Level of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm:ss.SSS", Locale.ENGLISH);
    private static final long PID = ProcessHandle.current().pid();

    private static volatile Level level = Level.NOTICE;
    /** Empty: stdout. */
    private static volatile String file = "";

    private Log() {}

    public static void level(Level l) { level = l; }
    public static Level level() { return level; }

    /** Where lines go from now on: a file path (appended to), or "" for stdout. */
    public static void file(String path) { file = path; }

    /** True when a message of this level would be written (to skip building one that would not). */
    public static boolean enabled(Level l) {
        return l != Level.NOTHING && l.ordinal() >= level.ordinal();
    }

    public static void debug(String message) { log(Level.DEBUG, message); }
    public static void verbose(String message) { log(Level.VERBOSE, message); }
    public static void notice(String message) { log(Level.NOTICE, message); }
    public static void warning(String message) { log(Level.WARNING, message); }

    /** A warning with the stack trace of what caused it (an unexpected exception). */
    public static void warning(String message, Throwable cause) {
        if (!enabled(Level.WARNING)) return;
        java.io.StringWriter sw = new java.io.StringWriter();
        cause.printStackTrace(new java.io.PrintWriter(sw));
        log(Level.WARNING, message + "\n" + sw.toString().stripTrailing());
    }

    public static void log(Level l, String message) {
        if (!enabled(l)) return;
        String line = format(l, message, LocalDateTime.now());
        String path = file;
        if (path.isEmpty()) {
            System.out.println(line);
            return;
        }
        synchronized (Log.class) { // whole lines, never interleaved
            try (FileOutputStream out = new FileOutputStream(path, true)) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                System.err.println(line); // the file went away: the message must not be lost
            }
        }
    }

    /** One log line without its newline. */
    static String format(Level l, String message, LocalDateTime when) {
        return PID + ":M " + TIME.format(when) + " " + l.mark + " " + message;
    }

    /** Checks that a log file can be opened for appending (creating it), as Redis does at start. */
    public static void checkWritable(String path) throws IOException {
        new FileOutputStream(path, true).close();
    }

    /** The system's reason in an open failure ("No such file or directory"), as strerror gives it. */
    public static String reason(IOException e) {
        String m = String.valueOf(e.getMessage());
        int open = m.lastIndexOf(" (");
        return open >= 0 && m.endsWith(")") ? m.substring(open + 2, m.length() - 1) : m;
    }
}
