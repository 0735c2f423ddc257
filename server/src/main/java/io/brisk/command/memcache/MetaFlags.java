package io.brisk.command.memcache;

import io.brisk.protocol.memcache.MemcacheNumbers;
import io.brisk.protocol.memcache.MemcacheRequest;

/**
 * The single-letter flags of a meta request (mg ms md ma), each optionally followed by a token, e.g.
 * {@code T30 v c O123}. Parsed once per request into a table indexed by the flag letter.
 */
final class MetaFlags {
    static final String INVALID_FLAG = "CLIENT_ERROR invalid flag";
    static final String DUPLICATE_FLAG = "CLIENT_ERROR duplicate flag";
    static final String BAD_TOKEN = "CLIENT_ERROR bad token in command line format";

    private final int[] at = new int[128]; // token index + 1, 0 when absent
    private final byte[] order = new byte[64];
    private int n;
    private MemcacheRequest req;

    /** Parses tokens from first on; returns an error line or null. allowed lists the legal letters. */
    String parse(MemcacheRequest r, int first, String allowed) {
        for (int i = 0; i < n; i++) at[order[i]] = 0;
        n = 0;
        req = r;
        for (int i = first; i < r.count(); i++) {
            int f = r.byteAt(i, 0) & 0xFF;
            if (f >= 128 || allowed.indexOf(f) < 0) return INVALID_FLAG;
            if (at[f] != 0) return DUPLICATE_FLAG;
            if (n == order.length) return INVALID_FLAG;
            at[f] = i + 1;
            order[n++] = (byte) f;
        }
        return null;
    }

    boolean has(char f) { return at[f] != 0; }
    int count() { return n; }
    char flagAt(int i) { return (char) order[i]; }

    /** Token length after the letter (0 when the flag carries no token). */
    int tokenLength(char f) { return req.length(at[f] - 1) - 1; }

    long tokenOffset(char f) { return req.offset(at[f] - 1) + 1; }

    /** The flag's token as a signed 32-bit number (TTLs), or INVALID. */
    long signed32(char f) {
        return MemcacheNumbers.signed32(req.memory(), tokenOffset(f), tokenLength(f));
    }

    long unsigned32(char f) {
        return MemcacheNumbers.unsigned32(req.memory(), tokenOffset(f), tokenLength(f));
    }

    boolean unsignedValid(char f) {
        return MemcacheNumbers.unsignedValid(req.memory(), tokenOffset(f), tokenLength(f));
    }

    long unsigned64(char f) {
        return MemcacheNumbers.unsigned64(req.memory(), tokenOffset(f), tokenLength(f));
    }

    /** The first byte of the flag's token, or 0 when it has none. */
    int tokenByte(char f) {
        return tokenLength(f) > 0 ? req.memory().get(java.lang.foreign.ValueLayout.JAVA_BYTE, tokenOffset(f)) : 0;
    }
}
