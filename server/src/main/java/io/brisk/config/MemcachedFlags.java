package io.brisk.config;

import java.util.Map;

/**
 * memcached's own command line flags, accepted where they make sense so a memcached command line
 * starts Brisk: -p port, -U UDP port, -m memory in megabytes, -c connections, -I item size limit
 * (memcached units: 1m = 1 MiB), -t threads (event loops).
 */
final class MemcachedFlags {
    private static final Map<String, String> PARAMETERS = Map.of(
            "-p", "memcache-port", "-U", "memcache-udp-port", "-m", "maxmemory", "-c", "maxclients",
            "-I", "memcache-max-item-size", "-t", "event-loops");

    private MemcachedFlags() {}

    /** The parameter a memcached flag sets, or null when the word is not one. */
    static String parameter(String flag) {
        return PARAMETERS.get(flag);
    }

    /** The flag's value in the parameter's terms (-m is megabytes; -I's k/m/g are binary units). */
    static String value(String flag, String v) {
        return switch (flag) {
            case "-m" -> v + "mb";
            case "-I" -> {
                String l = v.toLowerCase();
                if (l.endsWith("k") || l.endsWith("m") || l.endsWith("g")) yield l + "b";
                yield v;
            }
            default -> v;
        };
    }
}
