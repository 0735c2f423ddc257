package io.brisk.command.zset;

import io.brisk.command.ServerContext;
import io.brisk.command.Session;
import io.brisk.command.blocking.BlockTimeout;
import io.brisk.command.blocking.Delivery;
import io.brisk.command.blocking.ServeAttempt;
import io.brisk.protocol.CommandArgs;
import io.brisk.protocol.Reply;
import io.brisk.store.Db;
import io.brisk.store.EntryRef;
import io.brisk.store.ValueType;
import io.brisk.store.zset.ZSetLimits;
import io.brisk.store.zset.ZSetValue;
import io.brisk.util.Crc16;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * BZPOPMIN, BZPOPMAX and BZMPOP: pop at once when a sorted set has members, otherwise wait through
 * {@link io.brisk.command.blocking.BlockingKeys}; ZADD, ZINCRBY and the *STORE commands signal the
 * key. Members popped for a waiter travel in its {@link Delivery}; if the waiter is gone by then they
 * go back into the sorted set.
 */
final class ZSetBlocking {
    private ZSetBlocking() {}

    /** BZPOPMIN / BZPOPMAX key [key ...] timeout: replies [key, member, score]. */
    static void bzpop(Session s, CommandArgs a, Reply r, boolean max) {
        long timeout = BlockTimeout.millis(a, a.count() - 1);
        for (int i = 1; i < a.count() - 1; i++) {
            ZSetValue z = ZSetCommands.lookup(s, a, i, s.ref);
            if (z == null || z.size() == 0) continue;
            r.array(3);
            r.bulk(a.segment(i), a.offset(i), a.length(i));
            ZSetPopCommands.pop(s, s.ref, z, 1, max, (m, sc) -> {
                r.bulk(m);
                r.doubleValue(sc);
            });
            return;
        }
        block(s, keys(a, 1, a.count() - 2), timeout, attempt(max, 1, false));
    }

    /** BZMPOP timeout numkeys key [key ...] MIN|MAX [COUNT count]: replies like ZMPOP. */
    static void bzmpop(Session s, CommandArgs a, Reply r) {
        long timeout = BlockTimeout.millis(a, 1);
        int n = ZSetPopCommands.numkeys(a, 2);
        ZSetPopCommands.Where w = ZSetPopCommands.parseWhere(a, 3 + n);
        if (ZSetPopCommands.popFirstNonEmpty(s, a, r, 3, n, w)) return;
        block(s, keys(a, 3, 2 + n), timeout, attempt(w.max(), w.count(), true));
    }

    /** Wakes clients blocked on args[i] after a write made it a non-empty sorted set (caller holds its lock). */
    static void signal(Session s, CommandArgs a, int i) {
        s.server().blocking.signal(s.db(), a.segment(i), a.offset(i), a.length(i));
    }

    private static void block(Session s, byte[][] keys, long timeout, ServeAttempt attempt) {
        s.server().blocking.block(s, keys, timeout, attempt, Reply::nullArray);
    }

    private static byte[][] keys(CommandArgs a, int first, int last) {
        return io.brisk.command.blocking.BlockingKeys.distinctKeys(a, first, last);
    }

    /** Serves a waiter from a key that became ready: claims it, pops, and carries the members to its loop. */
    private static ServeAttempt attempt(boolean max, long count, boolean multi) {
        return (db, key, w) -> {
            EntryRef ref = new EntryRef();
            if (!db.find(key, ref) || ref.type() != ValueType.ZSET) return null;
            ZSetValue z = (ZSetValue) db.object(ref);
            if (z.size() == 0 || !w.claim()) return null;
            ServerContext server = w.session().server();
            List<byte[]> members = new ArrayList<>();
            List<Double> scores = new ArrayList<>();
            ZSetPopCommands.pop(server.keyspace, db, ref, z, count, max, (m, sc) -> {
                members.add(m);
                scores.add(sc);
            });
            return new Delivery() {
                @Override
                public void deliver(Session waiter, Reply r) {
                    r.array(multi ? 2 : 3);
                    r.bulk(key);
                    if (multi) {
                        r.array(members.size());
                        for (int i = 0; i < members.size(); i++) ScoredReply.pair(r, members.get(i), scores.get(i));
                    } else {
                        r.bulk(members.get(0));
                        r.doubleValue(scores.get(0));
                    }
                }

                @Override
                public void giveBack(Session waiter) {
                    putBack(server, waiter, db, key, members, scores);
                }
            };
        };
    }

    /** The waiter vanished after being served: return its members to the sorted set (unless the key changed type). */
    private static void putBack(ServerContext server, Session waiter, Db db, byte[] key, List<byte[]> members, List<Double> scores) {
        int slot = Crc16.slot(MemorySegment.ofArray(key), 0, key.length);
        server.keyspace.locks().lock(slot);
        try {
            EntryRef ref = new EntryRef();
            ZSetLimits lim = ZSetCommands.limits(waiter);
            boolean exists = db.find(key, ref);
            if (exists && ref.type() != ValueType.ZSET) return;
            ZSetValue z = exists ? (ZSetValue) db.object(ref) : ZSetValue.create(members.size(), 0, lim);
            long before = z.estimatedBytes();
            for (int i = 0; i < members.size(); i++) {
                if (Double.isNaN(z.score(members.get(i)))) z.insert(members.get(i), scores.get(i), lim);
            }
            if (exists) server.keyspace.adjustObjectBytes(z.estimatedBytes() - before);
            else db.putObject(key, ValueType.ZSET, z, 0, ref);
            server.blocking.signal(db, key);
        } finally {
            server.keyspace.locks().unlock(slot);
        }
    }
}
