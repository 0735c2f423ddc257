package io.brisk.store;

/** A thread's current segment: entries are appended without any lock beyond the key's slot lock. */
public final class Appender {
    private final Segments segments;
    private Segment current;

    Appender(Segments segments) {
        this.segments = segments;
    }

    /** Reserves size bytes and returns the location; the caller writes the entry there. */
    long reserve(int size) {
        if (size > Segments.SEGMENT_SIZE) {
            Segment big = segments.allocate(size);
            big.top = size;
            // Sealed by Db.commit once the entry is live: sealed now, the compactor could free it
            // (live == 0) while the caller is still writing the value.
            return (long) big.id << Segments.OFFSET_BITS;
        }
        Segment s = current;
        if (s == null || s.top + size > Segments.SEGMENT_SIZE) {
            if (s != null) s.sealed = true;
            s = current = segments.allocate(Segments.SEGMENT_SIZE);
        }
        int off = s.top;
        s.top = off + size;
        return ((long) s.id << Segments.OFFSET_BITS) | off;
    }

    /** Seals the current segment so the compactor may take it (a thread that stops appending). */
    void retire() {
        if (current != null) {
            current.sealed = true;
            current = null;
        }
    }
}
