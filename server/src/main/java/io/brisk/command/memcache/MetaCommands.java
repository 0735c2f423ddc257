package io.brisk.command.memcache;

import io.brisk.command.memcache.Items.Mode;
import io.brisk.command.memcache.Items.Result;
import io.brisk.protocol.memcache.MemcacheNumbers;
import io.brisk.protocol.memcache.MemcacheParser;
import io.brisk.protocol.memcache.MemcacheRequest;
import io.brisk.protocol.memcache.MemcacheWriter;
import io.brisk.store.EntryRef;
import java.lang.foreign.MemorySegment;
import java.util.Base64;

/**
 * memcached's meta protocol: mg ms md ma mn me. Flags are single letters with optional tokens;
 * returned flags follow the request's order, then Z (win token already sent), X (stale), W (won).
 */
final class MetaCommands {
    static final String KEY_DECODE = "CLIENT_ERROR error decoding key";
    static final String MS_MODE = "CLIENT_ERROR invalid mode for ms M token";
    static final String MA_MODE = "CLIENT_ERROR invalid mode for ma M token";

    private final MemcacheService svc;
    private final Items items;
    private final MemcacheCounters counters;

    MetaCommands(MemcacheService svc) {
        this.svc = svc;
        this.items = svc.items;
        this.counters = svc.counters;
    }

    void execute(MemcacheSession s, MemcacheRequest r, MemcacheWriter w) {
        switch (r.verb()) {
            case MN -> w.line("MN");
            case MG -> mg(s, r, w);
            case MS -> ms(s, r, w);
            case MD -> md(s, r, w);
            case MA -> ma(s, r, w);
            case ME -> me(s, r, w);
            default -> w.line(MemcacheParser.ERROR);
        }
    }

    /** Resolves the key (base64 with b) into the session; returns an error line or null. */
    private static String key(MemcacheSession s, MemcacheRequest r, boolean base64) {
        if (base64) {
            byte[] k;
            if (r.length(1) % 4 != 0) return KEY_DECODE;
            try {
                k = Base64.getDecoder().decode(r.bytes(1));
            } catch (IllegalArgumentException e) {
                return KEY_DECODE;
            }
            if (k.length == 0 || k.length > MemcacheParser.KEY_MAX_LENGTH) return KEY_DECODE;
            s.keyMem = MemorySegment.ofArray(k);
            s.keyOff = 0;
            s.keyLen = k.length;
            return null;
        }
        if (!r.validKey(1)) return MemcacheParser.BAD_FORMAT;
        s.keyMem = r.memory();
        s.keyOff = r.offset(1);
        s.keyLen = r.length(1);
        return null;
    }

    /** Parses flags and the key; writes the error and returns false when either is bad. */
    private static boolean prepare(MemcacheSession s, MemcacheRequest r, MemcacheWriter w, int firstFlag, String allowed) {
        if (r.count() < 2) {
            w.line(r.verb() == MemcacheRequest.Verb.ME ? MemcacheParser.BAD_FORMAT : MemcacheParser.ERROR);
            return false;
        }
        String err = s.flags.parse(r, firstFlag, allowed);
        if (err == null) err = key(s, r, s.flags.has('b'));
        if (err != null) {
            w.line(err);
            return false;
        }
        return true;
    }

    /** A TTL flag's token as an absolute expiry, or a sentinel: NO_TTL when absent, BAD when not a number. */
    private long ttlFlag(MetaFlags f, char c) {
        if (!f.has(c)) return NO_TTL;
        long t = f.signed32(c);
        return t == MemcacheNumbers.INVALID ? BAD : items.expireAt(t);
    }

    private static final long NO_TTL = Long.MIN_VALUE + 1, BAD = Long.MIN_VALUE;

    /** Explicit CAS (E flag): 0 when absent, -1 bits never (E0 means none, as a derived CAS is never 0). */
    private static long explicitCas(MetaFlags f) {
        return f.has('E') ? f.unsigned64('E') : 0;
    }

    private static boolean badNumber(MetaFlags f, char c) {
        return f.has(c) && !f.unsignedValid(c);
    }

    // ---- mg ------------------------------------------------------------------------------------

