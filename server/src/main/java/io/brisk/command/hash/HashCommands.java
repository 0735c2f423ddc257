package io.brisk.command.hash;

import static io.brisk.command.CommandFlag.DENYOOM;
import static io.brisk.command.CommandFlag.FAST;
import static io.brisk.command.CommandFlag.READONLY;
import static io.brisk.command.CommandFlag.WRITE;

import io.brisk.command.CommandError;
import io.brisk.command.CommandFlag;
import io.brisk.command.CommandHandler;
import io.brisk.command.CommandSpec;
import io.brisk.command.Errors;
import io.brisk.command.Session;
import io.brisk.protocol.CommandArgs;
import io.brisk.protocol.Numbers;
import io.brisk.protocol.Reply;
import io.brisk.store.EntryRef;
import io.brisk.store.ValueType;
import io.brisk.store.hash.FieldRef;
import io.brisk.store.hash.PackedHash;
import io.brisk.util.Glob;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Hash commands. Values are {@link PackedHash}es, small ones inline in their entry ({@link HashStore}). */
public final class HashCommands {
    private HashCommands() {}

    public static List<CommandSpec> specs() {
        return List.of(
                spec("hset", -4, HashCommands::hset, "Creates or modifies the value of a field in a hash.", "2.0.0", WRITE, DENYOOM, FAST),
                spec("hsetnx", 4, HashCommands::hsetnx, "Sets the value of a field in a hash only when the field doesn't exist.", "2.0.0", WRITE, DENYOOM, FAST),
                spec("hmset", -4, HashCommands::hmset, "Sets the values of multiple fields.", "2.0.0", WRITE, DENYOOM, FAST),
                spec("hget", 3, HashCommands::hget, "Returns the value of a field in a hash.", "2.0.0", READONLY, FAST),
                spec("hmget", -3, HashCommands::hmget, "Returns the values of all fields in a hash.", "2.0.0", READONLY, FAST),
                spec("hgetall", 2, HashCommands::hgetall, "Returns all fields and values in a hash.", "2.0.0", READONLY),
                spec("hdel", -3, HashCommands::hdel, "Deletes one or more fields and their values from a hash. Deletes the hash if no fields remain.", "2.0.0", WRITE, FAST),
                spec("hlen", 2, HashCommands::hlen, "Returns the number of fields in a hash.", "2.0.0", READONLY, FAST),
                spec("hexists", 3, HashCommands::hexists, "Determines whether a field exists in a hash.", "2.0.0", READONLY, FAST),
                spec("hkeys", 2, (s, a, r) -> list(s, a, r, true, false), "Returns all fields in a hash.", "2.0.0", READONLY),
                spec("hvals", 2, (s, a, r) -> list(s, a, r, false, true), "Returns all values in a hash.", "2.0.0", READONLY),
                spec("hstrlen", 3, HashCommands::hstrlen, "Returns the length of the value of a field.", "3.2.0", READONLY, FAST),
                spec("hincrby", 4, HashCommands::hincrby, "Increments the integer value of a field in a hash by a number. Uses 0 as initial value if the field doesn't exist.", "2.0.0", WRITE, DENYOOM, FAST),
                spec("hincrbyfloat", 4, HashCommands::hincrbyfloat, "Increments the floating point value of a field by a number. Uses 0 as initial value if the field doesn't exist.", "2.6.0", WRITE, DENYOOM, FAST),
                spec("hrandfield", -2, HashCommands::hrandfield, "Returns one or more random fields from a hash.", "6.2.0", READONLY),
                spec("hscan", -3, HashCommands::hscan, "Iterates over fields and values of a hash.", "2.8.0", READONLY));
    }

    private static CommandSpec spec(String name, int arity, CommandHandler h, String doc, String since, CommandFlag... flags) {
        boolean fast = List.of(flags).contains(FAST);
        boolean write = List.of(flags).contains(WRITE);
        return CommandSpec.of(name, arity, h).flags(flags).key1().acl(write ? "write" : "read", "hash", fast ? "fast" : "slow")
                .group("hash").doc(doc, since).build();
    }

