package io.brisk.protocol.memcache;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * One parsed memcached request (text or meta), reused for every request of a connection. Tokens and
 * the data block are views into the buffer the bytes arrived in; they are valid only during the call
 * that hands the request over.
 */
public final class MemcacheRequest {
    public enum Verb {
        GET, GETS, GAT, GATS, SET, ADD, REPLACE, APPEND, PREPEND, CAS, INCR, DECR, TOUCH, DELETE,
        FLUSH_ALL, VERSION, VERBOSITY, STATS, QUIT, MG, MS, MD, MA, MN, ME, UNKNOWN
    }

    Verb verb;
    MemorySegment mem;
    long base;
    int count;
    int[] offs = new int[32];
    int[] lens = new int[32];
    boolean noreply;
    long dataOff;
    int dataLen = -1;
    boolean strictKeys = true;
    /** A framing-level error line the parser already decided on (null when the request is well formed). */
    String error;

    public Verb verb() { return verb; }
    /** Number of tokens, the command name included, "noreply" excluded. */
    public int count() { return count; }
    public boolean noreply() { return noreply; }
    public String error() { return error; }
    public MemorySegment memory() { return mem; }
    public long offset(int i) { return base + offs[i]; }
    public int length(int i) { return lens[i]; }
    public byte byteAt(int i, int pos) { return mem.get(ValueLayout.JAVA_BYTE, base + offs[i] + pos); }
    /** Whether token i is an acceptable key (length, and control characters when keys are strict). */
    public boolean validKey(int i) { return MemcacheKeys.valid(mem, base + offs[i], lens[i], strictKeys); }
    public boolean hasData() { return dataLen >= 0; }
    public long dataOffset() { return dataOff; }
    public int dataLength() { return dataLen; }

    public String string(int i) {
        byte[] b = new byte[lens[i]];
        MemorySegment.copy(mem, ValueLayout.JAVA_BYTE, base + offs[i], b, 0, b.length);
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    public byte[] bytes(int i) {
        byte[] b = new byte[lens[i]];
        MemorySegment.copy(mem, ValueLayout.JAVA_BYTE, base + offs[i], b, 0, b.length);
        return b;
    }

    public boolean is(int i, String word) {
        if (i >= count || lens[i] != word.length()) return false;
        for (int k = 0; k < lens[i]; k++) if (byteAt(i, k) != word.charAt(k)) return false;
        return true;
    }

    public boolean unsignedValid(int i) { return MemcacheNumbers.unsignedValid(mem, offset(i), lens[i]); }
    /** Token i as an unsigned 64-bit decimal in a long's bits (check {@link #unsignedValid} first). */
    public long unsigned64(int i) { return MemcacheNumbers.unsigned64(mem, offset(i), lens[i]); }
    public long signed32(int i) { return MemcacheNumbers.signed32(mem, offset(i), lens[i]); }
    public long unsigned32(int i) { return MemcacheNumbers.unsigned32(mem, offset(i), lens[i]); }

    void clear() {
        count = 0;
        noreply = false;
        dataLen = -1;
        error = null;
        verb = Verb.UNKNOWN;
    }

    void add(int off, int len) {
        if (count == offs.length) {
            offs = java.util.Arrays.copyOf(offs, count * 2);
            lens = java.util.Arrays.copyOf(lens, count * 2);
        }
        offs[count] = off;
        lens[count] = len;
        count++;
    }
}
