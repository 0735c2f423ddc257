package io.brisk.protocol.memcache;

import io.brisk.protocol.ProtocolException;
import io.brisk.protocol.memcache.MemcacheRequest.Verb;
import io.netty.buffer.ByteBuf;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Incremental parser for memcached's text and meta protocols. Each complete request (a line, plus its
 * data block for storage commands) goes to the sink as views into the buffer. A partial request stays
 * in the caller's buffer; the parser remembers how far it scanned, with offsets relative to the
 * request's first byte so the caller may compact the buffer between calls.
 *
 * <p>Framing follows memcached: a storage line that is malformed consumes no data block (the data is
 * then read as commands, as memcached does); a well-formed one whose value is too large is answered
 * at once and its data block is swallowed as it arrives, so the stream stays in step; a data block not
 * followed by CRLF is consumed and refused ("bad data chunk").
 */
public final class MemcacheParser {
    public static final int KEY_MAX_LENGTH = 250;
    /** Bytes memcached charges per item beyond key and value (item header, CAS, CRLF). */
    public static final int ITEM_OVERHEAD = 50;
    private static final int MAX_LINE = 8192;
    private static final int MAX_RETRIEVAL_LINE = 1 << 20;
    public static final String ERROR = "ERROR";
    public static final String BAD_FORMAT = "CLIENT_ERROR bad command line format";
    public static final String TOO_LARGE = "SERVER_ERROR object too large for cache";
    public static final String BAD_CHUNK = "CLIENT_ERROR bad data chunk";

    private final MemcacheRequest req = new MemcacheRequest();
    private volatile long maxItemSize;
    private long swallow;          // bytes of a refused value still to discard
    private int scanned;           // bytes of the current line already searched for '\n'
    private int pendingLine = -1;  // length of a storage line (incl. its '\n') waiting for its data block
    private int pendingData;

    public MemcacheParser(long maxItemSize) {
        this.maxItemSize = maxItemSize;
    }

    public void maxItemSize(long bytes) { this.maxItemSize = bytes; }

    /** With strict keys (the default) a key with control characters is refused, as protocol.txt says. */
    public void strictKeys(boolean strict) { req.strictKeys = strict; }

    /** True while a value is being swallowed or a storage request waits for its data. */
    public boolean midRequest() { return swallow > 0 || pendingLine >= 0 || scanned > 0; }

    /**
     * Hands every complete request in buf (from its reader index) to sink; the reader index ends at
     * the first incomplete one.
     *
     * @throws ProtocolException when a line grows past the limit without a newline (the caller answers
     *                           the message and closes this connection only)
     */
    public void parse(ByteBuf buf, MemorySegment mem, Consumer<MemcacheRequest> sink, BooleanSupplier keepGoing) {
        while (buf.isReadable() && keepGoing.getAsBoolean()) {
            int start = buf.readerIndex();
            int end = buf.writerIndex();
            if (swallow > 0) {
                int n = (int) Math.min(swallow, end - start);
                buf.skipBytes(n);
                swallow -= n;
                continue;
            }
            if (pendingLine < 0) {
                int nl = buf.indexOf(start + scanned, end, (byte) '\n');
                if (nl < 0) {
                    scanned = end - start;
                    if (scanned > lineLimit(buf, start, end)) {
                        scanned = 0;
                        throw new ProtocolException("CLIENT_ERROR line too long");
                    }
                    return;
                }
                scanned = 0;
                int lineEnd = nl > start && buf.getByte(nl - 1) == '\r' ? nl - 1 : nl;
                tokenize(mem, start, lineEnd);
                int dataLen = framing();
                if (dataLen < 0) {
                    buf.readerIndex(nl + 1);
                    sink.accept(req);
                    continue;
                }
                if (tooLarge(dataLen)) {
                    req.error = TOO_LARGE;
                    swallow = dataLen + 2L;
                    buf.readerIndex(nl + 1);
                    sink.accept(req);
                    continue;
                }
                pendingLine = nl + 1 - start;
                pendingData = dataLen;
            }
            if ((long) end - start < (long) pendingLine + pendingData + 2) return;
            req.mem = mem;
            req.base = start;
            long dataOff = start + pendingLine;
            if (mem.get(ValueLayout.JAVA_BYTE, dataOff + pendingData) != '\r'
                    || mem.get(ValueLayout.JAVA_BYTE, dataOff + pendingData + 1) != '\n') {
                req.error = BAD_CHUNK;
            } else {
                req.dataOff = dataOff;
                req.dataLen = pendingData;
            }
            buf.readerIndex(start + pendingLine + pendingData + 2);
            pendingLine = -1;
            sink.accept(req);
        }
    }

