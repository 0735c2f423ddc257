package io.brisk.command.bitmap;

import static io.brisk.command.CommandFlag.DENYOOM;
import static io.brisk.command.CommandFlag.FAST;
import static io.brisk.command.CommandFlag.READONLY;
import static io.brisk.command.CommandFlag.WRITE;

import io.brisk.command.CommandError;
import io.brisk.command.CommandSpec;
import io.brisk.command.Errors;
import io.brisk.command.Session;
import io.brisk.command.string.StringValues;
import io.brisk.protocol.CommandArgs;
import io.brisk.protocol.Numbers;
import io.brisk.protocol.Reply;
import io.brisk.store.Db;
import io.brisk.store.EntryRef;
import io.brisk.store.ValueType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * Bitmap commands over string values: SETBIT GETBIT BITCOUNT BITPOS BITOP here, BITFIELD in
 * {@link Bitfield}. Reads work on the value where it lies off-heap; a write builds the new version
 * off-heap (old bytes copied, growth zero-filled) and changes it there.
 */
public final class BitmapCommands {
    static final String BAD_OFFSET = "ERR bit offset is not an integer or out of range";

    private BitmapCommands() {}

    public static List<CommandSpec> specs() {
        return List.of(
                CommandSpec.of("setbit", 4, BitmapCommands::setbit).flags(WRITE, DENYOOM).key1().acl("write", "bitmap", "slow")
                        .group("bitmap").doc("Sets or clears the bit at offset of the string value. Creates the key if it doesn't exist.", "2.2.0").build(),
                CommandSpec.of("getbit", 3, BitmapCommands::getbit).flags(READONLY, FAST).key1().acl("read", "bitmap", "fast")
                        .group("bitmap").doc("Returns a bit value by offset.", "2.2.0").build(),
                CommandSpec.of("bitcount", -2, BitmapCommands::bitcount).flags(READONLY).key1().acl("read", "bitmap", "slow")
                        .group("bitmap").doc("Counts the number of set bits (population counting) in a string.", "2.6.0").build(),
                CommandSpec.of("bitpos", -3, BitmapCommands::bitpos).flags(READONLY).key1().acl("read", "bitmap", "slow")
                        .group("bitmap").doc("Finds the first set (1) or clear (0) bit in a string.", "2.8.7").build(),
                CommandSpec.of("bitop", -4, BitmapCommands::bitop).flags(WRITE, DENYOOM).keys(2, -1, 1).acl("write", "bitmap", "slow")
                        .group("bitmap").doc("Performs bitwise operations on multiple strings, and stores the result.", "2.6.0").build(),
                CommandSpec.of("bitfield", -2, (s, a, r) -> Bitfield.run(s, a, r, false)).flags(WRITE, DENYOOM).key1()
                        .acl("write", "bitmap", "slow").group("bitmap")
                        .doc("Performs arbitrary bitfield integer operations on strings.", "3.2.0").build(),
                CommandSpec.of("bitfield_ro", -2, (s, a, r) -> Bitfield.run(s, a, r, true)).flags(READONLY, FAST).key1()
                        .acl("read", "bitmap", "fast").group("bitmap")
                        .doc("Performs arbitrary read-only bitfield integer operations on strings.", "6.0.0").build());
    }

    /**
     * Parses a bit offset as Redis's getBitOffsetFromArgument: "#n" means n * bits when allowed;
     * negative offsets and offsets past proto-max-bulk-len bytes are refused.
     */
    static long bitOffset(Session s, CommandArgs a, int i, boolean hash, int bits) {
        boolean useHash = hash && bits > 0 && a.length(i) > 0 && a.byteAt(i, 0) == '#';
        long off;
        try {
            off = useHash ? Numbers.parseLong(a.segment(i), a.offset(i) + 1, a.length(i) - 1) : a.longValue(i);
        } catch (NumberFormatException e) {
            throw new CommandError(BAD_OFFSET);
        }
        if (useHash) off *= bits;
        if (off < 0 || (off >> 3) >= s.server().config.getLong("proto-max-bulk-len")) throw new CommandError(BAD_OFFSET);
        return off;
    }

