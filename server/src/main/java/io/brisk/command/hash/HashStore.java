package io.brisk.command.hash;

import io.brisk.command.CommandError;
import io.brisk.command.Errors;
import io.brisk.command.Session;
import io.brisk.command.StoredObjects;
import io.brisk.protocol.CommandArgs;
import io.brisk.store.Db;
import io.brisk.store.EntryRef;
import io.brisk.store.ValueType;
import io.brisk.store.hash.PackedHash;

/**
 * Where a hash lives. A small packed hash is kept inline: its bytes are the value of its key's
 * entry, off-heap like a string's, so a million two-field hashes cost no heap objects at all. A
 * command reads it into this thread's scratch {@link PackedHash} and, after a change, writes it back
 * as a new version of the entry: no garbage per command either. A hash past {@link #INLINE_MAX_BYTES} (or converted to a hashtable) moves
 * to the heap for good and is changed in place there, since rewriting a large value on every
 * HSET would cost more than it saves.
 */
public final class HashStore {
    /** Largest packed hash kept inline: a few dozen short fields. */
    static final int INLINE_MAX_BYTES = 256;

    private HashStore() {}

    /**
     * The hash of a found HASH entry: the heap object, or for an inline one this thread's scratch
     * copy of it (valid until the thread reads the next inline hash; nothing to collect).
     */
    public static PackedHash of(Db db, EntryRef ref) {
        return ref.isInline() ? PackedHash.scratchOf(ref.memory(), ref.valueOffset(), ref.valueLength()) : (PackedHash) db.object(ref);
    }

    /** The hash at args[1] (ref left on its entry), or null; WRONGTYPE for another type. */
    static PackedHash find(Session s, CommandArgs a, EntryRef ref) {
        if (!s.db().find(a.segment(1), a.offset(1), a.length(1), ref)) return null;
        if (ref.type() != ValueType.HASH) throw new CommandError(Errors.WRONGTYPE);
        return of(s.db(), ref);
    }

    /** Bytes to pass to {@link #save} as bytesBefore: what a heap hash counts now. */
    static long heapBytes(PackedHash h, boolean existed, EntryRef ref) {
        return existed && ref.hasHandle() ? h.estimatedBytes() : 0;
    }

    /**
     * Keeps a change to h, the hash at args[1]. existed: h came from {@link #find} into ref (which
     * must still be on that entry). A heap hash was changed in place: only its byte count moves. An
     * inline or new one is written back (keeping the key's TTL), inline while small enough. An
     * emptied hash deletes its key.
     */
    static void save(Session s, CommandArgs a, PackedHash h, boolean existed, EntryRef ref, long bytesBefore) {
        Db db = s.db();
        if (existed && ref.hasHandle()) {
            StoredObjects.mutated(s, ref, h, bytesBefore, h.size() == 0);
            return;
        }
        if (h.size() == 0) {
            if (existed) db.remove(ref);
            return;
        }
        long expireAt = existed ? ref.expireAt() : 0;
        int packed = h.packedLength();
        if (packed >= 0 && packed <= INLINE_MAX_BYTES) {
            db.putInline(a.segment(1), a.offset(1), a.length(1), ValueType.HASH, h.packedArray(), packed, expireAt,
                    existed ? ref : null, s.ref2);
        } else {
            db.putObject(a.segment(1), a.offset(1), a.length(1), ValueType.HASH, h.detach(), expireAt, ref);
        }
    }
}
