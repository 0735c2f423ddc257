package io.brisk.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what redis-server users type: an optional redis.conf-style file as first argument, then
 * {@code --name value...} flags (applied after the file, as Redis does). An unknown directive or bad
 * value fails start-up with the offending line named.
 */
public final class ConfigLoader {
    private ConfigLoader() {}

    public static void load(Config config, String[] argv) throws ConfigException {
        int i = 0;
        if (argv.length > 0 && !argv[0].startsWith("--") && !argv[0].startsWith("-")) {
            Path file = Path.of(argv[0]);
            config.configFile = file.toAbsolutePath();
            try {
                loadFile(config, Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
            } catch (IOException e) {
                throw new ConfigException("Fatal error, can't open config file '" + file + "': " + e.getMessage());
            }
            i = 1;
        }
        List<String> lines = new ArrayList<>();
        StringBuilder cur = null;
        for (; i < argv.length; i++) {
            String a = argv[i];
            String mapped = MemcachedFlags.parameter(a);
            if (mapped != null) {
                if (i + 1 >= argv.length) throw new ConfigException("Option '" + a + "' needs a value");
                if (cur != null) lines.add(cur.toString());
                cur = null;
                lines.add(mapped + " " + quote(MemcachedFlags.value(a, argv[++i])));
            } else if (a.startsWith("--") && a.length() > 2) {
                if (cur != null) lines.add(cur.toString());
                cur = new StringBuilder(a.substring(2));
            } else {
                if (cur == null) throw new ConfigException("Invalid argument '" + a + "': options start with --name");
                cur.append(' ').append(quote(a));
            }
        }
        if (cur != null) lines.add(cur.toString());
        loadFile(config, lines, "command line");
    }

    private static String quote(String a) {
        if (!a.isEmpty() && a.chars().noneMatch(ch -> ch == ' ' || ch == '"' || ch == '\'' || ch == '\\')) return a;
        return '"' + a.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    public static void loadFile(Config config, List<String> lines, String source) throws ConfigException {
        int n = 0;
        for (String line : lines) {
            n++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            List<String> words = ConfigWords.split(t);
            if (words == null) throw fatal(source, n, line, "Unbalanced quotes in configuration line");
            String name = words.get(0).toLowerCase();
            if (name.equals("include")) {
                if (words.size() != 2) throw fatal(source, n, line, "Bad directive or wrong number of arguments");
                try {
                    loadFile(config, Files.readAllLines(Path.of(words.get(1))), words.get(1));
                } catch (IOException e) {
                    throw fatal(source, n, line, "Can't open included file: " + e.getMessage());
                }
                continue;
            }
            Param p = config.param(name);
            if (p == null || words.size() < 2) throw fatal(source, n, line, "Bad directive or wrong number of arguments");
            String value = String.join(" ", words.subList(1, words.size()));
            if (p.kind() != Param.Kind.SPECIAL && p.kind() != Param.Kind.STRING && words.size() != 2) {
                throw fatal(source, n, line, "Bad directive or wrong number of arguments");
            }
            try {
                config.setInitial(name, value);
            } catch (ConfigException e) {
                throw fatal(source, n, line, e.getMessage());
            }
        }
    }

    private static ConfigException fatal(String source, int line, String text, String why) {
        return new ConfigException("*** FATAL CONFIG FILE ERROR ***\nReading the configuration file (" + source
                + "), at line " + line + "\n>>> '" + text.strip() + "'\n" + why);
    }
}