    /** The hash at args[1], or null; WRONGTYPE for another type. */
    static PackedHash find(Session s, CommandArgs a, EntryRef ref) {
        return HashStore.find(s, a, ref);
    }

    // ---- writes ----------------------------------------------------------------------------

    private static void hset(Session s, CommandArgs a, Reply r) {
        if (a.count() % 2 != 0) {
            r.error(Errors.arity("hset"));
            return;
        }
        r.integer(setPairs(s, a));
    }

    private static void hmset(Session s, CommandArgs a, Reply r) {
        if (a.count() % 2 != 0) {
            r.error(Errors.arity("hmset"));
            return;
        }
        setPairs(s, a);
        r.ok();
    }

    private static int setPairs(Session s, CommandArgs a) {
        PackedHash h = find(s, a, s.ref);
        boolean existed = h != null;
        if (!existed) h = PackedHash.emptyScratch();
        long before = HashStore.heapBytes(h, existed, s.ref);
        int added = 0;
        for (int i = 2; i < a.count(); i += 2) {
            if (h.put(a.segment(i), a.offset(i), a.length(i), a.segment(i + 1), a.offset(i + 1), a.length(i + 1))) added++;
        }
        HashStore.save(s, a, h, existed, s.ref, before);
        return added;
    }

    private static void hsetnx(Session s, CommandArgs a, Reply r) {
        PackedHash h = find(s, a, s.ref);
        boolean existed = h != null;
        if (existed && h.get(a.segment(2), a.offset(2), a.length(2), new FieldRef())) {
            r.integer(0);
            return;
        }
        if (!existed) h = PackedHash.emptyScratch();
        long before = HashStore.heapBytes(h, existed, s.ref);
        h.put(a.segment(2), a.offset(2), a.length(2), a.segment(3), a.offset(3), a.length(3));
        HashStore.save(s, a, h, existed, s.ref, before);
        r.integer(1);
    }

    private static void hdel(Session s, CommandArgs a, Reply r) {
        PackedHash h = find(s, a, s.ref);
        if (h == null) {
            r.integer(0);
            return;
        }
        long before = HashStore.heapBytes(h, true, s.ref);
        int removed = 0;
        for (int i = 2; i < a.count(); i++) if (h.remove(a.segment(i), a.offset(i), a.length(i))) removed++;
        if (removed > 0) HashStore.save(s, a, h, true, s.ref, before);
        r.integer(removed);
    }

    private static void hincrby(Session s, CommandArgs a, Reply r) {
        long incr;
        try {
            incr = a.longValue(3);
        } catch (NumberFormatException e) {
            r.error(Errors.NOT_INTEGER);
            return;
        }
        PackedHash h = find(s, a, s.ref);
        FieldRef v = new FieldRef();
        long cur = 0;
        if (h != null && h.get(a.segment(2), a.offset(2), a.length(2), v)) {
            try {
                cur = Numbers.parseLong(v.segment(), v.offset(), v.length());
            } catch (NumberFormatException e) {
                r.error("ERR hash value is not an integer");
                return;
            }
        }
        if ((incr < 0 && cur < 0 && incr < Long.MIN_VALUE - cur) || (incr > 0 && cur > 0 && incr > Long.MAX_VALUE - cur)) {
            r.error(Errors.OVERFLOW);
            return;
        }
        long nv = cur + incr;
        store(s, a, h, Long.toString(nv));
        r.integer(nv);
    }

    private static void hincrbyfloat(Session s, CommandArgs a, Reply r) {
        double incr;
        try {
            incr = a.doubleValue(3);
        } catch (NumberFormatException e) {
            r.error(Errors.NOT_FLOAT);
            return;
        }
        PackedHash h = find(s, a, s.ref);
        FieldRef v = new FieldRef();
        double cur = 0;
        if (h != null && h.get(a.segment(2), a.offset(2), a.length(2), v)) {
            try {
                cur = Numbers.parseDouble(new String(v.array(), v.offset(), v.length(), StandardCharsets.ISO_8859_1));
            } catch (NumberFormatException e) {
                r.error("ERR hash value is not a float");
                return;
            }
        }
        double nv = cur + incr;
        if (Double.isNaN(nv) || Double.isInfinite(nv)) {
            r.error("ERR increment would produce NaN or Infinity");
            return;
        }
        String out = Numbers.formatLongDouble(nv);
        store(s, a, h, out);
        r.bulk(out);
    }

