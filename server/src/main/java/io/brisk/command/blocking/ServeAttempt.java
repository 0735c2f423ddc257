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
 */
@FunctionalInterface
public interface ServeAttempt {
    Delivery tryServe(Db db, byte[] key, BlockedClient waiter);
}
