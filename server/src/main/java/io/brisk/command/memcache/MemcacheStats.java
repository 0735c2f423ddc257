package io.brisk.command.memcache;

import io.brisk.protocol.memcache.MemcacheParser;
import io.brisk.protocol.memcache.MemcacheRequest;
import io.brisk.protocol.memcache.MemcacheWriter;
import io.brisk.store.Segments;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * "stats" and its sub-commands (settings, items, slabs, conns, reset) with memcached's field names.
 * Brisk has no slab classes: every item lives in log segments, reported as one class (1) whose pages
 * are the segments.
 */
final class MemcacheStats {
    private final MemcacheService svc;

    MemcacheStats(MemcacheService svc) {
        this.svc = svc;
    }

    void execute(MemcacheRequest r, MemcacheWriter w) {
        if (r.count() == 1) general(w);
        else if (r.count() == 2 && r.is(1, "settings")) settings(w);
        else if (r.count() == 2 && r.is(1, "items")) items(w);
        else if (r.count() == 2 && r.is(1, "slabs")) slabs(w);
        else if (r.count() == 2 && r.is(1, "conns")) conns(w);
        else if (r.count() == 2 && r.is(1, "reset")) {
            svc.counters.reset();
            w.line("RESET");
            return;
        } else {
            w.line(MemcacheParser.ERROR);
            return;
        }
        w.raw(MemcacheWriter.END);
    }

    private static void stat(MemcacheWriter w, String name, long v) {
        w.text("STAT ").text(name).ch(' ').decimal(v).crlf();
    }

    private static void stat(MemcacheWriter w, String name, String v) {
        w.text("STAT ").text(name).ch(' ').text(v).crlf();
    }

    private void general(MemcacheWriter w) {
        MemcacheCounters c = svc.counters;
        long now = System.currentTimeMillis();
        long[] cpu = cpuMicros();
        stat(w, "pid", ProcessHandle.current().pid());
        stat(w, "uptime", (now - svc.startMillis) / 1000);
        stat(w, "time", now / 1000);
        stat(w, "version", MemcacheService.VERSION);
        stat(w, "pointer_size", 64);
        stat(w, "rusage_user", String.format("%d.%06d", cpu[0] / 1_000_000, cpu[0] % 1_000_000));
        stat(w, "rusage_system", String.format("%d.%06d", cpu[1] / 1_000_000, cpu[1] % 1_000_000));
        stat(w, "max_connections", svc.server.config.getInt("maxclients"));
        stat(w, "curr_connections", svc.sessions().size());
        stat(w, "total_connections", c.totalConnections.sum());
        stat(w, "rejected_connections", c.rejectedConnections.sum());
        stat(w, "cmd_get", c.cmdGet.sum());
        stat(w, "cmd_set", c.cmdSet.sum());
        stat(w, "cmd_flush", c.cmdFlush.sum());
        stat(w, "cmd_touch", c.cmdTouch.sum());
        stat(w, "cmd_meta", c.cmdMeta.sum());
        stat(w, "get_hits", c.getHits.sum());
        stat(w, "get_misses", c.getMisses.sum());
        stat(w, "delete_misses", c.deleteMisses.sum());
        stat(w, "delete_hits", c.deleteHits.sum());
        stat(w, "incr_misses", c.incrMisses.sum());
        stat(w, "incr_hits", c.incrHits.sum());
        stat(w, "decr_misses", c.decrMisses.sum());
        stat(w, "decr_hits", c.decrHits.sum());
        stat(w, "cas_misses", c.casMisses.sum());
        stat(w, "cas_hits", c.casHits.sum());
        stat(w, "cas_badval", c.casBadval.sum());
        stat(w, "touch_hits", c.touchHits.sum());
        stat(w, "touch_misses", c.touchMisses.sum());
        stat(w, "store_too_large", c.storeTooLarge.sum());
        stat(w, "bytes_read", c.bytesRead.sum());
        stat(w, "bytes_written", c.bytesWritten.sum());
        stat(w, "limit_maxbytes", svc.server.config.getLong("maxmemory"));
        stat(w, "threads", svc.server.config.getInt("event-loops"));
        stat(w, "bytes", svc.server.keyspace.usedMemory());
        stat(w, "curr_items", svc.server.keyspace.keyCount(0));
        stat(w, "total_items", c.totalItems.sum());
        stat(w, "expired_keys", svc.server.keyspace.expiredKeys.sum());
        stat(w, "evictions", svc.server.keyspace.evictedKeys.sum());
    }

    /** utime and stime of this process in microseconds (Linux /proc; zeros elsewhere). */
    private static long[] cpuMicros() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long hz = 100; // USER_HZ on Linux
            return new long[] {Long.parseLong(f[11]) * 1_000_000 / hz, Long.parseLong(f[12]) * 1_000_000 / hz};
        } catch (Exception e) {
            return new long[2];
        }
    }

    private void settings(MemcacheWriter w) {
        var cfg = svc.server.config;
        stat(w, "maxbytes", cfg.getLong("maxmemory"));
        stat(w, "maxconns", cfg.getInt("maxclients"));
        stat(w, "tcpport", svc.tcpPort);
        stat(w, "udpport", svc.udpPort);
        stat(w, "verbosity", svc.verbosity);
        stat(w, "num_threads", cfg.getInt("event-loops"));
        stat(w, "cas_enabled", "yes");
        stat(w, "evictions", cfg.get("maxmemory-policy").equals("noeviction") ? "off" : "on");
        stat(w, "item_size_max", svc.maxItemSize());
        stat(w, "binding_protocol", "ascii");
    }

    private void items(MemcacheWriter w) {
        long n = svc.server.keyspace.keyCount(0);
        if (n == 0) return;
        stat(w, "items:1:number", n);
        stat(w, "items:1:evicted", svc.server.keyspace.evictedKeys.sum());
        stat(w, "items:1:outofmemory", 0);
    }

    private void slabs(MemcacheWriter w) {
        long bytes = svc.server.keyspace.segmentBytes();
        long pages = (bytes + Segments.SEGMENT_SIZE - 1) / Segments.SEGMENT_SIZE;
        boolean active = svc.server.keyspace.keyCount(0) > 0;
        if (active) {
            stat(w, "1:chunk_size", Segments.SEGMENT_SIZE);
            stat(w, "1:total_pages", pages);
            stat(w, "1:used_chunks", svc.server.keyspace.keyCount(0));
        }
        stat(w, "active_slabs", active ? 1 : 0);
        stat(w, "total_malloced", bytes);
    }

    private void conns(MemcacheWriter w) {
        long now = System.currentTimeMillis();
        for (MemcacheSession s : svc.sessions()) {
            String p = s.id + ":";
            if (!s.remote.isEmpty()) stat(w, p + "addr", s.transport + ":" + s.remote);
            stat(w, p + "listen_addr", s.transport + ":" + s.local);
            stat(w, p + "state", s.state);
            stat(w, p + "secs_since_last_cmd", (now - s.lastCommandMillis) / 1000);
        }
    }
}
