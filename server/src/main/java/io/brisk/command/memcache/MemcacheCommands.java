package io.brisk.command.memcache;

import io.brisk.command.memcache.Items.Mode;
import io.brisk.command.memcache.Items.Result;
import io.brisk.protocol.memcache.MemcacheNumbers;
import io.brisk.protocol.memcache.MemcacheParser;
import io.brisk.protocol.memcache.MemcacheRequest;
import io.brisk.protocol.memcache.MemcacheWriter;
import io.brisk.store.EntryRef;
import java.lang.foreign.MemorySegment;

/**
 * memcached's text protocol verbs: get gets gat gats set add replace append prepend cas incr decr
 * touch delete flush_all version verbosity quit (stats is {@link MemcacheStats}). Replies and error
 * texts are memcached 1.6's.
 */
final class MemcacheCommands {
    static final String BAD_EXPTIME = "CLIENT_ERROR invalid exptime argument";
    static final String BAD_DELTA = "CLIENT_ERROR invalid numeric delta argument";
    static final String NON_NUMERIC = "CLIENT_ERROR cannot increment or decrement non-numeric value";
    static final String DELETE_USAGE = "CLIENT_ERROR bad command line format.  Usage: delete <key> [noreply]";

    private final MemcacheService svc;
    private final Items items;
    private final MemcacheCounters counters;

    MemcacheCommands(MemcacheService svc) {
        this.svc = svc;
        this.items = svc.items;
        this.counters = svc.counters;
    }

    void execute(MemcacheSession s, MemcacheRequest r, MemcacheWriter w) {
        switch (r.verb()) {
            case GET -> retrieve(s, r, w, 1, false, false, 0);
            case GETS -> retrieve(s, r, w, 1, true, false, 0);
            case GAT, GATS -> gat(s, r, w);
            case SET -> store(s, r, w, Mode.SET, false);
            case ADD -> store(s, r, w, Mode.ADD, false);
            case REPLACE -> store(s, r, w, Mode.REPLACE, false);
            case APPEND -> store(s, r, w, Mode.APPEND, false);
            case PREPEND -> store(s, r, w, Mode.PREPEND, false);
            case CAS -> store(s, r, w, Mode.SET, true);
            case INCR -> delta(s, r, w, true);
            case DECR -> delta(s, r, w, false);
            case TOUCH -> touch(s, r, w);
            case DELETE -> delete(s, r, w);
            case FLUSH_ALL -> flushAll(r, w);
            case VERSION -> w.line("VERSION " + MemcacheService.VERSION);
            case VERBOSITY -> verbosity(r, w);
            case QUIT -> s.quit = true;
            default -> w.line(MemcacheParser.ERROR);
        }
    }

    /** get/gets/gat/gats: a VALUE block per hit, then END. A bad key drops the partial reply. */
    private void retrieve(MemcacheSession s, MemcacheRequest r, MemcacheWriter w, int firstKey, boolean withCas,
                          boolean touch, long expireAt) {
        if (r.count() <= firstKey) {
            w.line(MemcacheParser.ERROR);
            return;
        }
        int mark = w.mark();
        MemorySegment m = r.memory();
        EntryRef e = s.ref;
        for (int i = firstKey; i < r.count(); i++) {
            long off = r.offset(i);
            int len = r.length(i);
            if (!r.validKey(i)) {
                w.reset(mark); // nothing of a multi-key get goes out when one key is bad
                w.line(MemcacheParser.BAD_FORMAT);
                return;
            }
            counters.cmdGet.increment();
            if (touch) counters.cmdTouch.increment();
            int slot = items.lock(m, off, len);
            try {
                if (!items.find(m, off, len, e)) {
                    counters.getMisses.increment();
                    if (touch) counters.touchMisses.increment();
                    continue;
                }
                counters.getHits.increment();
                if (touch) {
                    counters.touchHits.increment();
                    if (expireAt != Items.EXPIRED) items.setExpire(e, expireAt);
                }
                w.raw(MemcacheWriter.VALUE).bytes(m, off, len).ch(' ').unsigned(e.clientFlags() & 0xFFFFFFFFL).ch(' ')
                        .decimal(e.valueLength());
                if (withCas) w.ch(' ').unsigned(items.cas(e));
                w.crlf().bytes(e.memory(), e.valueOffset(), e.valueLength()).crlf();
                e.markFetched();
                if (touch && expireAt == Items.EXPIRED) items.setExpire(e, Items.EXPIRED);
            } finally {
                items.unlock(slot);
            }
        }
        w.raw(MemcacheWriter.END);
    }

    private void gat(MemcacheSession s, MemcacheRequest r, MemcacheWriter w) {
        if (r.count() < 3) {
            w.line(MemcacheParser.ERROR);
            return;
        }
        long exptime = r.signed32(1);
        if (exptime == MemcacheNumbers.INVALID) {
            w.line(BAD_EXPTIME);
            return;
        }
        retrieve(s, r, w, 2, r.verb() == MemcacheRequest.Verb.GATS, true, items.expireAt(exptime));
    }

