package io.brisk.store;

/**
 * A collection value kept on the heap (list, hash, set, zset). Its mutators report size changes to
 * {@link Keyspace#adjustObjectBytes} so used_memory stays a careful estimate.
 */
public interface StoredObject {
    /** Estimated bytes this value occupies (its share of used_memory and MEMORY USAGE). */
    long estimatedBytes();

    /** An independent copy (COPY). */
    StoredObject deepCopy();

    /** Redis's encoding name for OBJECT ENCODING (listpack, quicklist, hashtable, intset, skiplist). */
    String encoding();
}