    /**
     * Starts a new version of the string at keyArg at least minLen bytes long: old's bytes copied
     * (and its TTL kept), the growth zero-filled. The caller edits it in place and commits.
     */
    static EntryRef beginGrown(Session s, CommandArgs a, int keyArg, EntryRef old, long minLen, EntryRef out) {
        int oldLen = old == null ? 0 : old.valueLength();
        long len = Math.max(oldLen, minLen);
        if (len > Integer.MAX_VALUE - 64) throw new CommandError(StringValues.TOO_BIG);
        EntryRef w = StringValues.begin(s.db(), a, keyArg, old, (int) len, out);
        if (old != null) MemorySegment.copy(old.memory(), old.valueOffset(), w.memory(), w.valueOffset(), oldLen);
        if (len > oldLen) w.memory().asSlice(w.valueOffset() + oldLen, len - oldLen).fill((byte) 0);
        return w;
    }

    static void setbit(Session s, CommandArgs a, Reply r) {
        long off = bitOffset(s, a, 2, false, 0);
        long on;
        try {
            on = a.longValue(3);
        } catch (NumberFormatException e) {
            throw new CommandError("ERR bit is not an integer or out of range");
        }
        if ((on & ~1) != 0) throw new CommandError("ERR bit is not an integer or out of range");
        EntryRef old = s.ref;
        boolean exists = StringValues.findString(s, a, 1, old);
        long byteIndex = off >>> 3;
        int was = exists ? Bits.bit(old.memory(), old.valueOffset(), old.valueLength(), off) : 0;
        if (!exists || byteIndex >= old.valueLength() || was != on) {
            EntryRef w = beginGrown(s, a, 1, exists ? old : null, byteIndex + 1, s.ref2);
            Bits.setBit(w.memory(), w.valueOffset(), off, (int) on);
            s.db().commit(w);
        }
        r.integer(was);
    }

    static void getbit(Session s, CommandArgs a, Reply r) {
        long off = bitOffset(s, a, 2, false, 0);
        EntryRef e = s.ref;
        if (!StringValues.readString(s, a, 1, e)) {
            r.integer(0);
            return;
        }
        r.integer(Bits.bit(e.memory(), e.valueOffset(), e.valueLength(), off));
    }

    /** Parses BYTE|BIT at argument i: true for BIT. */
    private static boolean bitUnit(CommandArgs a, int i) {
        if (a.is(i, "BIT")) return true;
        if (a.is(i, "BYTE")) return false;
        throw new CommandError(Errors.SYNTAX);
    }

    /** BITCOUNT key [start end [BYTE | BIT]]. */
    static void bitcount(Session s, CommandArgs a, Reply r) {
        EntryRef e = s.ref;
        if (!StringValues.readString(s, a, 1, e)) {
            r.integer(0);
            return;
        }
        MemorySegment m = e.memory();
        long base = e.valueOffset(), strlen = e.valueLength();
        long start, end;
        int firstMask = 0, lastMask = 0;
        int argc = a.count();
        if (argc == 4 || argc == 5) {
            long totlen = strlen;
            start = StringValues.integer(a, 2);
            end = StringValues.integer(a, 3);
            boolean isBit = argc == 5 && bitUnit(a, 4);
            if (isBit) totlen <<= 3;
            if (start < 0 && end < 0 && start > end) {
                r.integer(0);
                return;
            }
            ByteRange br = ByteRange.of(start, end, totlen, isBit);
            start = br.start;
            end = br.end;
            firstMask = br.firstMask;
            lastMask = br.lastMask;
        } else if (argc == 2) {
            start = 0;
            end = strlen - 1;
        } else {
            throw new CommandError(Errors.SYNTAX);
        }
        if (start > end) {
            r.integer(0);
            return;
        }
        long count = Bits.popcount(m, base + start, end - start + 1);
        if (firstMask != 0) count -= Integer.bitCount(Bits.byteAt(m, base, strlen, start) & firstMask);
        if (lastMask != 0) count -= Integer.bitCount(Bits.byteAt(m, base, strlen, end) & lastMask);
        r.integer(count);
    }

