package io.brisk.store;

import io.brisk.util.Crc16;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/**
 * Background upkeep on its own thread, hz times a second: the active expire cycle (walks slots that
 * hold keys with a TTL, deleting the expired, within a time budget like Redis's slow cycle) and
 * segment compaction (moves the live entries out of mostly-dead segments and frees them).
 */
public final class Housekeeper implements Runnable {
    private final Keyspace ks;
    private volatile int hz = 10;
    private volatile boolean activeExpire = true;
    private volatile boolean running = true;
    private int expireDb;
    private int expireSlot;
    private Thread thread;
    private final List<LongConsumer> tasks = new CopyOnWriteArrayList<>();

    public Housekeeper(Keyspace ks) {
        this.ks = ks;
    }

    public void hz(int hz) { this.hz = Math.max(1, Math.min(500, hz)); }
    public void activeExpire(boolean on) { this.activeExpire = on; }
    public boolean activeExpire() { return activeExpire; }

    /**
     * Upkeep of a layer above the store (which store/ cannot call), run on this thread after the
     * store's own every tick, given the tick period in nanoseconds so it can size its work to it.
     */
    public void addTask(LongConsumer task) { tasks.add(task); }

    public void start() {
        thread = Thread.ofPlatform().daemon().name("brisk-housekeeper").start(this);
    }

    public void stop() {
        running = false;
        if (thread != null) thread.interrupt();
    }

    @Override
    public void run() {
        while (running) {
            long periodNanos = 1_000_000_000L / hz;
            long start = System.nanoTime();
            try {
                ks.tickLruClock();
                if (activeExpire) activeExpireCycle(periodNanos / 4); // at most 25% of a period, as Redis
                compact(0.5);
                for (LongConsumer t : tasks) t.accept(periodNanos);
            } catch (RuntimeException e) {
                io.brisk.util.Log.warning("housekeeper: " + e);
            }
            long sleep = periodNanos - (System.nanoTime() - start);
            if (sleep > 0) {
                try {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Deletes expired keys, resuming where the last cycle stopped, until the budget runs out. */
    public int activeExpireCycle(long budgetNanos) {
        long deadline = System.nanoTime() + budgetNanos;
        EntryRef ref = ks.scratch.get();
        SlotLocks locks = ks.locks();
        int removed = 0;
        int dbs = ks.databases();
        for (int visited = 0; visited < dbs * Crc16.SLOTS; visited++) {
            Db db = ks.db(expireDb);
            if (!db.hasVolatileKeys()) { // nothing to expire here: skip the whole db
                visited += Crc16.SLOTS - expireSlot - 1;
                expireSlot = 0;
                expireDb = (expireDb + 1) % dbs;
                continue;
            }
            int slot = expireSlot;
            if (++expireSlot == Crc16.SLOTS) {
                expireSlot = 0;
                expireDb = (expireDb + 1) % dbs;
            }
            if (db.slotVolatileSize(slot) == 0) continue;
            locks.lock(slot);
            try {
                removed += db.expireSlot(slot, ref);
            } finally {
                locks.unlock(slot);
            }
            if ((visited & 63) == 0 && System.nanoTime() > deadline) break;
        }
        ks.expiredKeys.add(removed);
        return removed;
    }

    /** Moves live entries out of sealed segments below the live fraction and frees them. */
    public void compact(double liveFraction) {
        synchronized (ks.compaction) { // taken before any slot lock, never while holding one
            compactPass(liveFraction);
        }
    }

    private void compactPass(double liveFraction) {
        List<Segment> sparse = ks.segments.sparse(liveFraction);
        if (sparse.isEmpty()) return;
        EntryRef ref = new EntryRef();
        SlotLocks locks = ks.locks();
        for (Segment s : sparse) {
            int top = s.top;
            long pos = 0;
            while (pos < top && s.live.get() > 0) {
                long loc = ((long) s.id << Segments.OFFSET_BITS) | pos;
                ref.load(s, loc);
                int size = ref.size;
                if ((s.mem.get(ValueLayout.JAVA_BYTE, pos) & EntryRef.DEAD) == 0) {
                    int slot = Crc16.slot(ref.mem, ref.keyOff, ref.keyLen);
                    locks.lock(slot);
                    try {
                        ref.load(s, loc);
                        if (!ref.isDead()) ks.db(ref.db).relocate(ref, slot);
                    } finally {
                        locks.unlock(slot);
                    }
                }
                pos += size;
            }
            if (s.live.get() == 0) ks.segments.free(s);
        }
    }
}
