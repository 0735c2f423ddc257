package io.brisk.command.bitmap;

import io.brisk.command.CommandError;
import io.brisk.command.Errors;
import io.brisk.command.Session;
import io.brisk.command.string.StringValues;
import io.brisk.protocol.CommandArgs;
import io.brisk.protocol.Reply;
import io.brisk.store.EntryRef;
import java.lang.foreign.MemorySegment;

/**
 * BITFIELD and BITFIELD_RO: GET, SET and INCRBY on signed (i1..i64) and unsigned (u1..u63) fields,
 * with OVERFLOW WRAP|SAT|FAIL, as Redis's bitfieldGeneric: the whole line is parsed first, then a
 * writing call grows the string to its highest written bit (even if every write then fails).
 */
final class Bitfield {
    private static final String BAD_TYPE = "ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.";
    private static final int GET = 0, SET = 1, INCRBY = 2;
    private static final int WRAP = 0, SAT = 1, FAIL = 2;

    private Bitfield() {}

    static void run(Session s, CommandArgs a, Reply r, boolean readOnlyCommand) {
        int argc = a.count();
        // ops: opcode, overflow, bits, signed, offset, value
        long[] ops = new long[6 * Math.max(1, (argc - 2) / 3)];
        int numOps = 0, overflow = WRAP;
        boolean readOnly = true;
        long highest = 0;
        for (int j = 2; j < argc; j++) {
            int rem = argc - j - 1;
            int opcode;
            if (a.is(j, "GET") && rem >= 2) opcode = GET;
            else if (a.is(j, "SET") && rem >= 3) opcode = SET;
            else if (a.is(j, "INCRBY") && rem >= 3) opcode = INCRBY;
            else if (a.is(j, "OVERFLOW") && rem >= 1) {
                j++;
                if (a.is(j, "WRAP")) overflow = WRAP;
                else if (a.is(j, "SAT")) overflow = SAT;
                else if (a.is(j, "FAIL")) overflow = FAIL;
                else throw new CommandError("ERR Invalid OVERFLOW type specified");
                continue;
            } else throw new CommandError(Errors.SYNTAX);

            int len = a.length(j + 1);
            int sign = len > 0 && a.byteAt(j + 1, 0) == 'i' ? 1 : len > 0 && a.byteAt(j + 1, 0) == 'u' ? 0 : -1;
            if (sign < 0) throw new CommandError(BAD_TYPE);
            long bits;
            try {
                bits = io.brisk.protocol.Numbers.parseLong(a.segment(j + 1), a.offset(j + 1) + 1, len - 1);
            } catch (NumberFormatException e) {
                throw new CommandError(BAD_TYPE);
            }
            if (bits < 1 || (sign == 1 && bits > 64) || (sign == 0 && bits > 63)) throw new CommandError(BAD_TYPE);
            long offset = BitmapCommands.bitOffset(s, a, j + 2, true, (int) bits);
            long value = 0;
            if (opcode != GET) {
                readOnly = false;
                highest = Math.max(highest, offset + bits - 1);
                value = StringValues.integer(a, j + 3);
            }
            if ((numOps + 1) * 6 > ops.length) ops = java.util.Arrays.copyOf(ops, ops.length * 2);
            int o = numOps++ * 6;
            ops[o] = opcode;
            ops[o + 1] = overflow;
            ops[o + 2] = bits;
            ops[o + 3] = sign;
            ops[o + 4] = offset;
            ops[o + 5] = value;
            j += opcode == GET ? 2 : 3;
        }

        EntryRef e = s.ref;
        MemorySegment m = null;
        long base = 0, len = 0;
        EntryRef w = null;
        if (readOnly) {
            if (StringValues.readString(s, a, 1, e)) {
                m = e.memory();
                base = e.valueOffset();
                len = e.valueLength();
            }
        } else {
            if (readOnlyCommand) throw new CommandError("ERR BITFIELD_RO only supports the GET subcommand");
            boolean exists = StringValues.findString(s, a, 1, e);
            w = BitmapCommands.beginGrown(s, a, 1, exists ? e : null, (highest >>> 3) + 1, s.ref2);
            m = w.memory();
            base = w.valueOffset();
            len = w.valueLength();
        }

        r.array(numOps);
        for (int i = 0; i < numOps; i++) {
            int o = i * 6;
            int opcode = (int) ops[o], ow = (int) ops[o + 1], bits = (int) ops[o + 2];
            boolean signed = ops[o + 3] == 1;
            long offset = ops[o + 4], value = ops[o + 5];
            if (opcode == GET) {
                if (m == null) r.integer(0);
                else r.integer(signed ? Bits.getSigned(m, base, len, offset, bits) : Bits.getUnsigned(m, base, len, offset, bits));
                continue;
            }
            long old = signed ? Bits.getSigned(m, base, len, offset, bits) : Bits.getUnsigned(m, base, len, offset, bits);
            long[] res = new long[1];
            long newVal, reply;
            int overflowed;
            if (opcode == INCRBY) {
                overflowed = signed ? signedOverflow(old, value, bits, ow, res) : unsignedOverflow(old, value, bits, ow, res);
                newVal = overflowed != 0 ? res[0] : old + value;
                reply = newVal;
            } else {
                overflowed = signed ? signedOverflow(value, 0, bits, ow, res) : unsignedOverflow(value, 0, bits, ow, res);
                newVal = overflowed != 0 ? res[0] : value;
                reply = old;
            }
            if (overflowed != 0 && ow == FAIL) {
                r.nullBulk();
            } else {
                r.integer(reply);
                Bits.setField(m, base, offset, bits, newVal);
            }
        }
        if (w != null) s.db().commit(w);
    }