    /** BITPOS key bit [start [end [BYTE | BIT]]], following Redis's bitposCommand step by step. */
    static void bitpos(Session s, CommandArgs a, Reply r) {
        long bitArg = StringValues.integer(a, 2);
        if (bitArg != 0 && bitArg != 1) throw new CommandError("ERR The bit argument must be 1 or 0.");
        int bit = (int) bitArg;
        EntryRef e = s.ref;
        if (!StringValues.readString(s, a, 1, e)) {
            r.integer(bit == 1 ? -1 : 0);
            return;
        }
        MemorySegment m = e.memory();
        long base = e.valueOffset(), strlen = e.valueLength();
        long start, end;
        boolean endGiven = false;
        int firstMask = 0, lastMask = 0;
        int argc = a.count();
        if (argc >= 4 && argc <= 6) {
            long totlen = strlen;
            start = StringValues.integer(a, 3);
            boolean isBit = argc == 6 && bitUnit(a, 5);
            if (argc >= 5) {
                end = StringValues.integer(a, 4);
                endGiven = true;
            } else {
                end = isBit ? (totlen << 3) + 7 : totlen - 1;
            }
            if (isBit) totlen <<= 3;
            ByteRange br = ByteRange.of(start, end, totlen, isBit);
            start = br.start;
            end = br.end;
            firstMask = br.firstMask;
            lastMask = br.lastMask;
        } else if (argc == 3) {
            start = 0;
            end = strlen - 1;
        } else {
            throw new CommandError(Errors.SYNTAX);
        }
        if (start > end) {
            r.integer(-1);
            return;
        }
        long bytes = end - start + 1;
        long pos;
        MemorySegment one = MemorySegment.ofArray(new byte[1]);
        found:
        {
            if (firstMask != 0) {
                int t = Bits.byteAt(m, base, strlen, start);
                t = bit == 1 ? t & ~firstMask : t | firstMask;
                if (lastMask != 0 && bytes == 1) t = bit == 1 ? t & ~lastMask : t | lastMask;
                one.set(ValueLayout.JAVA_BYTE, 0, (byte) t);
                pos = Bits.bitpos(one, 0, 1, bit);
                if (bytes == 1 || (pos != -1 && pos != 8)) break found;
                start++;
                bytes--;
            }
            long cur = bytes - (lastMask != 0 ? 1 : 0);
            if (cur > 0) {
                pos = Bits.bitpos(m, base + start, cur, bit);
                if (bytes == cur || (pos != -1 && pos != cur << 3)) break found;
                start += cur;
                bytes -= cur;
            }
            int t = Bits.byteAt(m, base, strlen, end);
            t = bit == 1 ? t & ~lastMask : t | lastMask;
            one.set(ValueLayout.JAVA_BYTE, 0, (byte) t);
            pos = Bits.bitpos(one, 0, 1, bit);
        }
        // A clear bit just past an explicit range is not in the range.
        if (endGiven && bit == 0 && pos == bytes << 3) {
            r.integer(-1);
            return;
        }
        if (pos != -1) pos += start << 3;
        r.integer(pos);
    }

