package io.brisk.command.string;

import io.brisk.BriskServer;
import io.brisk.store.Db;
import io.brisk.store.EntryRef;
import io.brisk.store.StoredObject;
import io.brisk.store.ValueType;
import io.brisk.util.Crc16;
import java.nio.charset.StandardCharsets;

/**
 * Test-only stand-ins for a few commands of other families (RPUSH to make a wrong-type key,
 * EXPIRE, TTL, EXISTS), acting on the store under the key's slot lock, for parity scripts run
 * before those families exist on this branch.
 */
final class StoreBackdoor {
    private StoreBackdoor() {}

    /** A placeholder collection: only its type matters to string commands. */
    private record Placeholder() implements StoredObject {
        public long estimatedBytes() { return 16; }
        public StoredObject deepCopy() { return this; }
        public String encoding() { return "listpack"; }
    }

    static Object emulate(BriskServer server, String[] words) {
        byte[] key = words[1].getBytes(StandardCharsets.UTF_8);
        Db db = server.context().keyspace.db(0);
        int slot = Crc16.slot(java.lang.foreign.MemorySegment.ofArray(key), 0, key.length);
        var locks = server.context().keyspace.locks();
        locks.lock(slot);
        try {
            EntryRef e = new EntryRef();
            boolean found = db.find(key, e);
            long now = server.context().keyspace.now();
            return switch (words[0].toUpperCase()) {
                case "RPUSH" -> {
                    db.putObject(key, ValueType.LIST, new Placeholder(), 0, e);
                    yield 1L;
                }
                case "EXISTS" -> found ? 1L : 0L;
                case "EXPIRE" -> {
                    if (!found) yield 0L;
                    db.setExpire(e, now + Long.parseLong(words[2]) * 1000);
                    yield 1L;
                }
                case "TTL" -> !found ? -2L : e.expireAt() == 0 ? -1L : (e.expireAt() - now + 500) / 1000;
                case "PTTL" -> !found ? -2L : e.expireAt() == 0 ? -1L : e.expireAt() - now;
                default -> throw new IllegalArgumentException("no stand-in for " + words[0]);
            };
        } finally {
            locks.unlock(slot);
        }
    }
}