    /** Sets field args[2] of h (found into s.ref, or null for a new hash) to value. */
    private static void store(Session s, CommandArgs a, PackedHash h, String value) {
        boolean existed = h != null;
        if (!existed) h = PackedHash.emptyScratch();
        long before = HashStore.heapBytes(h, existed, s.ref);
        byte[] v = value.getBytes(StandardCharsets.US_ASCII);
        h.put(a.segment(2), a.offset(2), a.length(2), MemorySegment.ofArray(v), 0, v.length);
        HashStore.save(s, a, h, existed, s.ref, before);
    }

    // ---- reads -----------------------------------------------------------------------------

    private static void hget(Session s, CommandArgs a, Reply r) {
        PackedHash h = find(s, a, s.ref);
        FieldRef v = new FieldRef();
        if (h == null || !h.get(a.segment(2), a.offset(2), a.length(2), v)) r.nullBulk();
        else r.bulk(v.array(), v.offset(), v.length());
    }

    private static void hmget(Session s, CommandArgs a, Reply r) {
        PackedHash h = find(s, a, s.ref);
        FieldRef v = new FieldRef();
        r.array(a.count() - 2);
        for (int i = 2; i < a.count(); i++) {
            if (h != null && h.get(a.segment(i), a.offset(i), a.length(i), v)) r.bulk(v.array(), v.offset(), v.length());
            else r.nullBulk();
        }
    }

    private static void hgetall(Session s, CommandArgs a, Reply r) {
        PackedHash h = find(s, a, s.ref);
        if (h == null) {
            r.map(0);
            return;
        }
        r.map(h.size());
        h.forEach((fa, fo, fl, va, vo, vl) -> {
            r.bulk(fa, fo, fl);
            r.bulk(va, vo, vl);
        });
    }

    private static void list(Session s, CommandArgs a, Reply r, boolean fields, boolean values) {
        PackedHash h = find(s, a, s.ref);
        if (h == null) {
            r.array(0);
            return;
        }
        r.array(h.size());
        h.forEach((fa, fo, fl, va, vo, vl) -> {
            if (fields) r.bulk(fa, fo, fl);
            if (values) r.bulk(va, vo, vl);
        });
    }

    private static void hlen(Session s, CommandArgs a, Reply r) {
        PackedHash h = find(s, a, s.ref);
        r.integer(h == null ? 0 : h.size());
    }

    private static void hexists(Session s, CommandArgs a, Reply r) {
        PackedHash h = find(s, a, s.ref);
        r.integer(h != null && h.get(a.segment(2), a.offset(2), a.length(2), new FieldRef()) ? 1 : 0);
    }

    private static void hstrlen(Session s, CommandArgs a, Reply r) {
        PackedHash h = find(s, a, s.ref);
        FieldRef v = new FieldRef();
        r.integer(h != null && h.get(a.segment(2), a.offset(2), a.length(2), v) ? v.length() : 0);
    }

    // ---- HRANDFIELD ------------------------------------------------------------------------