    /** out[i] = out[i] op src[i] for i < len, eight bytes at a time. */
    private static void combine(int op, MemorySegment src, long soff, MemorySegment out, long ooff, int len) {
        int i = 0;
        for (; i + 8 <= len; i += 8) {
            long a = out.get(ValueLayout.JAVA_LONG_UNALIGNED, ooff + i), b = src.get(ValueLayout.JAVA_LONG_UNALIGNED, soff + i);
            out.set(ValueLayout.JAVA_LONG_UNALIGNED, ooff + i, op == 0 ? a & b : op == 1 ? a | b : a ^ b);
        }
        for (; i < len; i++) {
            int a = out.get(ValueLayout.JAVA_BYTE, ooff + i), b = src.get(ValueLayout.JAVA_BYTE, soff + i);
            out.set(ValueLayout.JAVA_BYTE, ooff + i, (byte) (op == 0 ? a & b : op == 1 ? a | b : a ^ b));
        }
    }

    /** BITOP AND|OR|XOR|NOT destkey key [key ...]: the result replaces destkey (no TTL); empty deletes it. */
    static void bitop(Session s, CommandArgs a, Reply r) {
        int op;
        if (a.is(1, "AND")) op = 0;
        else if (a.is(1, "OR")) op = 1;
        else if (a.is(1, "XOR")) op = 2;
        else if (a.is(1, "NOT")) op = 3;
        else throw new CommandError(Errors.SYNTAX);
        if (op == 3 && a.count() != 4) throw new CommandError("ERR BITOP NOT must be called with a single source key.");
        int n = a.count() - 3;
        // Sources are read where they lie; each needs its own cursor while the result is built.
        EntryRef[] src = new EntryRef[n];
        int maxLen = 0;
        for (int j = 0; j < n; j++) {
            EntryRef e = new EntryRef();
            if (StringValues.readString(s, a, j + 3, e)) {
                src[j] = e;
                maxLen = Math.max(maxLen, e.valueLength());
            }
        }
        Db db = s.db();
        if (maxLen == 0) {
            db.delete(a.segment(2), a.offset(2), a.length(2), s.ref2);
            r.integer(0);
            return;
        }
        // The sources' versions stay readable until commit, even when destkey is one of them.
        EntryRef w = db.begin(s.ref2, a.segment(2), a.offset(2), a.length(2), ValueType.STRING, maxLen, 0, false, 0);
        MemorySegment out = w.memory();
        long base = w.valueOffset();
        if (src[0] != null) MemorySegment.copy(src[0].memory(), src[0].valueOffset(), out, base, src[0].valueLength());
        int first = src[0] == null ? 0 : src[0].valueLength();
        if (first < maxLen) out.asSlice(base + first, maxLen - first).fill((byte) 0);
        for (long i = 0; op == 3 && i < maxLen; i++) out.set(ValueLayout.JAVA_BYTE, base + i, (byte) ~out.get(ValueLayout.JAVA_BYTE, base + i));
        for (int j = 1; j < n; j++) {
            int len = src[j] == null ? 0 : src[j].valueLength();
            if (op == 0 && len < maxLen) out.asSlice(base + len, maxLen - len).fill((byte) 0); // AND with the zero padding
            if (len == 0) continue;
            combine(op, src[j].memory(), src[j].valueOffset(), out, base, len);
        }
        db.commit(w);
        r.integer(maxLen);
    }

    /**
     * A BITCOUNT/BITPOS range as Redis normalises it: negative indexes count from the end, clamped
     * to the value; with BIT units, the byte range plus masks for the edge bits outside it.
     */
    private record ByteRange(long start, long end, int firstMask, int lastMask) {
        static ByteRange of(long start, long end, long totlen, boolean isBit) {
            if (start < 0) start = totlen + start;
            if (end < 0) end = totlen + end;
            if (start < 0) start = 0;
            if (end < 0) end = 0;
            if (end >= totlen) end = totlen - 1;
            if (!isBit || start > end) return new ByteRange(start, end, 0, 0);
            int firstMask = ~((1 << (8 - (start & 7))) - 1) & 0xFF;
            int lastMask = (1 << (7 - (end & 7))) - 1;
            return new ByteRange(start >> 3, end >> 3, firstMask, lastMask);
        }
    }
}
