package io.brisk.command.blocking;

import io.brisk.store.Db;

/**
 * The blocking command's "try to serve this waiter now" callback (BLPOP, BLMOVE, BZPOPMIN...).
 *
 * <p>Called on the thread that made {@code key} ready (the pusher), holding the slot lock of
 * {@code key} and no other lock you may rely on. Protocol:
 * <ol>
 *   <li>Look at the key. If it cannot serve this waiter (missing, empty, wrong type), return null
 *       without calling {@code claim}.</li>
 *   <li>Otherwise call {@link BlockedClient#claim()}. If it returns false the waiter was served,
 *       timed out or went away meanwhile: return null and take nothing.</li>
 *   <li>If it returns true, take the data out of the store now (pop, delete the key when emptied,
 *       adjust memory accounting) and return a {@link Delivery} carrying it.</li>
 * </ol>
 * The infrastructure then sends the delivery to the waiter's event loop. Because the claim happens
 * before anything is taken and under the key's lock, an element is never popped for a waiter that
 * timed out, and a waiter is never served twice.
 *
 * <p>Example, BZPOPMIN in a handler after finding every key empty:
 * <pre>{@code
 * s.server().blocking.block(s, keys, BlockTimeout.millis(a, a.count() - 1), (db, key, w) -> {
 *     ZSet z = nonEmptyZSetAt(db, key);          // null when missing, empty or not a zset
 *     if (z == null || !w.claim()) return null;
 *     Popped p = z.popMin();                     // take it now; delete the key if emptied,
 *     adjustBytesAndDeleteIfEmpty(db, key, z);   // keyspace.adjustObjectBytes(...)
 *     return new Delivery() {
 *         public void deliver(Session waiter, Reply r) { r.array(3); r.bulk(key); r.bulk(p.member()); r.doubleValue(p.score()); }
 *         public void giveBack(Session waiter) { lock key's slot, re-add p, server.blocking.signal(db, key) }
 *     };
 * }, Reply::nullArray);
 * }</pre>
 * and every write that can make a sorted set non-empty (ZADD, ZINCRBY, ZUNIONSTORE...) calls
 * {@code s.server().blocking.signal(db, key...)} while it still holds the key's slot lock.
 */
@FunctionalInterface
public interface ServeAttempt {
    Delivery tryServe(Db db, byte[] key, BlockedClient waiter);
}
