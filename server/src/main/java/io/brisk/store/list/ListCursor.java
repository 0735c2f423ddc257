package io.brisk.store.list;

import java.lang.foreign.MemorySegment;

/** A position in a {@link PackedList}: one element, as a range of its node's byte array. */
public final class ListCursor {
    int node;
    /** Entry start, data start, data length, entry end, all within {@link #array()}. */
    int start, data, len, end;
    byte[] array;
    private MemorySegment seg;
    private byte[] segOf;

    public byte[] array() { return array; }
    public int offset() { return data; }
    public int length() { return len; }

    /** The node's bytes as a segment (cached per node) for zero-copy replies. */
    public MemorySegment segment() {
        if (segOf != array) {
            seg = MemorySegment.ofArray(array);
            segOf = array;
        }
        return seg;
    }

    public byte[] copy() {
        return java.util.Arrays.copyOfRange(array, data, data + len);
    }

    public boolean equalsBytes(MemorySegment s, long off, int l) {
        return l == len && MemorySegment.mismatch(segment(), data, data + len, s, off, off + l) < 0;
    }
}
