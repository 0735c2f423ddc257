package io.brisk.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One lock per hash slot, shared by every database (so MOVE and COPY between databases need only
 * the slots of their keys). Held for the few hundred nanoseconds a command takes, so a waiter spins
 * briefly and then yields. Several slots are always taken in ascending order, so no deadlock.
 */
public final class SlotLocks {
    private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(int[].class);
    private final int[] words;

    public SlotLocks(int slots) {
        words = new int[slots];
    }

    public void lock(int slot) {
        if (WORDS.compareAndSet(words, slot, 0, 1)) return;
        int spins = 0;
        while (!WORDS.compareAndSet(words, slot, 0, 1)) {
            if (++spins < 100) Thread.onSpinWait();
            else Thread.yield();
        }
    }

    public void unlock(int slot) {
        WORDS.setRelease(words, slot, 0);
    }

    /** Locks the given slots, which must be sorted ascending without duplicates. */
    public void lockAll(int[] slots, int n) {
        for (int i = 0; i < n; i++) lock(slots[i]);
    }

    public void unlockAll(int[] slots, int n) {
        for (int i = n - 1; i >= 0; i--) unlock(slots[i]);
    }

    public int size() {
        return words.length;
    }
}
