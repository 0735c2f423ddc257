package io.brisk.net;

import io.brisk.command.CachedNumberParam;
import io.brisk.config.Config;
import io.brisk.config.Param;

/**
 * The per-client limits connections check on their own loop: the idle {@code timeout}, the
 * {@code client-output-buffer-limit} classes and {@code client-query-buffer-limit}. Read on every
 * flush or read, so the parameters are looked up once and their text parsed again only when CONFIG
 * SET has replaced it (an identity check).
 */
final class ClientLimits {
    /** One class of client-output-buffer-limit: 0 means no such limit. */
    record OutputLimit(long hardBytes, long softBytes, long softSeconds) {
        static final OutputLimit NONE = new OutputLimit(0, 0, 0);

        boolean any() {
            return hardBytes != 0 || softBytes != 0;
        }
    }

    private record Parsed(String timeoutText, long idleTimeoutMillis, String limitText,
                          OutputLimit normal, OutputLimit replica, OutputLimit pubsub) {}

    private static final CachedNumberParam QUERY_BUFFER_LIMIT = new CachedNumberParam("client-query-buffer-limit");

    private final Config config;
    private final Param timeout;
    private final Param outputLimit;
    private volatile Parsed parsed;

    ClientLimits(Config config) {
        this.config = config;
        this.timeout = config.param("timeout");
        this.outputLimit = config.param("client-output-buffer-limit");
    }

    /** Idle clients are closed after this long; 0 = never. */
    long idleTimeoutMillis() { return current().idleTimeoutMillis; }

    /** A client whose unparsed input grows past this is closed, as Redis does. */
    long queryBufferLimit() { return QUERY_BUFFER_LIMIT.getLong(config); }

    OutputLimit normal() { return current().normal; }
    OutputLimit replica() { return current().replica; }
    /** For clients in pub/sub mode (used once pub/sub exists). */
    OutputLimit pubsub() { return current().pubsub; }

    private Parsed current() {
        Parsed p = parsed;
        String t = timeout.value();
        String l = outputLimit.value();
        if (p != null && p.timeoutText == t && p.limitText == l) return p;
        OutputLimit normal = OutputLimit.NONE, replica = OutputLimit.NONE, pubsub = OutputLimit.NONE;
        // the value is canonical (checked by config): "class hard soft seconds" groups, bytes in plain numbers
        String[] w = l.trim().split("\\s+");
        for (int i = 0; i + 3 < w.length; i += 4) {
            OutputLimit o = new OutputLimit(Long.parseLong(w[i + 1]), Long.parseLong(w[i + 2]), Long.parseLong(w[i + 3]));
            switch (w[i]) {
                case "normal" -> normal = o;
                case "slave" -> replica = o;
                case "pubsub" -> pubsub = o;
                default -> { }
            }
        }
        p = new Parsed(t, Math.multiplyExact(Math.min(Long.parseLong(t), Long.MAX_VALUE / 1000), 1000L), l, normal, replica, pubsub);
        parsed = p;
        return p;
    }
}
