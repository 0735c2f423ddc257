package io.brisk.command.keys;

import io.brisk.command.CommandError;
import io.brisk.command.Errors;
import io.brisk.command.Session;
import io.brisk.protocol.CommandArgs;
import io.brisk.protocol.Reply;
import io.brisk.store.Db;
import io.brisk.store.EntryRef;
import io.brisk.store.Keyspace;
import io.brisk.store.SlotLocks;
import io.brisk.store.ValueType;
import io.brisk.util.Crc16;
import io.brisk.util.Glob;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The whole-database commands KEYS, SCAN, RANDOMKEY and DBSIZE. They declare no keys, so the
 * dispatcher locks nothing: they walk slot by slot and hold one slot lock at a time, so a walk never
 * stalls the rest of the server and never deadlocks with a multi-key command.
 *
 * <p>SCAN's cursor is slot-major: it finishes one slot before the next, and inside a slot it walks
 * home buckets in Redis's reverse-binary order, so every key that exists for the whole scan is
 * returned even while keys are added and removed and tables grow, and a reply stays near COUNT
 * keys even when one hash tag holds millions.
 */
final class KeyWalk {
    private static final String INVALID_CURSOR = "ERR invalid cursor";

    private KeyWalk() {}

    static void keys(Session s, CommandArgs a, Reply r) {
        Glob glob = new Glob(a.bytes(1), false);
        List<byte[]> out = new ArrayList<>();
        collect(s, glob, out);
        reply(r, out);
    }

    /** SCAN cursor [MATCH pattern] [COUNT count] [TYPE type]. */
    static void scan(Session s, CommandArgs a, Reply r) {
        long cursor = parseCursor(a, 1);
        Glob glob = null;
        long count = 10;
        boolean typeFilter = false;
        ValueType type = null;
        for (int i = 2; i < a.count(); i++) {
            boolean hasValue = i + 1 < a.count();
            if (a.is(i, "COUNT") && hasValue) {
                try {
                    count = a.longValue(++i);
                } catch (NumberFormatException e) {
                    r.error(Errors.NOT_INTEGER);
                    return;
                }
                if (count < 1) {
                    r.error(Errors.SYNTAX);
                    return;
                }
            } else if (a.is(i, "MATCH") && hasValue) {
                glob = new Glob(a.bytes(++i), false);
            } else if (a.is(i, "TYPE") && hasValue) {
                typeFilter = true;
                type = ValueType.byName(a.string(++i)); // an unknown name matches nothing, as in Redis 7.0
            } else {
                r.error(Errors.SYNTAX);
                return;
            }
        }
        List<byte[]> out = new ArrayList<>();
        long next = scanSteps(s, cursor, glob, typeFilter ? (type == null ? NO_TYPE : type) : null, count, out);
        r.array(2);
        r.bulk(Long.toUnsignedString(next));
        reply(r, out);
    }

    /**
     * Runs SCAN steps from a cursor until count keys are collected or the bucket budget (count * 10,
     * as Redis's maxiterations) is spent; returns the next cursor. Cursor bits: the low 14 name the
     * slot, the rest are the reverse-binary position inside that slot's table (see Db.scanSlot).
     * Empty slots cost no budget: skipping them is one lock and one read.
     */
    private static long scanSteps(Session s, long cursor, Glob glob, Object type, long count, List<byte[]> out) {
        SlotLocks locks = s.server().keyspace.locks();
        Db db = s.db();
        EntryRef ref = s.ref;
        boolean all = glob == null || glob.matchesEverything();
        java.util.function.Consumer<EntryRef> collector = e -> {
            if (type != null && type != e.type()) return;
            if (!all && !glob.matches(e.memory(), e.keyOffset(), e.keyLength())) return;
            out.add(e.keyBytes());
        };
        long budget = count > Long.MAX_VALUE / 10 ? Long.MAX_VALUE : count * 10;
        int slot = (int) (cursor & (Crc16.SLOTS - 1));
        long inner = cursor >>> SLOT_BITS;
        while (true) {
            locks.lock(slot);
            try {
                if (db.slotSize(slot) == 0) {
                    inner = 0;
                } else {
                    do {
                        inner = db.scanSlot(slot, inner, ref, collector);
                        budget--;
                    } while (inner != 0 && out.size() < count && budget > 0);
                }
            } finally {
                locks.unlock(slot);
            }
            if (inner == 0 && ++slot == Crc16.SLOTS) return 0;
            if (out.size() >= count || budget <= 0) return (inner << SLOT_BITS) | slot;
        }
    }

