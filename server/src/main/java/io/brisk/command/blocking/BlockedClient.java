package io.brisk.command.blocking;

import io.brisk.command.Session;
import io.brisk.protocol.Reply;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One client waiting in a blocking command on one or more keys. Its state moves once from WAITING
 * to SERVED, TIMED_OUT, UNBLOCKED or CANCELLED (disconnect), by compare-and-set, so exactly one of
 * "a pusher serves it", "its timeout fires", "CLIENT UNBLOCK" and "it disconnects" wins.
 */
public final class BlockedClient {
    static final int WAITING = 0, SERVED = 1, TIMED_OUT = 2, UNBLOCKED_ERROR = 3, CANCELLED = 4;

    final Session session;
    final int db;
    final byte[][] keys;
    final ServeAttempt attempt;
    final Consumer<Reply> onTimeout;
    private final AtomicInteger state = new AtomicInteger(WAITING);
    volatile ScheduledFuture<?> timer;

    BlockedClient(Session session, int db, byte[][] keys, ServeAttempt attempt, Consumer<Reply> onTimeout) {
        this.session = session;
        this.db = db;
        this.keys = keys;
        this.attempt = attempt;
        this.onTimeout = onTimeout;
    }

    /** Takes this waiter for serving; false if someone else already ended its wait. */
    public boolean claim() {
        return state.compareAndSet(WAITING, SERVED);
    }

    boolean end(int outcome) {
        return state.compareAndSet(WAITING, outcome);
    }

    boolean waiting() {
        return state.get() == WAITING;
    }

    /** The waiting client's session (its db, protocol...). */
    public Session session() { return session; }

    /** The keys it waits on, in the order it named them. */
    public byte[][] keys() { return keys; }
}
