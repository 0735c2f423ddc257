package io.brisk.net;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Redis's clientsCron for one event loop: once a second, on the loop's own thread, every RESP
 * connection of that loop checks itself (idle timeout, output buffer soft limit). One instance per
 * loop thread, touched only by that thread, so no locking; the timer runs only while the loop has
 * connections, so an idle server does not wake up for nothing.
 */
final class ClientsCron {
    /** What a connection does on each tick. */
    interface Client {
        void cron(long nowMillis);
    }

    private static final FastThreadLocal<ClientsCron> LOCAL = new FastThreadLocal<>();

    private final EventExecutor loop;
    private final Set<Client> clients = new HashSet<>();
    private ScheduledFuture<?> timer;

    private ClientsCron(EventExecutor loop) {
        this.loop = loop;
    }

    /** Registers a connection with its loop's cron; call on that loop. */
    static void add(EventExecutor loop, Client c) {
        ClientsCron cron = LOCAL.get();
        if (cron == null || cron.loop != loop) {
            cron = new ClientsCron(loop);
            LOCAL.set(cron);
        }
        cron.clients.add(c);
        if (cron.timer == null) cron.timer = loop.scheduleAtFixedRate(cron::tick, 1, 1, TimeUnit.SECONDS);
    }

    /** Unregisters a connection; call on its loop. */
    static void remove(Client c) {
        ClientsCron cron = LOCAL.get();
        if (cron == null) return;
        cron.clients.remove(c);
        if (cron.clients.isEmpty() && cron.timer != null) {
            cron.timer.cancel(false);
            cron.timer = null;
        }
    }

    private void tick() {
        long now = System.currentTimeMillis();
        // a copy: a client's check may close it, and closing unregisters it
        List<Client> all = new ArrayList<>(clients);
        for (Client c : all) {
            try {
                c.cron(now);
            } catch (RuntimeException e) { // one client's failure must not stop the timer for all
                io.brisk.util.Log.warning("clients cron: " + e);
            }
        }
    }
}