    private static final int SLOT_BITS = 14;

    /** Marker for a TYPE filter naming no type: every key is filtered out. */
    private static final Object NO_TYPE = new Object();

    /** KEYS: every live key matching glob, one slot lock at a time. */
    private static void collect(Session s, Glob glob, List<byte[]> out) {
        SlotLocks locks = s.server().keyspace.locks();
        Db db = s.db();
        EntryRef ref = s.ref;
        boolean all = glob.matchesEverything();
        for (int slot = 0; slot < Crc16.SLOTS; slot++) {
            locks.lock(slot);
            try {
                db.forEachInSlot(slot, ref, e -> {
                    if (all || glob.matches(e.memory(), e.keyOffset(), e.keyLength())) out.add(e.keyBytes());
                });
            } finally {
                locks.unlock(slot);
            }
        }
    }

    /** Redis parses the cursor with strtoull: digits with an optional sign, wrapping modulo 2^64. */
    private static long parseCursor(CommandArgs a, int i) {
        String c = a.string(i);
        boolean neg = false;
        int p = 0;
        if (!c.isEmpty() && (c.charAt(0) == '-' || c.charAt(0) == '+')) {
            neg = c.charAt(0) == '-';
            p = 1;
        }
        if (p == c.length()) throw new CommandError(INVALID_CURSOR);
        for (int j = p; j < c.length(); j++) {
            if (c.charAt(j) < '0' || c.charAt(j) > '9') throw new CommandError(INVALID_CURSOR);
        }
        long v;
        try {
            v = Long.parseUnsignedLong(c.substring(p));
        } catch (NumberFormatException e) {
            throw new CommandError(INVALID_CURSOR);
        }
        return neg ? -v : v;
    }

    private static void reply(Reply r, List<byte[]> keys) {
        r.array(keys.size());
        for (byte[] k : keys) r.bulk(k);
    }

    /**
     * RANDOMKEY: a slot chosen with probability proportional to its size, then a random key in it.
     * Slot sizes are read without locks (only a weight); the chosen slot is locked, its expired keys
     * removed, and the pick retried if it emptied meanwhile.
     */
    static void randomKey(Session s, CommandArgs a, Reply r) {
        Keyspace ks = s.server().keyspace;
        SlotLocks locks = ks.locks();
        Db db = s.db();
        EntryRef ref = s.ref;
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 64; attempt++) {
            long total = 0;
            for (int slot = 0; slot < Crc16.SLOTS; slot++) total += db.slotSize(slot);
            if (total == 0) break;
            long pick = rnd.nextLong(total);
            int slot = 0;
            for (; slot < Crc16.SLOTS - 1; slot++) {
                pick -= db.slotSize(slot);
                if (pick < 0) break;
            }
            byte[] key = null;
            locks.lock(slot);
            try {
                ks.expiredKeys.add(db.expireSlot(slot, ref));
                if (db.randomInSlot(slot, rnd.nextLong(), ref)) key = ref.keyBytes();
            } finally {
                locks.unlock(slot);
            }
            if (key != null) {
                r.bulk(key);
                return;
            }
        }
        r.nullBulk();
    }

    static void dbsize(Session s, CommandArgs a, Reply r) {
        SlotLocks locks = s.server().keyspace.locks();
        Db db = s.db();
        long n = 0;
        for (int slot = 0; slot < Crc16.SLOTS; slot++) {
            locks.lock(slot);
            try {
                n += db.slotSize(slot);
            } finally {
                locks.unlock(slot);
            }
        }
        r.integer(n);
    }
}
