package io.brisk.command.string;

import io.brisk.command.CommandError;
import io.brisk.command.Errors;
import io.brisk.command.Session;
import io.brisk.protocol.CommandArgs;
import io.brisk.protocol.Reply;
import io.brisk.store.Db;
import io.brisk.store.EntryRef;
import java.lang.foreign.MemorySegment;

/** APPEND, GETRANGE/SUBSTR and SETRANGE: byte ranges of a string value. */
final class Ranges {
    private Ranges() {}

    static void append(Session s, CommandArgs a, Reply r) {
        Db db = s.db();
        EntryRef old = s.ref;
        boolean exists = StringValues.findString(s, a, 1, old);
        int oldLen = exists ? old.valueLength() : 0;
        long total = (long) oldLen + a.length(2);
        StringValues.checkLength(s, total);
        EntryRef w = StringValues.begin(db, a, 1, exists ? old : null, (int) total, s.ref2);
        if (exists) MemorySegment.copy(old.memory(), old.valueOffset(), w.memory(), w.valueOffset(), oldLen);
        MemorySegment.copy(a.segment(2), a.offset(2), w.memory(), w.valueOffset() + oldLen, a.length(2));
        db.commit(w, exists ? old : null);
        r.integer(total);
    }

    /** GETRANGE key start end (SUBSTR too), with Redis's clamping of negative and oversized indexes. */
    static void getrange(Session s, CommandArgs a, Reply r) {
        long start = StringValues.integer(a, 2), end = StringValues.integer(a, 3);
        EntryRef e = s.ref;
        if (!StringValues.readString(s, a, 1, e)) {
            r.bulk(EMPTY);
            return;
        }
        long len = e.valueLength();
        if (start < 0 && end < 0 && start > end) {
            r.bulk(EMPTY);
            return;
        }
        if (start < 0) start = len + start;
        if (end < 0) end = len + end;
        if (start < 0) start = 0;
        if (end < 0) end = 0;
        if (end >= len) end = len - 1;
        if (start > end || len == 0) {
            r.bulk(EMPTY);
            return;
        }
        r.bulk(e.memory(), e.valueOffset() + start, end - start + 1);
    }

    private static final byte[] EMPTY = new byte[0];

    static void setrange(Session s, CommandArgs a, Reply r) {
        long offset = StringValues.integer(a, 2);
        if (offset < 0) throw new CommandError("ERR offset is out of range");
        Db db = s.db();
        EntryRef old = s.ref;
        int vlen = a.length(3);
        boolean exists = StringValues.findString(s, a, 1, old);
        int oldLen = exists ? old.valueLength() : 0;
        if (vlen == 0) {
            r.integer(oldLen); // nothing to write: a missing key stays missing
            return;
        }
        long total = Math.max(oldLen, offset + vlen);
        StringValues.checkLength(s, offset + vlen);
        EntryRef w = StringValues.begin(db, a, 1, exists ? old : null, (int) total, s.ref2);
        MemorySegment m = w.memory();
        long base = w.valueOffset();
        if (exists) MemorySegment.copy(old.memory(), old.valueOffset(), m, base, oldLen);
        if (offset > oldLen) m.asSlice(base + oldLen, offset - oldLen).fill((byte) 0);
        MemorySegment.copy(a.segment(3), a.offset(3), m, base + offset, vlen);
        db.commit(w);
        r.integer(total);
    }
}
