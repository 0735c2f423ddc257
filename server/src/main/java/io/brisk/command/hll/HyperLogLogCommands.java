package io.brisk.command.hll;

import static io.brisk.command.CommandFlag.ADMIN;
import static io.brisk.command.CommandFlag.DENYOOM;
import static io.brisk.command.CommandFlag.FAST;
import static io.brisk.command.CommandFlag.READONLY;
import static io.brisk.command.CommandFlag.WRITE;

import io.brisk.command.CommandError;
import io.brisk.command.CommandSpec;
import io.brisk.command.Session;
import io.brisk.command.string.StringValues;
import io.brisk.protocol.CommandArgs;
import io.brisk.protocol.Reply;
import io.brisk.store.EntryRef;
import io.brisk.store.hll.HyperLogLog;
import io.brisk.store.hll.SparseEditor;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Random;

/**
 * PFADD, PFCOUNT, PFMERGE and PFSELFTEST over strings in Redis's HyperLogLog format (see
 * {@link HyperLogLog}). A changed HLL is written as a new version of the string, keeping its TTL.
 */
public final class HyperLogLogCommands {
    static final String NOT_HLL = "WRONGTYPE Key is not a valid HyperLogLog string value.";
    static final String CORRUPT = "INVALIDOBJ Corrupted HLL object detected";

    private HyperLogLogCommands() {}

    public static List<CommandSpec> specs() {
        return List.of(
                CommandSpec.of("pfadd", -2, HyperLogLogCommands::pfadd).flags(WRITE, DENYOOM, FAST).key1()
                        .acl("write", "hyperloglog", "fast").group("hyperloglog")
                        .doc("Adds elements to a HyperLogLog key. Creates the key if it doesn't exist.", "2.8.9").build(),
                CommandSpec.of("pfcount", -2, HyperLogLogCommands::pfcount).flags(READONLY).keys(1, -1, 1)
                        .acl("read", "hyperloglog", "slow").group("hyperloglog")
                        .doc("Returns the approximated cardinality of the set(s) observed by the HyperLogLog key(s).", "2.8.9").build(),
                CommandSpec.of("pfmerge", -2, HyperLogLogCommands::pfmerge).flags(WRITE, DENYOOM).keys(1, -1, 1)
                        .acl("write", "hyperloglog", "slow").group("hyperloglog")
                        .doc("Merges one or more HyperLogLog values into a single key.", "2.8.9").build(),
                CommandSpec.of("pfdebug", 3, HyperLogLogCommands::pfdebug).flags(WRITE, DENYOOM, ADMIN).keys(2, 2, 1)
                        .acl("write", "hyperloglog", "admin", "slow", "dangerous").group("hyperloglog")
                        .doc("Internal commands for debugging HyperLogLog values.", "2.8.9").build(),
                CommandSpec.of("pfselftest", 1, HyperLogLogCommands::pfselftest).flags(ADMIN)
                        .acl("hyperloglog", "admin", "slow", "dangerous").group("hyperloglog")
                        .doc("An internal command for testing HyperLogLog values.", "2.8.9").build());
    }

    /** The HLL at argument i as bytes, or null when the key is missing; errors for other values. */
    private static byte[] load(Session s, CommandArgs a, int i, EntryRef e) {
        if (!StringValues.findString(s, a, i, e)) return null;
        if (!HyperLogLog.isHll(e.memory(), e.valueOffset(), e.valueLength())) throw new CommandError(NOT_HLL);
        return e.valueBytes();
    }

    private static byte[] registers(byte[] hll) {
        byte[] regs = new byte[HyperLogLog.REGISTERS];
        if (!HyperLogLog.maxInto(hll, regs)) throw new CommandError(CORRUPT);
        return regs;
    }

    private static long sparseMax(Session s) {
        return s.server().config.getLong("hll-sparse-max-bytes");
    }

