package io.brisk.store;

import io.brisk.util.Crc16;
import java.util.concurrent.atomic.LongAdder;

/**
 * All databases, the slot locks they share, and the segment memory their entries live in.
 * store/ imports nothing above it: commands call in, never the other way round.
 */
public final class Keyspace {
    final Segments segments;
    private final SlotLocks locks = new SlotLocks(Crc16.SLOTS);
    private volatile Db[] dbs;

    final LongAdder indexBytes = new LongAdder();
    final IndexMemory indexMemory;
    /** Bytes of entries that are live (not yet replaced or deleted): what eviction frees at once. */
    final LongAdder liveEntryBytes = new LongAdder();
    final LongAdder objectBytes = new LongAdder();
    public final LongAdder expiredKeys = new LongAdder();
    public final LongAdder evictedKeys = new LongAdder();
    final ThreadLocal<Boolean> noTouch = new ThreadLocal<>();
    private final java.util.concurrent.atomic.AtomicInteger noTouchUsers = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean lfuPolicy;
    private volatile long coarseMillis = System.currentTimeMillis();
    private volatile int lruClock = (int) ((System.currentTimeMillis() / 1000) & 0xFFFFFF);
    /** One compaction pass at a time: a pass reads and frees segments another pass may be walking. */
    final Object compaction = new Object();
    final ThreadLocal<EntryRef> scratch = ThreadLocal.withInitial(EntryRef::new);
    final ThreadLocal<EntryRef> scratch2 = ThreadLocal.withInitial(EntryRef::new);
    final ThreadLocal<EntryRef> scratch3 = ThreadLocal.withInitial(EntryRef::new);
    private final Evictor evictor = new Evictor(this);
    private final java.util.List<java.util.function.IntConsumer> flushListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A keyspace whose memory is advised for transparent huge pages (see {@link Blocks}). */
    public Keyspace(int databases) {
        this(databases, true);
    }

    public Keyspace(int databases, boolean hugePages) {
        Blocks blocks = new Blocks(hugePages);
        segments = new Segments(blocks);
        indexMemory = new IndexMemory(blocks);
        if (databases < 1 || databases > 256) throw new IllegalArgumentException("databases must be between 1 and 256");
        Db[] d = new Db[databases];
        for (int i = 0; i < databases; i++) d[i] = new Db(i, this);
        dbs = d;
    }

    public Db db(int i) { return dbs[i]; }
    public Evictor evictor() { return evictor; }
    public int databases() { return dbs.length; }
    public SlotLocks locks() { return locks; }
    public Segments segments() { return segments; }

    public long now() { return System.currentTimeMillis(); }

    /** Redis's LRU clock: seconds, 24 bits. */
    public int lruClock() {
        return lruClock;
    }

    /**
     * Advances the LRU clock; the housekeeper calls it every tick, as Redis's serverCron refreshes
     * server.lruclock, so reads never pay for a clock call to record their access time.
     */
    public void tickLruClock() {
        long now = System.currentTimeMillis();
        coarseMillis = now;
        lruClock = (int) ((now / 1000) & 0xFFFFFF);
    }

    /**
     * The wall clock as of the housekeeper's last tick (1/hz s old at most): for bookkeeping that
     * counts seconds, such as a client's last interaction, without a clock call per read.
     */
    public long coarseMillis() {
        return coarseMillis;
    }

    /** Access word for an entry just read: current LRU clock, LFU counter bumped Redis-style (log). */
    int accessWord(int lfu, int lastClock) {
        int counter;
        if (lfu < 0) {
            counter = 5; // LFU_INIT_VAL
        } else if (!lfuPolicy) {
            counter = lfu; // Redis keeps one of the two; we keep both, and only pay for LFU's dice under an LFU policy
        } else {
            counter = lfu;
            if (counter < 255) {
                double baseval = Math.max(0, counter - 5);
                double p = 1.0 / (baseval * 10 + 1); // lfu-log-factor 10
                if (java.util.concurrent.ThreadLocalRandom.current().nextDouble() < p) counter++;
            }
        }
        return (lruClock() << 8) | counter;
    }

