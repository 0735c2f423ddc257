package io.brisk.store;

/**
 * A collection whose members can be visited in its natural order: SORT reads lists, sets and sorted
 * sets through this (lists: head to tail; sets: any order; sorted sets: by score ascending).
 */
public interface Members {
    /** Number of members. */
    long memberCount();

    /** Visits every member; the bytes are valid only during the call (copy to keep). */
    void forEachMember(MemberVisitor visitor);

    @FunctionalInterface
    interface MemberVisitor {
        void member(byte[] array, int offset, int length);
    }
}
