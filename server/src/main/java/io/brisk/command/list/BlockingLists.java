package io.brisk.command.list;

import io.brisk.command.CommandError;
import io.brisk.command.Errors;
import io.brisk.command.ServerContext;
import io.brisk.command.Session;
import io.brisk.command.blocking.BlockTimeout;
import io.brisk.command.blocking.Delivery;
import io.brisk.command.blocking.ServeAttempt;
import io.brisk.protocol.CommandArgs;
import io.brisk.protocol.Reply;
import io.brisk.store.Db;
import io.brisk.store.EntryRef;
import io.brisk.store.SlotLocks;
import io.brisk.store.list.PackedList;
import io.brisk.util.Crc16;
import java.lang.foreign.MemorySegment;

/**
 * BLPOP BRPOP BLMOVE BRPOPLPUSH BLMPOP: answer at once when a list has elements, otherwise wait
 * through {@link io.brisk.command.blocking.BlockingKeys}. Elements popped for a waiter travel in its
 * {@link Delivery}; if the waiter is gone by then they are pushed back where they came from.
 */
final class BlockingLists {
    private BlockingLists() {}

    static void bpop(Session s, CommandArgs a, Reply r, boolean head) {
        long timeout = BlockTimeout.millis(a, a.count() - 1);
        for (int i = 1; i < a.count() - 1; i++) {
            PackedList l = Lists.find(s.db(), a.segment(i), a.offset(i), a.length(i), s.ref);
            if (l == null || l.size() == 0) continue;
            long before = l.estimatedBytes();
            r.array(2);
            r.bulk(a.segment(i), a.offset(i), a.length(i));
            ListCommands.popInto(l, head, 1, r);
            Lists.changed(s.server().keyspace, s.db(), a.segment(i), a.offset(i), a.length(i), l, before);
            return;
        }
        block(s, keys(a, 1, a.count() - 2), timeout, popAttempt(head, 1, false));
    }

    static void blmpop(Session s, CommandArgs a, Reply r) {
        ListCommands.MultiPop mp = ListCommands.MultiPop.parse(a, 2); // Redis checks these before the timeout
        long timeout = BlockTimeout.millis(a, 1);
        if (ListCommands.mpopNow(s, a, r, mp)) return;
        block(s, keys(a, mp.firstKey(), mp.firstKey() + mp.numKeys() - 1), timeout, popAttempt(mp.head(), mp.count(), true));
    }

    static void blmove(Session s, CommandArgs a, Reply r) {
        boolean from = ListCommands.side(a, 3), to = ListCommands.side(a, 4);
        long timeout = BlockTimeout.millis(a, 5);
        moveOrBlock(s, a, r, from, to, timeout);
    }

    static void brpoplpush(Session s, CommandArgs a, Reply r) {
        long timeout = BlockTimeout.millis(a, 3);
        moveOrBlock(s, a, r, false, true, timeout);
    }

    private static void moveOrBlock(Session s, CommandArgs a, Reply r, boolean from, boolean to, long timeout) {
        PackedList src = Lists.find(s.db(), a.segment(1), a.offset(1), a.length(1), s.ref);
        if (src != null && src.size() > 0) {
            ListCommands.move(s, a, r, from, to);
            return;
        }
        byte[] dst = a.bytes(2);
        block(s, keys(a, 1, 1), timeout, (db, key, w) -> {
            PackedList l = claimable(db, key);
            if (l == null || !w.claim()) return null;
            byte[] v = popOne(s.server(), db, key, l, from);
            return new MoveDelivery(s.server(), db, key, dst, v, from, to);
        });
    }

    // ---- waiting ---------------------------------------------------------------------------

    private static void block(Session s, byte[][] keys, long timeout, ServeAttempt attempt) {
        s.server().blocking.block(s, keys, timeout, attempt, Reply::nullArray);
    }

    private static byte[][] keys(CommandArgs a, int first, int last) {
        return io.brisk.command.blocking.BlockingKeys.distinctKeys(a, first, last);
    }

    /** The non-empty list at key, or null (missing, empty or another type: nothing to serve). */
    private static PackedList claimable(Db db, byte[] key) {
        EntryRef ref = new EntryRef();
        if (!db.find(key, ref) || ref.type() != io.brisk.store.ValueType.LIST) return null;
        PackedList l = (PackedList) db.object(ref);
        return l.size() == 0 ? null : l;
    }

    private static byte[] popOne(ServerContext server, Db db, byte[] key, PackedList l, boolean head) {
        long before = l.estimatedBytes();
        byte[] v = l.pop(head);
        Lists.changed(server.keyspace, db, key, l, before);
        return v;
    }

    /** BLPOP/BRPOP (one element, reply [key, elem]) and BLMPOP (up to count, reply [key, [elems]]). */
    private static ServeAttempt popAttempt(boolean head, long count, boolean multi) {
        return (db, key, w) -> {
            PackedList l = claimable(db, key);
            if (l == null || !w.claim()) return null;
            ServerContext server = w.session().server();
            long n = Math.min(count, l.size());
            byte[][] vs = new byte[(int) n][];
            for (int i = 0; i < n; i++) vs[i] = popOne(server, db, key, l, head);
            return new Delivery() {
                @Override
                public void deliver(Session waiter, Reply r) {
                    r.array(2);
                    r.bulk(key);
                    if (multi) r.array(vs.length);
                    for (byte[] v : vs) r.bulk(v);
                }

                @Override
                public void giveBack(Session waiter) {
                    withLock(server, key, () -> {
                        for (int i = vs.length - 1; i >= 0; i--) Lists.pushCreating(server.keyspace, db, seg(key), 0, key.length, head, vs[i]);
                        server.blocking.signal(db, key);
                    });
                }
            };
        };
    }

    /** BLMOVE's second half, on the waiter's loop: push to the destination (or back, on WRONGTYPE). */
    private record MoveDelivery(ServerContext server, Db db, byte[] src, byte[] dst, byte[] v, boolean from, boolean to)
            implements Delivery {
        @Override
        public void deliver(Session waiter, Reply r) {
            boolean[] ok = {false};
            withLock(server, dst, () -> {
                try {
                    Lists.pushCreating(server.keyspace, db, seg(dst), 0, dst.length, to, v);
                } catch (CommandError e) {
                    return; // the destination holds another type
                }
                ok[0] = true;
                server.blocking.signal(db, dst);
            });
            if (ok[0]) {
                r.bulk(v);
            } else {
                r.error(Errors.WRONGTYPE);
                giveBack(waiter);
            }
        }

        @Override
        public void giveBack(Session waiter) {
            withLock(server, src, () -> {
                try {
                    Lists.pushCreating(server.keyspace, db, seg(src), 0, src.length, from, v);
                } catch (CommandError e) {
                    // the source became another type meanwhile: the element has nowhere to go (as in Redis)
                }
                server.blocking.signal(db, src);
            });
        }
    }

    private static MemorySegment seg(byte[] k) {
        return MemorySegment.ofArray(k);
    }

    /** Runs work holding the slot lock of key (from an event loop task that holds no lock). */
    static void withLock(ServerContext server, byte[] key, Runnable work) {
        SlotLocks locks = server.keyspace.locks();
        int slot = Crc16.slot(seg(key), 0, key.length);
        locks.lock(slot);
        try {
            work.run();
        } finally {
            locks.unlock(slot);
        }
    }
}
