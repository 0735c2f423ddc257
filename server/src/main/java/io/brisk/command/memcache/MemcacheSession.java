package io.brisk.command.memcache;

import io.brisk.store.EntryRef;

/**
 * One memcached client (a TCP connection, or the UDP listener as a whole): its cursors and what
 * "stats conns" shows. Lives on its event loop; other threads only read it.
 */
public final class MemcacheSession {
    final long id;
    final String transport;
    final String remote;
    final String local;
    volatile long lastCommandMillis = System.currentTimeMillis();
    volatile String state = "conn_waiting";
    boolean quit;

    final EntryRef ref = new EntryRef();
    final EntryRef ref2 = new EntryRef();
    final byte[] digits = new byte[20];
    final long[] number = new long[1];
    final MetaFlags flags = new MetaFlags();
    // The key of the meta request being run (decoded when it came base64-encoded).
    java.lang.foreign.MemorySegment keyMem;
    long keyOff;
    int keyLen;

    MemcacheSession(long id, String transport, String remote, String local) {
        this.id = id;
        this.transport = transport;
        this.remote = remote;
        this.local = local;
    }

    public long id() { return id; }
    /** What "stats conns" shows as state (conn_parse_cmd while requests run, conn_waiting between). */
    public void state(String s) { state = s; }
    /** True once the client sent "quit": the connection closes after writing what is pending. */
    public boolean quitRequested() { return quit; }
}