    private static void hrandfield(Session s, CommandArgs a, Reply r) {
        if (a.count() > 4) {
            r.error(Errors.SYNTAX);
            return;
        }
        boolean withValues = false;
        long count = 0;
        boolean hasCount = a.count() >= 3;
        if (hasCount) {
            try {
                count = a.longValue(2);
            } catch (NumberFormatException e) {
                r.error(Errors.NOT_INTEGER);
                return;
            }
            if (count == Long.MIN_VALUE) {
                r.error("ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807");
                return;
            }
            if (a.count() == 4) {
                if (!a.is(3, "WITHVALUES")) {
                    r.error(Errors.SYNTAX);
                    return;
                }
                withValues = true;
                if (count < -Long.MAX_VALUE / 2) {
                    r.error("ERR value is out of range");
                    return;
                }
            }
        }
        PackedHash h = find(s, a, s.ref);
        if (h == null) {
            if (hasCount) r.array(0); else r.nullBulk();
            return;
        }
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        FieldRef f = new FieldRef(), v = new FieldRef();
        if (!hasCount) {
            h.random(rnd, f, v);
            r.bulk(f.array(), f.offset(), f.length());
            return;
        }
        final boolean wv = withValues;
        boolean pairs = wv && r.protocol() == 3;
        int size = h.size();
        if (count < 0) { // repeats allowed: independent picks
            long n = -count;
            r.array((int) (withValues && !pairs ? n * 2 : n));
            for (long i = 0; i < n; i++) {
                h.random(rnd, f, v);
                pick(r, pairs, withValues, f.copy(), v.copy());
            }
            return;
        }
        if (count >= size) { // the whole hash
            r.array(withValues && !pairs ? size * 2 : size);
            h.forEach((fa, fo, fl, va, vo, vl) -> pick(r, pairs, wv,
                    java.util.Arrays.copyOfRange(fa, fo, fo + fl), java.util.Arrays.copyOfRange(va, vo, vo + vl)));
            return;
        }
        List<byte[][]> picks = new ArrayList<>((int) count);
        if (h.isPacked() || count * 3 > size) { // a large share: shuffle a copy and take a prefix
            List<byte[][]> all = new ArrayList<>(size);
            h.forEach((fa, fo, fl, va, vo, vl) -> all.add(new byte[][] {
                    java.util.Arrays.copyOfRange(fa, fo, fo + fl), java.util.Arrays.copyOfRange(va, vo, vo + vl)}));
            java.util.Collections.shuffle(all, rnd);
            picks.addAll(all.subList(0, (int) count));
        } else { // a small share of a big hash: random picks until enough distinct ones
            java.util.Set<java.nio.ByteBuffer> seen = new java.util.HashSet<>();
            while (picks.size() < count) {
                h.random(rnd, f, v);
                byte[] fb = f.copy();
                if (seen.add(java.nio.ByteBuffer.wrap(fb))) picks.add(new byte[][] {fb, v.copy()});
            }
        }
        r.array(withValues && !pairs ? picks.size() * 2 : picks.size());
        for (byte[][] p : picks) pick(r, pairs, withValues, p[0], p[1]);
    }

    private static void pick(Reply r, boolean pairs, boolean withValues, byte[] field, byte[] value) {
        if (pairs) r.array(2);
        r.bulk(field);
        if (withValues) r.bulk(value);
    }

    // ---- HSCAN -----------------------------------------------------------------------------

    private static void hscan(Session s, CommandArgs a, Reply r) {
        long cursor;
        try {
            cursor = Long.parseUnsignedLong(a.string(2));
        } catch (NumberFormatException e) {
            r.error("ERR invalid cursor");
            return;
        }
        int count = 10;
        Glob match = null;
        for (int i = 3; i < a.count(); i += 2) {
            if (i + 1 >= a.count()) {
                r.error(Errors.SYNTAX);
                return;
            }
            if (a.is(i, "COUNT")) {
                long c;
                try {
                    c = a.longValue(i + 1);
                } catch (NumberFormatException e) {
                    r.error(Errors.NOT_INTEGER);
                    return;
                }
                if (c < 1) {
                    r.error(Errors.SYNTAX);
                    return;
                }
                count = (int) Math.min(c, Integer.MAX_VALUE);
            } else if (a.is(i, "MATCH")) {
                match = new Glob(a.bytes(i + 1), false);
                if (match.matchesEverything()) match = null;
            } else {
                r.error(Errors.SYNTAX);
                return;
            }
        }
        PackedHash h = find(s, a, s.ref);
        List<byte[]> out = new ArrayList<>();
        long next = 0;
        if (h != null) {
            Glob m = match;
            next = h.scan(cursor, count, (fa, fo, fl, va, vo, vl) -> {
                if (m != null && !m.matches(MemorySegment.ofArray(fa), fo, fl)) return;
                out.add(java.util.Arrays.copyOfRange(fa, fo, fo + fl));
                out.add(java.util.Arrays.copyOfRange(va, vo, vo + vl));
            });
        }
        r.array(2);
        r.bulk(Long.toUnsignedString(next));
        r.array(out.size());
        for (byte[] b : out) r.bulk(b);
    }
}