    /** set add replace append prepend cas: the parser checked the line and framed the data block. */
    private void store(MemcacheSession s, MemcacheRequest r, MemcacheWriter w, Mode mode, boolean cas) {
        counters.cmdSet.increment();
        if (!svc.makeRoom()) {
            w.line(Items.OUT_OF_MEMORY);
            return;
        }
        int flags = (int) r.unsigned32(2);
        long expireAt = items.expireAt(r.signed32(3));
        long compare = cas ? r.unsigned64(5) : 0;
        Result res = items.store(mode, r.memory(), r.offset(1), r.length(1), r.memory(), r.dataOffset(), r.dataLength(),
                flags, expireAt, cas, compare, false, 0, null, s.ref, s.ref2);
        if (cas) {
            switch (res) {
                case STORED -> counters.casHits.increment();
                case EXISTS -> counters.casBadval.increment();
                case NOT_FOUND -> counters.casMisses.increment();
                default -> { }
            }
        }
        w.raw(switch (res) {
            case STORED -> MemcacheWriter.STORED;
            case NOT_STORED -> MemcacheWriter.NOT_STORED;
            case EXISTS -> MemcacheWriter.EXISTS;
            case NOT_FOUND -> MemcacheWriter.NOT_FOUND;
        });
    }

    /** Answers CLIENT_ERROR bad command line format for a malformed key (too long, control bytes). */
    private static boolean badKey(MemcacheRequest r, int i, MemcacheWriter w) {
        if (r.validKey(i)) return false;
        w.line(MemcacheParser.BAD_FORMAT);
        return true;
    }

    private void delta(MemcacheSession s, MemcacheRequest r, MemcacheWriter w, boolean incr) {
        if (r.count() != 3) {
            w.line(MemcacheParser.ERROR);
            return;
        }
        MemorySegment m = r.memory();
        long off = r.offset(1);
        int len = r.length(1);
        if (badKey(r, 1, w)) return;
        if (!r.unsignedValid(2)) {
            w.line(BAD_DELTA);
            return;
        }
        long delta = r.unsigned64(2);
        EntryRef e = s.ref;
        int slot = items.lock(m, off, len);
        try {
            if (!items.find(m, off, len, e)) {
                (incr ? counters.incrMisses : counters.decrMisses).increment();
                w.raw(MemcacheWriter.NOT_FOUND);
                return;
            }
            if (!Items.counter(e, s.number)) {
                w.line(NON_NUMERIC);
                return;
            }
            (incr ? counters.incrHits : counters.decrHits).increment();
            long v = Items.applyDelta(s.number[0], delta, incr);
            items.writeNumber(m, off, len, v, e.clientFlags(), e.expireAt(), 0, s.digits, s.ref2);
            w.unsigned(v).crlf();
        } finally {
            items.unlock(slot);
        }
    }

    private void touch(MemcacheSession s, MemcacheRequest r, MemcacheWriter w) {
        if (r.count() != 3) {
            w.line(MemcacheParser.ERROR);
            return;
        }
        MemorySegment m = r.memory();
        long off = r.offset(1);
        int len = r.length(1);
        if (badKey(r, 1, w)) return;
        long exptime = r.signed32(2);
        if (exptime == MemcacheNumbers.INVALID) {
            w.line(BAD_EXPTIME);
            return;
        }
        counters.cmdTouch.increment();
        long at = items.expireAt(exptime);
        int slot = items.lock(m, off, len);
        try {
            if (!items.find(m, off, len, s.ref)) {
                counters.touchMisses.increment();
                w.raw(MemcacheWriter.NOT_FOUND);
                return;
            }
            counters.touchHits.increment();
            items.setExpire(s.ref, at);
            w.raw(MemcacheWriter.TOUCHED);
        } finally {
            items.unlock(slot);
        }
    }

    /** delete key [0] [noreply]: memcached still accepts the old "hold time" if it is 0. */
    private void delete(MemcacheSession s, MemcacheRequest r, MemcacheWriter w) {
        if (r.count() < 2 || r.count() > 4) {
            w.line(MemcacheParser.ERROR);
            return;
        }
        if (r.count() > 3 || (r.count() == 3 && !r.is(2, "0"))) {
            w.line(DELETE_USAGE);
            return;
        }
        MemorySegment m = r.memory();
        long off = r.offset(1);
        int len = r.length(1);
        if (badKey(r, 1, w)) return;
        int slot = items.lock(m, off, len);
        try {
            if (items.db().delete(m, off, len, s.ref)) {
                counters.deleteHits.increment();
                w.raw(MemcacheWriter.DELETED);
            } else {
                counters.deleteMisses.increment();
                w.raw(MemcacheWriter.NOT_FOUND);
            }
        } finally {
            items.unlock(slot);
        }
    }

    private void flushAll(MemcacheRequest r, MemcacheWriter w) {
        if (r.count() > 2) {
            w.line(MemcacheParser.ERROR);
            return;
        }
        long delay = 0;
        if (r.count() == 2) {
            delay = r.signed32(1);
            if (delay == MemcacheNumbers.INVALID) {
                w.line(MemcacheParser.BAD_FORMAT);
                return;
            }
        }
        svc.flush(delay);
        w.raw(MemcacheWriter.OK);
    }

    private void verbosity(MemcacheRequest r, MemcacheWriter w) {
        if (r.count() != 2) {
            w.line(MemcacheParser.ERROR);
            return;
        }
        long level = r.signed32(1);
        if (level != MemcacheNumbers.INVALID) svc.verbosity = (int) level;
        w.raw(MemcacheWriter.OK);
    }
}