    private void mg(MemcacheSession s, MemcacheRequest r, MemcacheWriter w) {
        if (!prepare(s, r, w, 2, "bcfhklOqstuvENRT")) return;
        MetaFlags f = s.flags;
        long vivify = ttlFlag(f, 'N'), touch = ttlFlag(f, 'T');
        if (vivify == BAD || touch == BAD || badNumber(f, 'R') || badNumber(f, 'E')) {
            w.line(MetaFlags.BAD_TOKEN);
            return;
        }
        counters.cmdGet.increment();
        EntryRef e = s.ref;
        long now = svc.server.keyspace.now();
        int slot = items.lock(s.keyMem, s.keyOff, s.keyLen);
        try {
            boolean hit = items.db().peek(s.keyMem, s.keyOff, s.keyLen, e) && e.isString();
            boolean win = false, created = false;
            if (!hit) {
                counters.getMisses.increment();
                if (vivify == NO_TTL || vivify == Items.EXPIRED) {
                    if (!f.has('q')) w.line("EN");
                    return;
                }
                Result res = items.storeLocked(Mode.ADD, s.keyMem, s.keyOff, s.keyLen, s.keyMem, 0, 0, 0, vivify, false, 0, false,
                        explicitCas(f), null, s.ref2, e);
                if (res != Result.STORED) {
                    if (!f.has('q')) w.line("EN");
                    return;
                }
                items.mark(e, explicitCas(f), MetaState.WON);
                win = created = true;
            } else {
                counters.getHits.increment();
            }
            boolean hitBefore = e.fetched();
            long lastAccess = created ? 0 : secondsSince(e.lruClock(), svc.server.keyspace.lruClock());
            if (touch != NO_TTL && !created) {
                counters.cmdTouch.increment();
                counters.touchHits.increment();
                if (touch == Items.EXPIRED) touch = now; // expires at once, but this reply still sees it
                items.setExpire(e, touch);
            }
            int bits = items.bits(e);
            boolean stale = (bits & MetaState.STALE) != 0;
            boolean sent = !created && (bits & MetaState.WON) != 0;
            if (!created && !sent) {
                if (stale) win = true;
                if (f.has('R') && e.expireAt() != 0 && Long.compareUnsigned((e.expireAt() - now) / 1000, f.unsigned64('R')) < 0) {
                    win = true;
                }
                if (win) items.mark(e, stateCas(e), bits | MetaState.WON);
            }
            if (f.has('v')) w.text("VA ").decimal(e.valueLength());
            else w.text("HD");
            for (int i = 0; i < f.count(); i++) {
                char c = f.flagAt(i);
                switch (c) {
                    case 'c' -> w.flag('c').unsigned(items.cas(e));
                    case 'f' -> w.flag('f').unsigned(e.clientFlags() & 0xFFFFFFFFL);
                    case 'h' -> w.flag('h').ch(hitBefore ? '1' : '0');
                    case 'l' -> w.flag('l').decimal(lastAccess);
                    case 's' -> w.flag('s').decimal(e.valueLength());
                    case 't' -> w.flag('t').decimal(Items.ttlSeconds(e.expireAt(), now));
                    default -> commonFlag(c, r, f, w);
                }
            }
            if (sent) w.flag('Z');
            if (stale) w.flag('X');
            if (win) w.flag('W');
            w.crlf();
            if (f.has('v')) w.bytes(e.memory(), e.valueOffset(), e.valueLength()).crlf();
            if (!f.has('u')) {
                e.markFetched();
                items.db().touch(e);
            }
        } finally {
            items.unlock(slot);
        }
    }

    private long stateCas(EntryRef e) {
        MetaState.State st = items.state(e);
        return st == null ? 0 : st.cas();
    }

    private static long secondsSince(int clock, int nowClock) {
        return (nowClock - clock) & 0xFFFFFF;
    }

    /** Flags every meta reply can echo: k (key), O (opaque), b (the key is base64). */
    private static void commonFlag(char c, MemcacheRequest r, MetaFlags f, MemcacheWriter w) {
        switch (c) {
            case 'k' -> w.flag('k').bytes(r.memory(), r.offset(1), r.length(1));
            case 'O' -> w.flag('O').bytes(r.memory(), f.tokenOffset('O'), f.tokenLength('O'));
            case 'b' -> {
                if (f.has('k')) w.flag('b');
            }
            default -> { }
        }
    }

    /** A status line with only the echoed k/O/b flags (and c when cas != 0). */
    private static void status(String code, MemcacheRequest r, MetaFlags f, MemcacheWriter w, long cas) {
        w.text(code);
        for (int i = 0; i < f.count(); i++) {
            char c = f.flagAt(i);
            if (c == 'c') {
                if (cas != 0) w.flag('c').unsigned(cas);
            } else {
                commonFlag(c, r, f, w);
            }
        }
        w.crlf();
    }

    // ---- ms ------------------------------------------------------------------------------------

