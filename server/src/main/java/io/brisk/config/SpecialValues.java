package io.brisk.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks and canonical forms of the parameters whose values are not a single number, flag or word
 * (save, client-output-buffer-limit, notify-keyspace-events...), with Redis 7's error texts.
 */
final class SpecialValues {
    private SpecialValues() {}

    /** Turns a value into its canonical text, or refuses it with the message CONFIG SET shows. */
    @FunctionalInterface
    interface Check {
        String apply(String value, String current) throws ConfigException;
    }

    static String[] words(String v) {
        String t = v.trim();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }

    /** save: "" or pairs of seconds (>= 1) and changes (>= 0). */
    static String save(String v, String current) throws ConfigException {
        String[] w = words(v);
        if (w.length % 2 != 0) throw new ConfigException("Invalid save parameters");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < w.length; i += 2) {
            try {
                long seconds = Long.parseLong(w[i]);
                long changes = Long.parseLong(w[i + 1]);
                if (seconds < 1 || changes < 0) throw new ConfigException("Invalid save parameters");
                out.add(seconds + " " + changes);
            } catch (NumberFormatException e) {
                throw new ConfigException("Invalid save parameters");
            }
        }
        return String.join(" ", out);
    }

    /** client-output-buffer-limit: groups of class hard soft seconds, merged into the current limits. */
    static String outputBufferLimit(String v, String current) throws ConfigException {
        String[] w = words(v);
        if (w.length == 0 || w.length % 4 != 0) throw new ConfigException("Wrong number of arguments in buffer limit configuration.");
        Map<String, String> limits = new LinkedHashMap<>();
        String[] cur = words(current);
        for (int i = 0; i + 3 < cur.length; i += 4) limits.put(cur[i], cur[i + 1] + " " + cur[i + 2] + " " + cur[i + 3]);
        for (int i = 0; i < w.length; i += 4) {
            String cls = w[i].toLowerCase(Locale.ROOT);
            if (cls.equals("replica")) cls = "slave";
            if (!limits.containsKey(cls)) throw new ConfigException("Invalid client class specified in buffer limit configuration.");
            long hard = Units.parseMemory(w[i + 1]);
            long soft = Units.parseMemory(w[i + 2]);
            long seconds;
            try {
                seconds = Long.parseLong(w[i + 3]);
            } catch (NumberFormatException e) {
                seconds = -1;
            }
            if (hard < 0 || soft < 0 || seconds < 0) {
                throw new ConfigException("Error in hard, soft or soft_seconds setting in buffer limit configuration.");
            }
            limits.put(cls, hard + " " + soft + " " + seconds);
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : limits.entrySet()) {
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(e.getKey()).append(' ').append(e.getValue());
        }
        return sb.toString();
    }

    private static final String EVENT_CLASSES = "g$lshzxetd"; // what 'A' stands for, in Redis's order

    /** notify-keyspace-events: Redis's flag letters, canonicalised as keyspaceEventsFlagsToString does. */
    static String keyspaceEvents(String v, String current) throws ConfigException {
        boolean all = false;
        StringBuilder classes = new StringBuilder();
        boolean keyspace = false, keyevent = false, miss = false, newKey = false;
        java.util.Set<Character> seen = new java.util.HashSet<>();
        for (char c : v.toCharArray()) {
            switch (c) {
                case 'A' -> all = true;
                case 'K' -> keyspace = true;
                case 'E' -> keyevent = true;
                case 'm' -> miss = true;
                case 'n' -> newKey = true;
                default -> {
                    if (EVENT_CLASSES.indexOf(c) < 0) throw new ConfigException("Invalid event class character. Use 'Ag$lshzxeKEtmdn'.");
                    seen.add(c);
                }
            }
        }
        if (!all && seen.size() == EVENT_CLASSES.length()) all = true;
        if (all) {
            classes.append('A');
        } else {
            for (char c : EVENT_CLASSES.toCharArray()) if (seen.contains(c)) classes.append(c);
        }
        if (keyspace) classes.append('K');
        if (keyevent) classes.append('E');
        if (miss) classes.append('m');
        if (newKey) classes.append('n');
        return classes.toString();
    }

    /** maxmemory-clients: a memory value or a percentage of maxmemory. */
    static String memoryOrPercent(String v, String current) throws ConfigException {
        String t = v.trim();
        if (t.endsWith("%")) {
            try {
                long p = Long.parseLong(t.substring(0, t.length() - 1));
                if (p >= 0 && p <= 100) return p + "%";
            } catch (NumberFormatException e) {
                // falls through to the error
            }
            throw new ConfigException("argument must be a memory or percent value");
        }
        long n = Units.parseMemory(t);
        if (n < 0) throw new ConfigException("argument must be a memory or percent value");
        return Long.toString(n);
    }

    static String oomScoreAdjValues(String v, String current) throws ConfigException {
        String[] w = words(v);
        if (w.length != 3) throw new ConfigException("wrong number of arguments");
        List<String> out = new ArrayList<>();
        for (String s : w) {
            try {
                long n = Long.parseLong(s);
                if (n < -2000 || n > 2000) throw new NumberFormatException();
                out.add(Long.toString(n));
            } catch (NumberFormatException e) {
                throw new ConfigException("Invalid oom-score-adj-values, elements must be between -2000 and 2000.");
            }
        }
        return String.join(" ", out);
    }

    static String percentiles(String v, String current) throws ConfigException {
        List<String> out = new ArrayList<>();
        for (String s : words(v)) {
            double d;
            try {
                d = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new ConfigException("latency-tracking-info-percentiles parameters should be a number");
            }
            if (!(d >= 0 && d <= 100)) {
                throw new ConfigException("latency-tracking-info-percentiles parameters should sit between [0.0,100.0]");
            }
            String f = String.format(Locale.ROOT, "%f", d);
            f = f.replaceAll("0+$", "").replaceAll("\\.$", "");
            out.add(f);
        }
        return String.join(" ", out);
    }

    /** shutdown-on-sigint/sigterm: default, or a combination of save/nosave, now, force. */
    static String shutdownFlags(String v, String current) throws ConfigException {
        String[] w = words(v.toLowerCase(Locale.ROOT));
        List<String> allowed = List.of("default", "save", "nosave", "now", "force");
        for (String s : w) {
            if (!allowed.contains(s)) throw new ConfigException("argument(s) must be one of the following: default, save, nosave, now, force");
        }
        List<String> l = List.of(w);
        if (w.length == 0 || (l.contains("default") && w.length > 1) || (l.contains("save") && l.contains("nosave"))) {
            throw new ConfigException("argument(s) must be one of the following: default, save, nosave, now, force");
        }
        return String.join(" ", w);
    }

    /** dir: an existing directory, kept as an absolute path (what CONFIG GET dir shows in Redis). */
    static String directory(String v, String current) throws ConfigException {
        Path p = Path.of(v).toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) throw new ConfigException("No such file or directory");
        return p.toString();
    }

    /** logfile: "" (stdout) or a file that can be opened for appending, created if missing, as Redis checks at start. */
    static String logFile(String v, String current) throws ConfigException {
        if (v.isEmpty()) return v;
        try {
            io.brisk.util.Log.checkWritable(v);
        } catch (java.io.IOException e) {
            throw new ConfigException("Can't open the log file: " + io.brisk.util.Log.reason(e));
        }
        return v;
    }

    /** unixsocketperm: an octal mode up to 777, shown in octal as Redis does. */
    static String octalPermissions(String v, String current) throws ConfigException {
        int n;
        try {
            n = Integer.parseInt(v.trim(), 8);
        } catch (NumberFormatException e) {
            throw new ConfigException("argument couldn't be parsed into an integer");
        }
        if (n < 0 || n > 0777) throw new ConfigException("argument must be between 0 and 777 inclusive");
        return Integer.toOctalString(n);
    }

    static String any(String v, String current) {
        return v;
    }
}
