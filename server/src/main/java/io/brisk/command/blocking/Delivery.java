package io.brisk.command.blocking;

import io.brisk.command.Session;
import io.brisk.protocol.Reply;

/**
 * What a served waiter receives: data already taken out of the store on the serving thread, to be
 * answered on the waiter's own event loop.
 */
public interface Delivery {
    /**
     * Runs on the waiter's event loop and writes its reply. May do follow-up store work (BLMOVE pushes
     * to its destination) but must then take the slot locks it needs itself, one at a time: no lock is
     * held when this runs.
     */
    void deliver(Session waiter, Reply reply);

    /**
     * Runs on the waiter's event loop instead of {@link #deliver} when the waiter's connection closed
     * after it was served: put the taken data back so that nothing is lost (take the slot lock yourself).
     */
    void giveBack(Session waiter);
}