    private void ms(MemcacheSession s, MemcacheRequest r, MemcacheWriter w) {
        if (!prepare(s, r, w, 3, "bcCEFIkOqTMNS")) return;
        MetaFlags f = s.flags;
        Mode mode = Mode.SET;
        if (f.has('M')) {
            mode = switch (f.tokenLength('M') == 1 ? f.tokenByte('M') : 0) {
                case 'E', 'e' -> Mode.ADD;
                case 'A', 'a' -> Mode.APPEND;
                case 'P', 'p' -> Mode.PREPEND;
                case 'R', 'r' -> Mode.REPLACE;
                case 'S', 's' -> Mode.SET;
                default -> null;
            };
            if (mode == null) {
                w.line(MS_MODE);
                return;
            }
        }
        long ttl = ttlFlag(f, 'T'), vivify = ttlFlag(f, 'N');
        long flags = f.has('F') ? f.unsigned32('F') : 0;
        if (ttl == BAD || vivify == BAD || flags == MemcacheNumbers.INVALID || badNumber(f, 'C') || badNumber(f, 'E')) {
            w.line(MetaFlags.BAD_TOKEN);
            return;
        }
        counters.cmdSet.increment();
        if (!svc.makeRoom()) {
            w.line(Items.OUT_OF_MEMORY);
            return;
        }
        boolean hasCompare = f.has('C');
        Result res;
        long cas = 0;
        int slot = items.lock(s.keyMem, s.keyOff, s.keyLen);
        try {
            res = items.storeLocked(mode, s.keyMem, s.keyOff, s.keyLen, r.memory(), r.dataOffset(), r.dataLength(), (int) flags,
                    ttl == NO_TTL ? 0 : ttl, hasCompare, hasCompare ? f.unsigned64('C') : 0, f.has('I'), explicitCas(f),
                    vivify == NO_TTL ? null : vivify, s.ref, s.ref2);
            if (res == Result.STORED && f.has('c') && items.find(s.keyMem, s.keyOff, s.keyLen, s.ref2)) cas = items.cas(s.ref2);
        } finally {
            items.unlock(slot);
        }
        if (hasCompare) {
            switch (res) {
                case STORED -> counters.casHits.increment();
                case EXISTS -> counters.casBadval.increment();
                case NOT_FOUND -> counters.casMisses.increment();
                default -> { }
            }
        }
        switch (res) {
            case STORED -> {
                if (!f.has('q')) status("HD", r, f, w, cas);
            }
            case NOT_STORED -> status("NS", r, f, w, 0);
            case EXISTS -> status("EX", r, f, w, 0);
            case NOT_FOUND -> status("NF", r, f, w, 0);
        }
    }

    // ---- md ------------------------------------------------------------------------------------

    private void md(MemcacheSession s, MemcacheRequest r, MemcacheWriter w) {
        if (!prepare(s, r, w, 2, "bCEIkOqTx")) return;
        MetaFlags f = s.flags;
        long ttl = ttlFlag(f, 'T');
        if (ttl == BAD || badNumber(f, 'C') || badNumber(f, 'E')) {
            w.line(MetaFlags.BAD_TOKEN);
            return;
        }
        EntryRef e = s.ref;
        String code;
        int slot = items.lock(s.keyMem, s.keyOff, s.keyLen);
        try {
            if (!items.find(s.keyMem, s.keyOff, s.keyLen, e)) {
                counters.deleteMisses.increment();
                code = "NF";
            } else if (f.has('C') && items.cas(e) != f.unsigned64('C')) {
                code = "EX";
            } else if (f.has('I') || f.has('x')) {
                // Invalidate: keep the item, give it a new version (so a new CAS), mark it stale; x drops the value.
                counters.deleteHits.increment();
                long at = f.has('T') ? ttl : e.expireAt();
                int flags = f.has('x') ? 0 : e.clientFlags();
                MemorySegment v = f.has('x') ? MemorySegment.NULL : e.memory();
                long voff = f.has('x') ? 0 : e.valueOffset();
                int vlen = f.has('x') ? 0 : e.valueLength();
                if (at == Items.EXPIRED) {
                    items.db().remove(e);
                } else {
                    items.db().begin(s.ref2, s.keyMem, s.keyOff, s.keyLen, io.brisk.store.ValueType.STRING, vlen, at, flags != 0, flags);
                    MemorySegment.copy(v, voff, s.ref2.memory(), s.ref2.valueOffset(), vlen);
                    items.db().commit(s.ref2);
                    items.mark(s.ref2, explicitCas(f), f.has('I') ? MetaState.STALE : 0);
                }
                code = "HD";
            } else {
                counters.deleteHits.increment();
                items.db().remove(e);
                code = "HD";
            }
        } finally {
            items.unlock(slot);
        }
        if (f.has('q') && !code.equals("EX")) return;
        status(code, r, f, w, 0);
    }

