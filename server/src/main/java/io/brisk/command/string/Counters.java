package io.brisk.command.string;

import io.brisk.command.CommandError;
import io.brisk.command.Errors;
import io.brisk.command.Session;
import io.brisk.protocol.CommandArgs;
import io.brisk.protocol.Numbers;
import io.brisk.protocol.Reply;
import io.brisk.store.Db;
import io.brisk.store.EntryRef;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * INCR, DECR, INCRBY, DECRBY and INCRBYFLOAT. The integer path parses the current value where it
 * lies off-heap and writes the new digits straight into the new version: no String, no byte[].
 */
final class Counters {
    private Counters() {}

    static void incrby(Session s, CommandArgs a, Reply r) {
        incrBy(s, a, r, StringValues.integer(a, 2));
    }

    static void decrby(Session s, CommandArgs a, Reply r) {
        long d = StringValues.integer(a, 2);
        if (d == Long.MIN_VALUE) throw new CommandError("ERR decrement would overflow");
        incrBy(s, a, r, -d);
    }

    static void incrBy(Session s, CommandArgs a, Reply r, long delta) {
        Db db = s.db();
        EntryRef old = s.ref;
        long cur = 0;
        boolean exists = StringValues.findString(s, a, 1, old);
        if (exists) {
            try {
                cur = Numbers.parseLong(old.memory(), old.valueOffset(), old.valueLength());
            } catch (NumberFormatException e) {
                r.error(Errors.NOT_INTEGER);
                return;
            }
        }
        if ((delta < 0 && cur < 0 && delta < Long.MIN_VALUE - cur) || (delta > 0 && cur > 0 && delta > Long.MAX_VALUE - cur)) {
            r.error(Errors.OVERFLOW);
            return;
        }
        long v = cur + delta;
        int digits = Numbers.digits(v);
        if (exists && db.rewriteInPlace(old, digits, old.expireAt(), old.hasClientFlags(), old.clientFlags())) {
            StringValues.writeLong(old.memory(), old.valueOffset(), v, digits); // same digit count: in place
        } else {
            EntryRef w = StringValues.begin(db, a, 1, exists ? old : null, digits, s.ref2);
            StringValues.writeLong(w.memory(), w.valueOffset(), v, digits);
            db.commit(w, exists ? old : null);
        }
        r.integer(v);
    }

    /** INCRBYFLOAT computes in x87 extended precision, as Redis's long double does, and stores %.17Lf. */
    static void incrbyfloat(Session s, CommandArgs a, Reply r) {
        Db db = s.db();
        EntryRef old = s.ref;
        LongDouble cur = LongDouble.ZERO;
        boolean exists = StringValues.findString(s, a, 1, old);
        if (exists) {
            cur = LongDouble.parse(old.memory(), old.valueOffset(), old.valueLength());
            if (cur == null) throw new CommandError(Errors.NOT_FLOAT);
        }
        // Redis checks the type and the stored value before the increment.
        LongDouble incr = LongDouble.parse(a.segment(2), a.offset(2), a.length(2));
        if (incr == null) throw new CommandError(Errors.NOT_FLOAT);
        LongDouble sum = cur.add(incr);
        if (sum.isInfinite()) throw new CommandError("ERR increment would produce NaN or Infinity");
        byte[] text = sum.toHumanString().getBytes(StandardCharsets.US_ASCII);
        EntryRef w = StringValues.begin(db, a, 1, exists ? old : null, text.length, s.ref2);
        MemorySegment.copy(text, 0, w.memory(), ValueLayout.JAVA_BYTE, w.valueOffset(), text.length);
        db.commit(w);
        r.bulk(text);
    }
}
