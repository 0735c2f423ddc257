package io.brisk.command.memcache;

import io.brisk.command.ServerContext;
import io.brisk.protocol.memcache.MemcacheParser;
import io.brisk.protocol.memcache.MemcacheRequest;
import io.brisk.protocol.memcache.MemcacheWriter;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The memcached command family: one per server, shared by every memcached connection (TCP and UDP).
 * Items are strings in db 0 of the one keyspace, so RESP and memcached clients see the same data.
 */
public final class MemcacheService {
    public static final String VERSION = "1.6.18";

    final ServerContext server;
    final Items items;
    final MetaState meta = new MetaState();
    final MemcacheCounters counters = new MemcacheCounters();
    final long startMillis = System.currentTimeMillis();
    private final ConcurrentHashMap<Long, MemcacheSession> sessions = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong();
    private final MemcacheCommands text;
    private final MetaCommands metaCommands;
    private final MemcacheStats stats;
    private ScheduledExecutorService timer;
    private ScheduledFuture<?> pendingFlush;
    volatile int verbosity;
    volatile int tcpPort;
    volatile int udpPort;
    private volatile long maxItemSize;
    private volatile boolean strictKeys = true;

    public MemcacheService(ServerContext server) {
        this.server = server;
        this.items = new Items(this, server.keyspace.db(0), server.keyspace.locks());
        this.text = new MemcacheCommands(this);
        this.metaCommands = new MetaCommands(this);
        this.stats = new MemcacheStats(this);
        server.config.watch("memcache-max-item-size", p -> maxItemSize = Long.parseLong(p.value()));
        server.config.watch("memcache-strict-keys", p -> strictKeys = "yes".equals(p.value()));
        // Meta records of dead versions go in the housekeeper's cron rather than on a timer of our own:
        // it already walks the keyspace taking one slot lock at a time, follows hz, and stops with the server.
        server.housekeeper.addTask(period -> meta.sweep(items, period));
        // Every flush of db 0 (flush_all, FLUSHALL, FLUSHDB) drops all meta state at once.
        server.keyspace.onFlush(db -> {
            if (db == 0) meta.clear();
        });
    }

    /** Refuse keys with control characters (protocol.txt) or accept what memcached accepts. */
    public boolean strictKeys() { return strictKeys; }

    public long maxItemSize() { return maxItemSize; }

    /** Called by the listeners once bound, for "stats settings". */
    public void ports(int tcp, int udp) {
        tcpPort = tcp;
        udpPort = udp;
    }

    /** A new client, or null when maxclients (RESP and memcached clients together) is reached. */
    public MemcacheSession open(String transport, String remote, String local) {
        if (server.clients.size() + sessions.size() >= server.config.getInt("maxclients")) {
            counters.rejectedConnections.increment();
            return null;
        }
        MemcacheSession s = new MemcacheSession(nextId.incrementAndGet(), transport, remote, local);
        sessions.put(s.id, s);
        counters.totalConnections.increment();
        return s;
    }

    public void close(MemcacheSession s) {
        if (s != null) sessions.remove(s.id);
    }

    Collection<MemcacheSession> sessions() { return sessions.values(); }

    public void bytesRead(long n) { counters.bytesRead.add(n); }
    public void bytesWritten(long n) { counters.bytesWritten.add(n); }

    /** Runs one request, writing its reply (if any) to w. */
    public void execute(MemcacheSession s, MemcacheRequest r, MemcacheWriter w) {
        s.lastCommandMillis = System.currentTimeMillis();
        int mark = w.mark();
        String error = r.error();
        if (error != null) {
            if (error.equals(MemcacheParser.TOO_LARGE)) counters.storeTooLarge.increment();
            w.line(error);
            if (r.noreply()) w.reset(mark);
            return;
        }
        switch (r.verb()) {
            case MG, MS, MD, MA, MN, ME -> {
                counters.cmdMeta.increment();
                metaCommands.execute(s, r, w);
            }
            case STATS -> stats.execute(r, w);
            case UNKNOWN -> w.line(MemcacheParser.ERROR);
            default -> text.execute(s, r, w);
        }
        if (r.noreply()) w.reset(mark);
    }

    /** flush_all: now, or when delay seconds have passed (a later flush_all replaces a pending one). */
    synchronized void flush(long delaySeconds) {
        if (pendingFlush != null) {
            pendingFlush.cancel(false);
            pendingFlush = null;
        }
        counters.cmdFlush.increment();
        if (delaySeconds <= 0) {
            flushNow();
            return;
        }
        long at = Items.expireAt(delaySeconds, server.keyspace.now());
        long wait = at == Items.EXPIRED ? 0 : Math.max(0, at - server.keyspace.now());
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "brisk-memcache-flush");
                t.setDaemon(true);
                return t;
            });
        }
        pendingFlush = timer.schedule(this::flushNow, wait, TimeUnit.MILLISECONDS);
    }

    private void flushNow() {
        server.keyspace.flush(0); // clears the meta state too (the onFlush listener above)
    }

    /**
     * Evicts under maxmemory before a write, as RESP writes do in the dispatcher (before any slot
     * lock is taken). False when memory stays over the limit (noeviction).
     */
    boolean makeRoom() {
        return server.keyspace.evictor().makeRoom();
    }
}
