package io.brisk.command.blocking;

import io.brisk.command.Connection;
import io.brisk.command.ServerContext;
import io.brisk.command.Session;
import io.brisk.protocol.Reply;
import io.brisk.store.Db;
import io.brisk.store.SlotLocks;
import io.brisk.util.Bytes;
import io.brisk.util.Crc16;
import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Clients blocked on keys (BLPOP, BRPOP, BLMOVE, BLMPOP, BZPOPMIN, BZMPOP...), one FIFO queue per
 * (db, key). One instance per server: {@code ServerContext.blocking}.
 *
 * <p>How it fits together:
 * <ul>
 *   <li>A blocking command's handler first tries to answer at once. If it cannot, it calls
 *       {@link #block} (still under the dispatcher's slot locks, so no push can slip in between)
 *       and writes no reply. The connection then stops running commands (pipelined ones wait, as in
 *       Redis) until the wait ends.</li>
 *   <li>Any command that may have made a key ready (LPUSH, LMOVE's destination, ZADD...) calls
 *       {@link #signal} after its write, still holding the key's slot lock. The waiters of that key
 *       are offered the key in arrival order through their {@link ServeAttempt}; the first that
 *       claims takes its data on this thread and its {@link Delivery} is sent to its event loop.</li>
 *   <li>The timeout fires on a timer thread, claims the waiter (CAS) and answers on its loop;
 *       {@link #unblock} (CLIENT UNBLOCK) and a disconnect do the same. Whoever wins the CAS decides.</li>
 * </ul>
 * Queues are touched only under the slot lock of their key; the map of queues is concurrent.
 */
public final class BlockingKeys {
    public static final String UNBLOCKED = "UNBLOCKED client unblocked via CLIENT UNBLOCK";

    private static final ScheduledThreadPoolExecutor TIMERS = timers();

    private final ServerContext server;
    private final SlotLocks locks;
    private final ConcurrentHashMap<WaitKey, ArrayDeque<BlockedClient>> queues = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, BlockedClient> byClient = new ConcurrentHashMap<>();
    /** Waiters registered anywhere: writers skip all work while it is zero. */
    private final AtomicInteger waiting = new AtomicInteger();

    public BlockingKeys(ServerContext server) {
        this.server = server;
        this.locks = server.keyspace.locks();
    }

    private static ScheduledThreadPoolExecutor timers() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "brisk-block-timeouts");
            th.setDaemon(true);
            return th;
        });
        t.setRemoveOnCancelPolicy(true);
        return t;
    }

    /** Clients blocked right now (INFO blocked_clients). */
    public int blockedClients() {
        return byClient.size();
    }

    // ---- blocking --------------------------------------------------------------------------

    /**
     * Blocks the session on keys. Call from the blocking command's handler, on the session's event
     * loop, while the dispatcher holds the slot locks of all these keys, and write no reply.
     *
     * @param timeoutMillis 0 = wait forever
     * @param onTimeout     writes the reply for a timeout (null array for BLPOP, null bulk for BLMOVE)
     */
    public BlockedClient block(Session s, byte[][] keys, long timeoutMillis, ServeAttempt attempt, Consumer<Reply> onTimeout) {
        int db = s.dbIndex();
        BlockedClient w = new BlockedClient(s, db, keys, attempt, onTimeout);
        for (byte[] k : keys) queues.computeIfAbsent(new WaitKey(db, k), x -> new ArrayDeque<>()).addLast(w);
        waiting.incrementAndGet();
        byClient.put(s.id(), w);
        // The connection keeps reading (so a disconnect is noticed on every transport, and the wait
        // withdrawn before anything is popped for it) but runs no command while blocked: pipelined
        // commands wait in its input buffer, as in Redis, and run when resume() un-pauses it.
        s.blocked(true);
        s.onClose(() -> {
            if (w.end(BlockedClient.CANCELLED)) {
                cancelTimer(w);
                unregister(w);
            }
        });
        if (timeoutMillis > 0) {
            w.timer = TIMERS.schedule(() -> {
                if (w.end(BlockedClient.TIMED_OUT)) answer(w, w.onTimeout);
            }, timeoutMillis, TimeUnit.MILLISECONDS);
        }
        return w;
    }

    /**
     * CLIENT UNBLOCK id [TIMEOUT|ERROR]: ends the wait of a blocked client as if it timed out (or with
     * the UNBLOCKED error). Returns true if that client was blocked. Callable from any thread.
     */
    public boolean unblock(long clientId, boolean error) {
        BlockedClient w = byClient.get(clientId);
        if (w == null) return false;
        if (!w.end(error ? BlockedClient.UNBLOCKED_ERROR : BlockedClient.TIMED_OUT)) return false;
        answer(w, error ? r -> r.error(UNBLOCKED) : w.onTimeout);
        return true;
    }

    /** Static entry point for CLIENT UNBLOCK (to be wired into the CLIENT command). */
    public static boolean unblock(ServerContext server, long clientId, boolean error) {
        return server.blocking.unblock(clientId, error);
    }

    // ---- serving ---------------------------------------------------------------------------

    /** Cheap test for writers: is anybody blocked at all? */
    public boolean anyWaiting() {
        return waiting.get() != 0;
    }

    /** After a write that may have made the key ready; caller holds the key's slot lock. */
    public void signal(Db db, MemorySegment seg, long off, int len) {
        if (waiting.get() == 0) return;
        signal(db, Bytes.copy(seg, off, len));
    }

    /** After a write that may have made the key ready; caller holds the key's slot lock. */
    public void signal(Db db, byte[] key) {
        if (waiting.get() == 0) return;
        WaitKey wk = new WaitKey(db.index(), key);
        ArrayDeque<BlockedClient> q = queues.get(wk);
        if (q == null) return;
        for (Iterator<BlockedClient> it = q.iterator(); it.hasNext(); ) {
            BlockedClient w = it.next();
            if (!w.waiting()) {
                it.remove();
                continue;
            }
            Delivery d = w.attempt.tryServe(db, key, w);
            if (d == null) {
                if (w.waiting()) break; // the key cannot serve anybody now
                it.remove();
                continue;
            }
            it.remove();
            cancelTimer(w);
            deliver(w, d);
        }
        if (q.isEmpty()) queues.remove(wk, q);
    }

    private void deliver(BlockedClient w, Delivery d) {
        Session s = w.session;
        s.connection().execute(() -> {
            unregister(w);
            if (server.clients.get(s.id()) != s) { // gone meanwhile: nothing popped may be lost
                d.giveBack(s);
                return;
            }
            d.deliver(s, s.connection().reply());
            resume(s);
        });
    }

    /** Ends a wait that was not served (timeout, CLIENT UNBLOCK): reply on the waiter's loop. */
    private void answer(BlockedClient w, Consumer<Reply> reply) {
        cancelTimer(w);
        Session s = w.session;
        s.connection().execute(() -> {
            unregister(w);
            if (server.clients.get(s.id()) != s) return;
            reply.accept(s.connection().reply());
            resume(s);
        });
    }

    /** After the blocked reply: run the commands that queued up behind the blocking one. */
    private void resume(Session s) {
        s.onClose(null);
        s.blocked(false);
        Connection c = s.connection();
        c.flush();
        c.pauseReading(false);
    }

    /** Removes a finished waiter from all its queues; takes each key's slot lock in turn (none held). */
    private void unregister(BlockedClient w) {
        if (!byClient.remove(w.session.id(), w)) return;
        waiting.decrementAndGet();
        for (byte[] k : w.keys) {
            int slot = Crc16.slot(MemorySegment.ofArray(k), 0, k.length);
            locks.lock(slot);
            try {
                WaitKey wk = new WaitKey(w.db, k);
                ArrayDeque<BlockedClient> q = queues.get(wk);
                if (q != null) {
                    q.remove(w);
                    if (q.isEmpty()) queues.remove(wk, q);
                }
            } finally {
                locks.unlock(slot);
            }
        }
    }

    private static void cancelTimer(BlockedClient w) {
        var t = w.timer;
        if (t != null) t.cancel(false);
    }

    /** A key in a database, as the queues are indexed. */
    private record WaitKey(int db, byte[] key) {
        @Override
        public boolean equals(Object o) {
            return o instanceof WaitKey k && k.db == db && Arrays.equals(k.key, key);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(key) * 31 + db;
        }
    }

    /** Distinct keys among arguments first..last, in order (BLPOP a b a waits on a and b). */
    public static byte[][] distinctKeys(io.brisk.protocol.CommandArgs a, int first, int last) {
        java.util.List<byte[]> out = new java.util.ArrayList<>();
        outer:
        for (int i = first; i <= last; i++) {
            byte[] k = a.bytes(i);
            for (byte[] o : out) if (java.util.Arrays.equals(o, k)) continue outer;
            out.add(k);
        }
        return out.toArray(new byte[0][]);
    }
}
