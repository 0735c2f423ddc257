package io.brisk.command;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Error replies counted as Redis's afterErrorReply counts them: all of them (total_error_replies)
 * and by their code, the first word of the message (errorstat_ERR, errorstat_WRONGTYPE...).
 */
public final class ErrorStats {
    private final LongAdder total = new LongAdder();
    private final ConcurrentHashMap<String, LongAdder> byCode = new ConcurrentHashMap<>();

    /** Counts one error reply; message as given to Reply.error, e.g. "WRONGTYPE Operation against...". */
    public void record(String message) {
        total.increment();
        String code = code(message);
        LongAdder n = byCode.get(code);
        if (n == null) n = byCode.computeIfAbsent(code, k -> new LongAdder());
        n.increment();
    }

    /**
     * The code: the text before the first space when that space lies within the first 32 bytes of the
     * reply line ("-CODE ..."), else ERR, exactly as Redis takes it.
     */
    static String code(String message) {
        int space = message.indexOf(' ');
        return space >= 0 && space + 1 < Math.min(message.length() + 1, 32) ? message.substring(0, space) : "ERR";
    }

    public long total() {
        return total.sum();
    }

    /** Counts by code in Redis's (byte-wise) order. */
    public Map<String, Long> byCode() {
        Map<String, Long> out = new TreeMap<>();
        byCode.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** CONFIG RESETSTAT. */
    public void reset() {
        total.reset();
        byCode.clear();
    }
}
