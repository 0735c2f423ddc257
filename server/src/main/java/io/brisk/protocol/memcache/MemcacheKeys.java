package io.brisk.protocol.memcache;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * memcached key rules: 1 to 250 bytes; strictly (protocol.txt) also no control characters. memcached
 * itself only splits on spaces and line ends, and some tools rely on that (memcaslap puts binary bytes
 * in its keys), so the control-character rule can be switched off (memcache-strict-keys no).
 */
public final class MemcacheKeys {
    /** Longest base64 text that can decode to a 250-byte key. */
    public static final int ENCODED_KEY_MAX = 336;

    private MemcacheKeys() {}

    public static boolean valid(MemorySegment m, long off, int len, boolean strict) {
        if (len == 0 || len > MemcacheParser.KEY_MAX_LENGTH) return false;
        if (!strict) return true; // the tokenizer already split on spaces and the line on its end
        for (int i = 0; i < len; i++) {
            int b = m.get(ValueLayout.JAVA_BYTE, off + i) & 0xFF;
            if (b <= ' ' || b == 0x7F) return false;
        }
        return true;
    }
}