    static void pfadd(Session s, CommandArgs a, Reply r) {
        EntryRef e = s.ref;
        if (StringValues.findString(s, a, 1, e) && HyperLogLog.isHll(e.memory(), e.valueOffset(), e.valueLength())
                && HyperLogLog.encoding(e.memory(), e.valueOffset()) == HyperLogLog.DENSE) {
            pfaddDense(s, a, r, e);
            return;
        }
        byte[] old = load(s, a, 1, e); // a dense value went to pfaddDense: this one is sparse or missing
        boolean exists = old != null;
        byte[] hll = exists ? old : HyperLogLog.empty();
        SparseEditor editor = new SparseEditor(hll);
        long sparseMax = sparseMax(s);
        boolean updated = !exists;
        byte[] v = null;
        for (int i = 2; i < a.count(); i++) {
            int pl = HyperLogLog.patLen(a.segment(i), a.offset(i), a.length(i));
            int res = editor.set(pl & 0xFFFF, pl >>> 16, sparseMax);
            if (res == SparseEditor.CORRUPT) throw new CommandError(CORRUPT);
            if (res == SparseEditor.PROMOTE) {
                // Dense from here on: every element lands in the registers, whichever came first.
                byte[] regs = registers(hll);
                for (int k = 2; k < a.count(); k++) HyperLogLog.add(regs, a.segment(k), a.offset(k), a.length(k));
                v = HyperLogLog.encode(regs, true, 0, hll);
                updated = true;
                break;
            }
            updated |= res == SparseEditor.UPDATED;
        }
        if (updated) {
            if (v == null) v = editor.toBytes();
            HyperLogLog.invalidateCache(v);
            StringValues.replace(s.db(), a, 1, exists ? e : null, v, s.ref2);
        }
        r.integer(updated ? 1 : 0);
    }

    /**
     * PFADD to a dense HLL without leaving off-heap memory: registers are read where they lie, and
     * only when one grows is a new version copied and updated in place.
     */
    private static void pfaddDense(Session s, CommandArgs a, Reply r, EntryRef e) {
        int first = -1;
        for (int i = 2; i < a.count() && first < 0; i++) {
            int pl = HyperLogLog.patLen(a.segment(i), a.offset(i), a.length(i));
            if (pl >>> 16 > HyperLogLog.denseGet(e.memory(), e.valueOffset(), pl & 0xFFFF)) first = i;
        }
        if (first < 0) {
            r.integer(0);
            return;
        }
        EntryRef w = StringValues.begin(s.db(), a, 1, e, HyperLogLog.DENSE_SIZE, s.ref2);
        MemorySegment m = w.memory();
        long off = w.valueOffset();
        MemorySegment.copy(e.memory(), e.valueOffset(), m, off, HyperLogLog.DENSE_SIZE);
        for (int i = first; i < a.count(); i++) {
            int pl = HyperLogLog.patLen(a.segment(i), a.offset(i), a.length(i));
            int reg = pl & 0xFFFF, count = pl >>> 16;
            if (count > HyperLogLog.denseGet(m, off, reg)) HyperLogLog.denseSet(m, off, reg, count);
        }
        HyperLogLog.invalidateCache(m, off);
        s.db().commit(w);
        r.integer(1);
    }

    static void pfcount(Session s, CommandArgs a, Reply r) {
        EntryRef e = s.ref;
        if (a.count() > 2) {
            byte[] regs = new byte[HyperLogLog.REGISTERS];
            for (int i = 1; i < a.count(); i++) {
                byte[] hll = load(s, a, i, e);
                if (hll != null && !HyperLogLog.maxInto(hll, regs)) throw new CommandError(CORRUPT);
            }
            r.integer(HyperLogLog.count(regs));
            return;
        }
        if (StringValues.readString(s, a, 1, e) && HyperLogLog.isHll(e.memory(), e.valueOffset(), e.valueLength())) {
            long cached = HyperLogLog.cachedCount(e.memory(), e.valueOffset());
            if (cached >= 0) { // the common case: answered from the header, nothing copied
                r.integer(cached);
                return;
            }
        }
        byte[] hll = load(s, a, 1, e);
        if (hll == null) {
            r.integer(0);
            return;
        }
        long card = HyperLogLog.count(registers(hll));
        // Like Redis, remember the count in the header so the next PFCOUNT is free.
        HyperLogLog.setCachedCount(hll, card);
        StringValues.replace(s.db(), a, 1, e, hll, s.ref2);
        r.integer(card);
    }