    // ---- ma ------------------------------------------------------------------------------------

    private void ma(MemcacheSession s, MemcacheRequest r, MemcacheWriter w) {
        if (!prepare(s, r, w, 2, "bCENJDTMOqtcvk")) return;
        MetaFlags f = s.flags;
        boolean incr = true;
        if (f.has('M')) {
            int m = f.tokenLength('M') == 1 ? f.tokenByte('M') : 0;
            if (m == 'I' || m == 'i' || m == '+') incr = true;
            else if (m == 'D' || m == 'd' || m == '-') incr = false;
            else {
                w.line(MA_MODE);
                return;
            }
        }
        if (badNumber(f, 'D')) {
            w.line(MemcacheCommands.BAD_DELTA);
            return;
        }
        long ttl = ttlFlag(f, 'T'), vivify = ttlFlag(f, 'N');
        if (ttl == BAD || vivify == BAD || badNumber(f, 'J') || badNumber(f, 'C') || badNumber(f, 'E')) {
            w.line(MetaFlags.BAD_TOKEN);
            return;
        }
        long delta = f.has('D') ? f.unsigned64('D') : 1;
        EntryRef e = s.ref, out = s.ref2;
        long now = svc.server.keyspace.now();
        String code;
        long value = 0;
        int slot = items.lock(s.keyMem, s.keyOff, s.keyLen);
        try {
            if (!items.find(s.keyMem, s.keyOff, s.keyLen, e)) {
                (incr ? counters.incrMisses : counters.decrMisses).increment();
                if (vivify == NO_TTL) {
                    code = "NF";
                } else if (vivify == Items.EXPIRED) {
                    code = "NS";
                } else {
                    value = f.has('J') ? f.unsigned64('J') : 0;
                    items.writeNumber(s.keyMem, s.keyOff, s.keyLen, value, 0, vivify, explicitCas(f), s.digits, out);
                    code = "HD";
                }
            } else if (f.has('C') && items.cas(e) != f.unsigned64('C')) {
                code = "EX";
            } else if (!Items.counter(e, s.number)) {
                w.line(MemcacheCommands.NON_NUMERIC);
                return;
            } else {
                (incr ? counters.incrHits : counters.decrHits).increment();
                value = Items.applyDelta(s.number[0], delta, incr);
                long at = ttl != NO_TTL ? (ttl == Items.EXPIRED ? now : ttl) : e.expireAt();
                items.writeNumber(s.keyMem, s.keyOff, s.keyLen, value, e.clientFlags(), at, explicitCas(f), s.digits, out);
                code = "HD";
            }
            if (f.has('q') && !code.equals("EX") && !code.equals("NS")) return;
            boolean ok = code.equals("HD");
            int n = Items.digits(value, s.digits);
            if (ok && f.has('v')) w.text("VA ").decimal(n);
            else w.text(code);
            for (int i = 0; i < f.count(); i++) {
                char c = f.flagAt(i);
                switch (c) {
                    case 'c' -> {
                        if (ok) w.flag('c').unsigned(items.cas(out));
                    }
                    case 't' -> {
                        if (ok) w.flag('t').decimal(Items.ttlSeconds(out.expireAt(), now));
                    }
                    default -> commonFlag(c, r, f, w);
                }
            }
            w.crlf();
            if (ok && f.has('v')) w.bytes(s.digits, s.digits.length - n, n).crlf();
        } finally {
            items.unlock(slot);
        }
    }

    // ---- me ------------------------------------------------------------------------------------

    private void me(MemcacheSession s, MemcacheRequest r, MemcacheWriter w) {
        if (!prepare(s, r, w, 2, "b")) return;
        EntryRef e = s.ref;
        long now = svc.server.keyspace.now();
        int slot = items.lock(s.keyMem, s.keyOff, s.keyLen);
        try {
            if (!(items.db().peek(s.keyMem, s.keyOff, s.keyLen, e) && e.isString())) {
                w.line("EN");
                return;
            }
            w.text("ME ").bytes(r.memory(), r.offset(1), r.length(1))
                    .text(" exp=").decimal(Items.ttlSeconds(e.expireAt(), now))
                    .text(" la=").decimal(secondsSince(e.lruClock(), svc.server.keyspace.lruClock()))
                    .text(" cas=").unsigned(items.cas(e))
                    .text(" fetch=").text(e.fetched() ? "yes" : "no")
                    .text(" cls=1 size=").decimal(e.entrySize()).crlf();
        } finally {
            items.unlock(slot);
        }
    }
}