    /** While true, reads on this thread leave access times alone (CLIENT NO-TOUCH, OBJECT...). */
    public void noTouch(boolean on) {
        noTouch.set(on ? Boolean.TRUE : null);
        noTouchUsers.addAndGet(on ? 1 : -1);
    }

    /** Reads check the thread-local no-touch flag only while some thread has it set. */
    boolean noTouchNow() {
        return noTouchUsers.get() != 0 && noTouch.get() == Boolean.TRUE;
    }

    /** Set with maxmemory-policy: LFU counters are bumped on access only under an LFU policy. */
    public void lfuPolicy(boolean on) {
        lfuPolicy = on;
    }

    void objectFreed(Object o) {
        if (o instanceof StoredObject so) objectBytes.add(-so.estimatedBytes());
    }

    /** Collections call this when they grow or shrink. */
    public void adjustObjectBytes(long delta) {
        objectBytes.add(delta);
    }

    /** Bytes used by data: segment memory (exact), index tables, collection estimates. */
    public long usedMemory() {
        return segments.allocatedBytes() + indexBytes.sum() + objectBytes.sum();
    }

    public long segmentBytes() { return segments.allocatedBytes(); }

    /**
     * Memory that counts against maxmemory: live entries, index tables and collections. Unlike
     * {@link #usedMemory()} it drops as soon as a key is deleted, before compaction frees its segment.
     */
    public long logicalMemory() {
        return liveEntryBytes.sum() + indexBytes.sum() + objectBytes.sum();
    }

    public long keyCount(int db) { return dbs[db].keyCount(); }
    public long volatileCount(int db) { return dbs[db].volatileCount(); }

    /**
     * Called with the db's index at the start of every flush, by a layer above that keeps state of
     * its own per key (memcached meta state). Before, not after: state set for a key written into an
     * already emptied slot while the flush runs is live and must stay.
     */
    public void onFlush(java.util.function.IntConsumer listener) { flushListeners.add(listener); }

    /** Empties one database, slot by slot, each under its lock. */
    public void flush(int db) {
        for (var l : flushListeners) l.accept(db);
        Db d = dbs[db];
        for (int s = 0; s < Crc16.SLOTS; s++) {
            // no unlocked null check: a table another thread just created may not be visible without the lock
            locks.lock(s);
            try {
                d.clearSlot(s);
            } finally {
                locks.unlock(s);
            }
        }
    }

    public void flushAll() {
        for (int i = 0; i < dbs.length; i++) flush(i);
    }

    /** Swaps two databases' contents: every slot is locked so no command sees a half swap. */
    public void swap(int a, int b) {
        for (int s = 0; s < Crc16.SLOTS; s++) locks.lock(s);
        try {
            Db da = dbs[a], dbb = dbs[b];
            for (int s = 0; s < Crc16.SLOTS; s++) {
                SlotTable t = da.slots[s];
                da.slots[s] = dbb.slots[s];
                dbb.slots[s] = t;
                relabel(da.slots[s], a);
                relabel(dbb.slots[s], b);
                da.publish(s);
                dbb.publish(s);
            }
            long va = da.volatileKeys.get();
            da.volatileKeys.set(dbb.volatileKeys.get());
            dbb.volatileKeys.set(va);
            long ka = da.keys.get();
            da.keys.set(dbb.keys.get());
            dbb.keys.set(ka);
        } finally {
            for (int s = Crc16.SLOTS - 1; s >= 0; s--) locks.unlock(s);
        }
    }

    /** Entries record their db for the compactor; after a swap they are rewritten in place. */
    private void relabel(SlotTable t, int db) {
        if (t == null) return;
        for (int b = 0, cap = t.capacity(); b < cap; b++) {
            long word = t.get(b);
            if (word == 0) continue;
            long loc = word & SlotTable.LOC_MASK;
            Segment seg = segments.at(loc);
            seg.mem.set(java.lang.foreign.ValueLayout.JAVA_BYTE, Segments.offset(loc) + 1, (byte) db);
        }
    }
}
