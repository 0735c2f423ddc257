package io.brisk.store;

import io.brisk.util.Crc16;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Frees memory when it is over maxmemory, the way Redis does: sample a few keys (maxmemory-samples)
 * from random slots, evict the best candidate for the policy (idlest for LRU, least used for LFU,
 * soonest to expire for volatile-ttl, any for random), repeat until under the limit. Runs before a
 * command takes its own slot locks and takes one slot lock at a time, so it cannot deadlock.
 */
public final class Evictor {
    private final Keyspace ks;
    private volatile long maxmemory;
    private volatile EvictionPolicy policy = EvictionPolicy.NOEVICTION;
    private volatile int samples = 5;
    private volatile int lfuDecayMinutes = 1;

    public Evictor(Keyspace ks) {
        this.ks = ks;
    }

    public void maxmemory(long bytes) { maxmemory = bytes; }
    public long maxmemory() { return maxmemory; }
    public void policy(EvictionPolicy p) {
        policy = p;
        ks.lfuPolicy(p.isLfu());
    }
    public EvictionPolicy policy() { return policy; }
    public void samples(int n) { samples = Math.max(1, n); }
    public void lfuDecayMinutes(int m) { lfuDecayMinutes = m; }

    public boolean overLimit() {
        long max = maxmemory;
        return max > 0 && ks.logicalMemory() > max;
    }

    /**
     * Evicts until under maxmemory. Returns false when memory is still over the limit and nothing
     * more can be evicted (noeviction, or no candidate keys): the caller answers OOM.
     */
    public boolean makeRoom() {
        if (!overLimit()) return true;
        if (policy == EvictionPolicy.NOEVICTION) return false;
        int guard = 0;
        while (overLimit()) {
            if (!evictOne() || ++guard > 100_000) return !overLimit();
        }
        return true;
    }

    private boolean evictOne() {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        EvictionPolicy p = policy;
        EntryRef ref = ks.scratch.get();
        SlotLocks locks = ks.locks();
        int n = samples;
        Db bestDb = null;
        int bestSlot = -1;
        byte[] bestKey = null;
        long bestScore = Long.MIN_VALUE;
        int nowClock = ks.lruClock();
        for (int attempt = 0; attempt < 16 && bestKey == null; attempt++) {
            for (int d = 0; d < ks.databases(); d++) {
                Db db = ks.db(d);
                if (p.volatileOnly() ? !db.hasVolatileKeys() : db.keyCount() == 0) continue;
                int taken = 0;
                for (int probe = 0; probe < 64 && taken < n; probe++) {
                    int slot = rnd.nextInt(Crc16.SLOTS);
                    locks.lock(slot);
                    try {
                        SlotTable t = db.slots[slot];
                        if (t == null || t.size == 0 || (p.volatileOnly() && t.volatileCount == 0)) continue;
                        int cap = t.capacity();
                        int start = rnd.nextInt(cap);
                        for (int i = 0; i < cap && taken < n; i++) {
                            long word = t.get((start + i) & (cap - 1));
                            if (word == 0) continue;
                            long loc = word & SlotTable.LOC_MASK;
                            ref.load(ks.segments.at(loc), loc);
                            if (p.volatileOnly() && ref.expireAt == 0) continue;
                            taken++;
                            long score = score(p, ref, nowClock, rnd);
                            if (bestKey == null || score > bestScore) {
                                bestScore = score;
                                bestKey = ref.keyBytes();
                                bestDb = db;
                                bestSlot = slot;
                            }
                        }
                    } finally {
                        locks.unlock(slot);
                    }
                }
            }
        }
        if (bestKey == null) return false;
        locks.lock(bestSlot);
        try {
            if (bestDb.delete(bestKey, ref)) ks.evictedKeys.increment();
        } finally {
            locks.unlock(bestSlot);
        }
        return true;
    }

    /** Higher is a better eviction candidate. */
    private long score(EvictionPolicy p, EntryRef ref, int nowClock, ThreadLocalRandom rnd) {
        return switch (p) {
            case ALLKEYS_LRU, VOLATILE_LRU -> idleSeconds(nowClock, ref.lruClock());
            case ALLKEYS_LFU, VOLATILE_LFU -> 255 - decayedCounter(ref, nowClock);
            case VOLATILE_TTL -> -ref.expireAt;
            default -> rnd.nextLong();
        };
    }

    static long idleSeconds(int nowClock, int entryClock) {
        return nowClock >= entryClock ? nowClock - entryClock : nowClock + (0xFFFFFF - entryClock);
    }

    /** LFU counter after lfu-decay-time: one step down per period idle, as Redis's LFUDecrAndReturn. */
    long decayedCounter(EntryRef ref, int nowClock) {
        int counter = ref.lfuCounter();
        if (lfuDecayMinutes == 0) return counter;
        long periods = idleSeconds(nowClock, ref.lruClock()) / 60 / lfuDecayMinutes;
        return Math.max(0, counter - periods);
    }
}
