package io.brisk.store.hash;

import java.lang.foreign.MemorySegment;

/** Where a hash value (or field) lies: a range of a byte array, for zero-copy replies. */
public final class FieldRef {
    byte[] array;
    int offset, length;
    private MemorySegment seg;
    private byte[] segOf;

    public byte[] array() { return array; }
    public int offset() { return offset; }
    public int length() { return length; }

    void set(byte[] a, int off, int len) {
        array = a;
        offset = off;
        length = len;
    }

    public MemorySegment segment() {
        if (segOf != array) {
            seg = MemorySegment.ofArray(array);
            segOf = array;
        }
        return seg;
    }

    public byte[] copy() {
        return java.util.Arrays.copyOfRange(array, offset, offset + length);
    }
}