    /** Redis's checkUnsignedBitfieldOverflow; values are unsigned 64-bit in a long. */
    static int unsignedOverflow(long value, long incr, int bits, int ow, long[] limit) {
        long max = (1L << bits) - 1; // bits <= 63
        long maxIncr = max - value;
        long minIncr = -value;
        if (Long.compareUnsigned(value, max) > 0 || (incr > 0 && incr > maxIncr)) {
            if (ow == WRAP) return wrapUnsigned(value, incr, bits, limit);
            if (ow == SAT) limit[0] = max;
            return 1;
        } else if (incr < 0 && incr < minIncr) {
            if (ow == WRAP) return wrapUnsigned(value, incr, bits, limit);
            if (ow == SAT) limit[0] = 0;
            return -1;
        }
        return 0;
    }

    private static int wrapUnsigned(long value, long incr, int bits, long[] limit) {
        long mask = -1L << bits;
        limit[0] = (value + incr) & ~mask;
        return 1;
    }

    /** Redis's checkSignedBitfieldOverflow, with its unsigned wrap-around arithmetic. */
    static int signedOverflow(long value, long incr, int bits, int ow, long[] limit) {
        long max = bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
        long min = -max - 1;
        long maxIncr = max - value;
        long minIncr = min - value;
        if (value > max || (bits != 64 && incr > maxIncr) || (value >= 0 && incr > 0 && incr > maxIncr)) {
            if (ow == WRAP) return wrapSigned(value, incr, bits, limit);
            if (ow == SAT) limit[0] = max;
            return 1;
        } else if (value < min || (bits != 64 && incr < minIncr) || (value < 0 && incr < 0 && incr < minIncr)) {
            if (ow == WRAP) return wrapSigned(value, incr, bits, limit);
            if (ow == SAT) limit[0] = min;
            return -1;
        }
        return 0;
    }

    private static int wrapSigned(long value, long incr, int bits, long[] limit) {
        long msb = 1L << (bits - 1);
        long c = value + incr;
        if (bits < 64) {
            long mask = -1L << bits;
            c = (c & msb) != 0 ? c | mask : c & ~mask;
        }
        limit[0] = c;
        return 1;
    }
}
