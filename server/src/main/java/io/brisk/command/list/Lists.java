package io.brisk.command.list;

import io.brisk.command.CommandError;
import io.brisk.command.Errors;
import io.brisk.store.Db;
import io.brisk.store.EntryRef;
import io.brisk.store.Keyspace;
import io.brisk.store.ValueType;
import io.brisk.store.list.PackedList;
import java.lang.foreign.MemorySegment;

/** Finding, creating and dropping list values; shared by the list commands, blocking and SORT. */
final class Lists {
    private Lists() {}

    /** The list at key, or null when missing; WRONGTYPE when the key holds something else. */
    static PackedList find(Db db, MemorySegment k, long off, int len, EntryRef ref) {
        if (!db.find(k, off, len, ref)) return null;
        if (ref.type() != ValueType.LIST) throw new CommandError(Errors.WRONGTYPE);
        return (PackedList) db.object(ref);
    }

    static PackedList find(Db db, byte[] key, EntryRef ref) {
        return find(db, MemorySegment.ofArray(key), 0, key.length, ref);
    }

    /**
     * After a mutation: reports the size change, and deletes the key when the list became empty.
     * The key is looked up again, so an EntryRef made stale by other writes in its slot is harmless.
     */
    static void changed(Keyspace ks, Db db, MemorySegment k, long off, int len, PackedList l, long bytesBefore) {
        ks.adjustObjectBytes(l.estimatedBytes() - bytesBefore);
        if (l.size() == 0) db.delete(k, off, len, new EntryRef());
    }

    static void changed(Keyspace ks, Db db, byte[] key, PackedList l, long bytesBefore) {
        changed(ks, db, MemorySegment.ofArray(key), 0, key.length, l, bytesBefore);
    }

    /** Pushes v onto the list at key (creating it); caller checked the type and holds the slot lock. */
    static long pushCreating(Keyspace ks, Db db, MemorySegment k, long off, int len, boolean head, byte[] v) {
        EntryRef ref = new EntryRef();
        PackedList l = find(db, k, off, len, ref);
        if (l == null) {
            l = new PackedList();
            l.push(head, v);
            db.putObject(k, off, len, ValueType.LIST, l, 0, ref);
        } else {
            long before = l.estimatedBytes();
            l.push(head, v);
            ks.adjustObjectBytes(l.estimatedBytes() - before);
        }
        return l.size();
    }
}
