package io.brisk.command;

import io.brisk.protocol.CommandArgs;
import io.brisk.store.Db;
import io.brisk.store.EntryRef;
import io.brisk.store.Keyspace;
import io.brisk.store.StoredObject;
import io.brisk.store.ValueType;

/**
 * Shared steps of commands on on-heap collections: look a key up as a given type (WRONGTYPE
 * otherwise), and after a mutation report the size change to the keyspace and delete the key when
 * the collection became empty (Redis never keeps an empty collection).
 */
public final class StoredObjects {
    private StoredObjects() {}

    /** The collection at args[i] into ref, or null when the key does not exist; WRONGTYPE for another type. */
    public static <T extends StoredObject> T lookup(Session s, CommandArgs a, int i, ValueType type, Class<T> cls, EntryRef ref) {
        if (!s.db().find(a.segment(i), a.offset(i), a.length(i), ref)) return null;
        if (ref.type() != type) throw new CommandError(Errors.WRONGTYPE);
        return cls.cast(s.db().object(ref));
    }

    /** Like lookup, for read commands: counts a keyspace hit or miss (INFO keyspace_hits/misses), as Redis's lookupKeyRead. */
    public static <T extends StoredObject> T read(Session s, CommandArgs a, int i, ValueType type, Class<T> cls, EntryRef ref) {
        boolean found = s.db().find(a.segment(i), a.offset(i), a.length(i), ref);
        (found ? s.server().keyspaceHits : s.server().keyspaceMisses).increment();
        if (!found) return null;
        if (ref.type() != type) throw new CommandError(Errors.WRONGTYPE);
        return cls.cast(s.db().object(ref));
    }

    /** Same for a key held as bytes. */
    public static <T extends StoredObject> T lookup(Session s, byte[] key, ValueType type, Class<T> cls, EntryRef ref) {
        if (!s.db().find(key, ref)) return null;
        if (ref.type() != type) throw new CommandError(Errors.WRONGTYPE);
        return cls.cast(s.db().object(ref));
    }

    /**
     * After mutating a stored collection: reports estimatedBytes() - bytesBefore to the keyspace, and
     * removes the key (ref must still point at it) when the collection is now empty.
     */
    public static void mutated(Session s, EntryRef ref, StoredObject o, long bytesBefore, boolean empty) {
        mutated(s.server().keyspace, s.db(), ref, o, bytesBefore, empty);
    }

    /** Same, for work done outside a command (serving a blocked client on another thread). */
    public static void mutated(Keyspace keyspace, Db db, EntryRef ref, StoredObject o, long bytesBefore, boolean empty) {
        long delta = o.estimatedBytes() - bytesBefore;
        if (delta != 0) keyspace.adjustObjectBytes(delta);
        if (empty) db.remove(ref);
    }

    /** Stores a collection under args[i] (replacing any value, dropping the TTL), or deletes the key when empty. */
    public static void store(Session s, CommandArgs a, int i, ValueType type, StoredObject o, boolean empty, EntryRef ref) {
        Db db = s.db();
        if (empty) db.delete(a.segment(i), a.offset(i), a.length(i), ref);
        else db.putObject(a.segment(i), a.offset(i), a.length(i), type, o, 0, ref);
    }
}
