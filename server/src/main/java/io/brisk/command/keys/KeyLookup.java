package io.brisk.command.keys;

import io.brisk.command.Session;
import io.brisk.protocol.CommandArgs;
import io.brisk.store.Db;
import io.brisk.store.EntryRef;

/** Read lookups count keyspace hits and misses (INFO stats), as Redis's lookupKeyRead does; write lookups do not. */
final class KeyLookup {
    private KeyLookup() {}

    /** Looks up argument i; touch=false leaves the access time alone (EXISTS, TYPE, TTL, OBJECT). */
    static boolean read(Session s, Db db, CommandArgs a, int i, EntryRef ref, boolean touch) {
        boolean found = touch ? db.find(a.segment(i), a.offset(i), a.length(i), ref)
                : db.peek(a.segment(i), a.offset(i), a.length(i), ref);
        (found ? s.server().keyspaceHits : s.server().keyspaceMisses).increment();
        return found;
    }
}