    static void pfmerge(Session s, CommandArgs a, Reply r) {
        EntryRef e = s.ref;
        byte[] regs = new byte[HyperLogLog.REGISTERS];
        boolean dense = false;
        for (int i = 1; i < a.count(); i++) {
            byte[] hll = load(s, a, i, e);
            if (hll == null) continue;
            dense |= HyperLogLog.encoding(hll) == HyperLogLog.DENSE;
            if (!HyperLogLog.maxInto(hll, regs)) throw new CommandError(CORRUPT);
        }
        byte[] dest = load(s, a, 1, e);
        boolean exists = dest != null;
        byte[] base = exists ? dest : HyperLogLog.empty();
        byte[] v = dense ? HyperLogLog.encode(regs, true, 0, base) : mergeSparse(base, regs, sparseMax(s));
        HyperLogLog.invalidateCache(v);
        StringValues.replace(s.db(), a, 1, exists ? e : null, v, s.ref2);
        r.ok();
    }

    /** Sets each non-zero register into a sparse destination as Redis's PFMERGE does, going dense when it must. */
    private static byte[] mergeSparse(byte[] dest, byte[] regs, long sparseMax) {
        SparseEditor editor = new SparseEditor(dest);
        for (int j = 0; j < regs.length; j++) {
            if (regs[j] == 0) continue;
            int res = editor.set(j, regs[j], sparseMax);
            if (res == SparseEditor.CORRUPT) throw new CommandError(CORRUPT);
            // The destination is one of the sources, so the merged registers are the dense result.
            if (res == SparseEditor.PROMOTE) return HyperLogLog.encode(regs, true, 0, dest);
        }
        return editor.toBytes();
    }

    /** PFDEBUG GETREG|DECODE|ENCODING|TODENSE key; GETREG and TODENSE turn a sparse value dense, as in Redis. */
    static void pfdebug(Session s, CommandArgs a, Reply r) {
        EntryRef e = s.ref;
        if (!s.db().find(a.segment(2), a.offset(2), a.length(2), e)) throw new CommandError("ERR The specified key does not exist");
        byte[] hll = load(s, a, 2, e);
        boolean sparse = HyperLogLog.encoding(hll) == HyperLogLog.SPARSE;
        if (a.is(1, "GETREG") || a.is(1, "TODENSE")) {
            byte[] regs = registers(hll);
            if (sparse) StringValues.replace(s.db(), a, 2, e, HyperLogLog.encode(regs, true, 0, hll), s.ref2);
            if (a.is(1, "TODENSE")) {
                r.integer(sparse ? 1 : 0);
                return;
            }
            r.array(regs.length);
            for (byte reg : regs) r.integer(reg);
        } else if (a.is(1, "DECODE")) {
            if (!sparse) throw new CommandError("ERR HLL encoding is not sparse");
            r.bulk(HyperLogLog.describeSparse(hll));
        } else if (a.is(1, "ENCODING")) {
            r.simple(sparse ? "sparse" : "dense");
        } else {
            throw new CommandError("ERR Unknown PFDEBUG subcommand '" + a.string(1) + "'");
        }
    }

    /** Checks register packing and the estimator against a plain array, as Redis's PFSELFTEST does. */
    static void pfselftest(Session s, CommandArgs a, Reply r) {
        Random rnd = new Random();
        byte[] regs = new byte[HyperLogLog.REGISTERS];
        for (int cycle = 0; cycle < 100; cycle++) {
            for (int i = 0; i < regs.length; i++) regs[i] = (byte) rnd.nextInt(HyperLogLog.Q + 2);
            boolean dense = cycle % 2 == 0;
            byte[] back = new byte[regs.length];
            HyperLogLog.maxInto(HyperLogLog.encode(regs, dense, Long.MAX_VALUE, null), back);
            for (int i = 0; i < regs.length; i++) {
                if (back[i] != regs[i]) {
                    r.error("ERR TESTFAILED Register " + i + " should be " + regs[i] + " but is " + back[i]);
                    return;
                }
            }
        }
        r.ok();
    }

}
