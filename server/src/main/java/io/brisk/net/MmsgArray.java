package io.brisk.net;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A native array of struct mmsghdr, each with its own iovecs, for recvmmsg and sendmmsg (64-bit
 * Linux layout: msghdr is 56 bytes, mmsghdr adds the byte count, padded to 64; an iovec is 16).
 */
final class MmsgArray {
    private static final long MMSGHDR = 64;
    private static final long IOVEC = 16;
    private static final long NAME = 0;
    private static final long NAME_LEN = 8;
    private static final long IOV = 16;
    private static final long IOV_LEN = 24;
    private static final long BYTES = 56;

    private final MemorySegment headers;
    private final MemorySegment iovecs;
    private final int iovecsPerMessage;
    private final int capacity;

    MmsgArray(Arena arena, int capacity, int iovecsPerMessage) {
        this.capacity = capacity;
        this.iovecsPerMessage = iovecsPerMessage;
        headers = arena.allocate(MMSGHDR * capacity, 8);
        iovecs = arena.allocate(IOVEC * iovecsPerMessage * capacity, 8);
        for (int i = 0; i < capacity; i++) {
            headers.set(ValueLayout.ADDRESS, MMSGHDR * i + IOV, iovecs.asSlice(IOVEC * iovecsPerMessage * i));
            headers.set(ValueLayout.JAVA_LONG, MMSGHDR * i + IOV_LEN, iovecsPerMessage);
        }
    }

    int capacity() { return capacity; }

    /** The array from entry i on, as the system calls take it. */
    MemorySegment headers(int i) {
        return i == 0 ? headers : headers.asSlice(MMSGHDR * i);
    }

    /** Entry i's peer address: where a datagram came from (receive) or goes to (send). */
    void name(int i, long address, int length) {
        headers.set(ValueLayout.JAVA_LONG, MMSGHDR * i + NAME, address);
        headers.set(ValueLayout.JAVA_INT, MMSGHDR * i + NAME_LEN, length);
    }

    long nameAddress(int i) { return headers.get(ValueLayout.JAVA_LONG, MMSGHDR * i + NAME); }
    int nameLength(int i) { return headers.get(ValueLayout.JAVA_INT, MMSGHDR * i + NAME_LEN); }

    /** Room for a peer address before a receive (the kernel overwrites it with the actual length). */
    void nameLength(int i, int length) {
        headers.set(ValueLayout.JAVA_INT, MMSGHDR * i + NAME_LEN, length);
    }

    void iovec(int i, int k, long base, long length) {
        long at = IOVEC * ((long) iovecsPerMessage * i + k);
        iovecs.set(ValueLayout.JAVA_LONG, at, base);
        iovecs.set(ValueLayout.JAVA_LONG, at + 8, length);
    }

    /** Bytes the kernel moved for entry i. */
    int bytes(int i) { return headers.get(ValueLayout.JAVA_INT, MMSGHDR * i + BYTES); }
}
