package io.brisk.command;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Every connected client, for CLIENT LIST/KILL, INFO clients and maxclients. */
public final class ClientRegistry {
    private final ConcurrentHashMap<Long, Session> clients = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong();
    public final AtomicLong totalConnections = new AtomicLong();
    public final AtomicLong rejectedConnections = new AtomicLong();

    public long nextId() { return nextId.incrementAndGet(); }

    public void add(Session s) {
        clients.put(s.id(), s);
        totalConnections.incrementAndGet();
    }

    public void remove(Session s) { clients.remove(s.id()); }
    public int size() { return clients.size(); }
    public Collection<Session> all() { return clients.values(); }
    public Session get(long id) { return clients.get(id); }
}