    private boolean tooLarge(int dataLen) {
        int keyLen = req.count > 1 ? req.lens[1] : 0;
        return (long) dataLen + keyLen + ITEM_OVERHEAD > maxItemSize;
    }

    /** Retrieval lines may carry many keys; other lines are short. */
    private static int lineLimit(ByteBuf buf, int start, int end) {
        if (end - start >= 4 && buf.getByte(start) == 'g') return MAX_RETRIEVAL_LINE;
        return MAX_LINE;
    }

    private void tokenize(MemorySegment mem, int start, int lineEnd) {
        req.clear();
        req.mem = mem;
        req.base = start;
        int i = start;
        while (i < lineEnd) {
            while (i < lineEnd && mem.get(ValueLayout.JAVA_BYTE, i) == ' ') i++;
            if (i >= lineEnd) break;
            int s = i;
            while (i < lineEnd && mem.get(ValueLayout.JAVA_BYTE, i) != ' ') i++;
            req.add(s - start, i - s);
        }
        req.verb = verbOf(req);
    }

    /**
     * Checks what decides the framing and returns the data block length that follows this line, or -1
     * when none does (req.error tells a malformed storage line).
     */
    private int framing() {
        Verb v = req.verb;
        switch (v) {
            case SET, ADD, REPLACE, APPEND, PREPEND, CAS, INCR, DECR, TOUCH, DELETE, FLUSH_ALL, VERBOSITY -> {
                if (req.count > 1 && req.is(req.count - 1, "noreply")) {
                    req.noreply = true;
                    req.count--;
                }
            }
            default -> { }
        }
        switch (v) {
            case SET, ADD, REPLACE, APPEND, PREPEND, CAS -> {
                int want = v == Verb.CAS ? 6 : 5;
                if (req.count != want) {
                    req.error = ERROR;
                    return -1;
                }
                long len = req.signed32(4);
                if (!req.validKey(1) || req.unsigned32(2) == MemcacheNumbers.INVALID
                        || req.signed32(3) == MemcacheNumbers.INVALID || len == MemcacheNumbers.INVALID || len < 0
                        || len > Integer.MAX_VALUE - 2 || (v == Verb.CAS && !req.unsignedValid(5))) {
                    req.error = BAD_FORMAT;
                    return -1;
                }
                return (int) len;
            }
            case MS -> {
                if (req.count < 3) {
                    req.error = req.count == 2 ? BAD_FORMAT : ERROR;
                    return -1;
                }
                long len = req.signed32(2);
                if (req.lens[1] > MemcacheKeys.ENCODED_KEY_MAX || len == MemcacheNumbers.INVALID || len < 0 || len > Integer.MAX_VALUE - 2) {
                    req.error = BAD_FORMAT;
                    return -1;
                }
                return (int) len;
            }
            default -> {
                return -1;
            }
        }
    }

    private static Verb verbOf(MemcacheRequest r) {
        if (r.count == 0) return Verb.UNKNOWN;
        int len = r.lens[0];
        byte c0 = r.byteAt(0, 0);
        if (len == 2 && c0 == 'm') {
            return switch (r.byteAt(0, 1)) {
                case 'g' -> Verb.MG;
                case 's' -> Verb.MS;
                case 'd' -> Verb.MD;
                case 'a' -> Verb.MA;
                case 'n' -> Verb.MN;
                case 'e' -> Verb.ME;
                default -> Verb.UNKNOWN;
            };
        }
        if (r.is(0, "get")) return Verb.GET;
        if (r.is(0, "set")) return Verb.SET;
        if (r.is(0, "gets")) return Verb.GETS;
        if (r.is(0, "gat")) return Verb.GAT;
        if (r.is(0, "gats")) return Verb.GATS;
        if (r.is(0, "add")) return Verb.ADD;
        if (r.is(0, "replace")) return Verb.REPLACE;
        if (r.is(0, "append")) return Verb.APPEND;
        if (r.is(0, "prepend")) return Verb.PREPEND;
        if (r.is(0, "cas")) return Verb.CAS;
        if (r.is(0, "incr")) return Verb.INCR;
        if (r.is(0, "decr")) return Verb.DECR;
        if (r.is(0, "touch")) return Verb.TOUCH;
        if (r.is(0, "delete")) return Verb.DELETE;
        if (r.is(0, "flush_all")) return Verb.FLUSH_ALL;
        if (r.is(0, "version")) return Verb.VERSION;
        if (r.is(0, "verbosity")) return Verb.VERBOSITY;
        if (r.is(0, "stats")) return Verb.STATS;
        if (r.is(0, "quit")) return Verb.QUIT;
        return Verb.UNKNOWN;
    }
}
