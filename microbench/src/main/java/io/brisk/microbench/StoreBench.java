package io.brisk.microbench;

import io.brisk.store.Db;
import io.brisk.store.EntryRef;
import io.brisk.store.Housekeeper;
import io.brisk.store.KeySlots;
import io.brisk.store.Keyspace;
import io.brisk.store.SlotLocks;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The store under GET and SET: Db.find and Db.putString (overwrite) of 16-byte keys with 32-byte
 * values, as compare-redis's memory test loads them. Keys are visited in a shuffled order, so
 * neither the index nor the entries are walked in memory order. Each call holds its slot lock, taken
 * as the Dispatcher takes it: the lock's CAS is part of every command's cost, and the housekeeper
 * thread (compaction) locks slots too.
 */
@State(Scope.Thread)
public class StoreBench extends BenchmarkDefaults {
    private static final int KEY_LEN = 16;
    private static final int VALUE_LEN = 32;

    /** 1000: index and entries stay in cache (the code's own cost); 1000000: mostly cache misses. */
    @Param({"1000", "1000000"})
    public int keys;

    private Keyspace keyspace;
    private Db db;
    private SlotLocks locks;
    private Housekeeper housekeeper;
    private final EntryRef ref = new EntryRef();
    private Arena arena;
    /** Every key once, 16 bytes each, in the shuffled order the benchmarks visit them. */
    private MemorySegment keysInVisitOrder;
    private MemorySegment value;
    private int next;
    private int lockedSlot;

    @Setup
    public void setUp() {
        keyspace = new Keyspace(16);
        db = keyspace.db(0);
        locks = keyspace.locks();
        arena = Arena.ofShared();
        value = arena.allocate(VALUE_LEN).copyFrom(MemorySegment.ofArray(ascii("val:%028d", 42)));
        int[] order = new int[keys];
        for (int i = 0; i < keys; i++) order[i] = i;
        SplittableRandom random = new SplittableRandom(42);
        for (int i = keys - 1; i > 0; i--) {
            int j = random.nextInt(i + 1), t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        keysInVisitOrder = arena.allocate((long) keys * KEY_LEN);
        for (int i = 0; i < keys; i++) {
            MemorySegment.copy(MemorySegment.ofArray(ascii("key:%012d", order[i])), 0, keysInVisitOrder, (long) i * KEY_LEN, KEY_LEN);
        }
        // Loaded in key order, so entries lie in segments in an order unrelated to the visit order;
        // no locks yet, as no other thread runs before the housekeeper starts.
        for (int n = 0; n < keys; n++) db.putString(ascii("key:%012d", n), ascii("val:%028d", n), 0, ref);
        // As in the server: compaction frees the segments overwrites leave dead (putString would
        // otherwise grow native memory by hundreds of MB a second).
        housekeeper = new Housekeeper(keyspace);
        housekeeper.start();
    }

    @TearDown
    public void tearDown() {
        housekeeper.stop();
        arena.close();
    }

    @Benchmark
    public int find() {
        long off = lockNextKey();
        try {
            return db.find(keysInVisitOrder, off, KEY_LEN, ref) ? ref.valueLength() : -1;
        } finally {
            unlock();
        }
    }

    @Benchmark
    public void putString() {
        long off = lockNextKey();
        try {
            db.putString(keysInVisitOrder, off, KEY_LEN, value, 0, VALUE_LEN, 0, ref);
        } finally {
            unlock();
        }
    }

    /**
     * The next key, its slot locked as the dispatcher does it: the slot is remembered (KeySlots), so
     * the store does not hash the key again; returns the key's offset.
     */
    private long lockNextKey() {
        long off = nextKey();
        lockedSlot = KeySlots.current().remember(keysInVisitOrder, off, KEY_LEN);
        locks.lock(lockedSlot);
        return off;
    }

    private void unlock() {
        KeySlots.current().forget();
        locks.unlock(lockedSlot);
    }

    private long nextKey() {
        int i = next;
        next = i + 1 == keys ? 0 : i + 1;
        return (long) i * KEY_LEN;
    }

    private static byte[] ascii(String format, int n) {
        return String.format(format, n).getBytes(StandardCharsets.US_ASCII);
    }
}
