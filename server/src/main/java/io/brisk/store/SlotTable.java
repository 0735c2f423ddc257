package io.brisk.store;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * The index of one hash slot of one database: open addressing with linear probing over 8-byte
 * words {@code tag:20 | location:44}, where tag is the low 20 bits of the key's hash. The home
 * bucket is hash & mask, so while the table has at most 2^20 buckets it can be rehashed and
 * shifted from the words alone, without touching entries. A miss usually reads no entry at all.
 * The words live off-heap ({@link IndexMemory}). Collections live on the heap in
 * {@link #objects}; their entry's value is a handle into it.
 */
final class SlotTable {
    static final int TAG_SHIFT = 44;
    static final long LOC_MASK = (1L << TAG_SHIFT) - 1;
    static final int TAG_BITS = 20;
    static final int INITIAL_WORDS = 8;
    private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG;

    MemorySegment words;
    int mask;
    int size;
    int volatileCount;
    Object[] objects;
    int objectCount;
    int freeHandle = -1;

    SlotTable(MemorySegment words) {
        this.words = words;
        this.mask = (int) (words.byteSize() / 8) - 1;
    }

    long get(int b) {
        return words.getAtIndex(WORD, b);
    }

    void set(int b, long w) {
        words.setAtIndex(WORD, b, w);
    }

    int capacity() {
        return mask + 1;
    }

    static long word(long hash, long location) {
        return ((hash & ((1L << TAG_BITS) - 1)) << TAG_SHIFT) | location;
    }

    static int tag(long word) {
        return (int) (word >>> TAG_SHIFT);
    }

    int addObject(Object o) {
        if (objects == null) objects = new Object[4];
        int h;
        if (freeHandle >= 0) {
            h = freeHandle;
            freeHandle = (Integer) objects[h];
        } else {
            if (objectCount == objects.length) objects = Arrays.copyOf(objects, objectCount * 2);
            h = objectCount++;
        }
        objects[h] = o;
        return h;
    }

    void freeObject(int h) {
        objects[h] = freeHandle; // free list threaded through the array (an Integer marks a free cell)
        freeHandle = h;
    }

    long indexBytes() {
        return 8L * capacity();
    }
}
