package io.brisk.command;

import io.brisk.store.Db;
import io.brisk.store.EntryRef;

/**
 * One client's state: selected database, protocol version, name, auth. Lives on its connection's
 * event loop; other threads only read it (CLIENT LIST) or ask its loop to act.
 */
public final class Session {
    public enum ReplyMode { ON, OFF, SKIP }

    private final long id;
    private final Connection connection;
    private final ServerContext server;
    private final long createdMillis = System.currentTimeMillis();

    private volatile int dbIndex;
    private volatile Db db;
    private volatile String name = "";
    private volatile int protocol = 2;
    private volatile boolean authenticated;
    private volatile String user = "default";
    private volatile String libName = "";
    private volatile String libVersion = "";
    private volatile long lastInteractionMillis = createdMillis;
    private String lastCommand = "NULL"; // written per command by its own loop; CLIENT LIST reads it racily
    public volatile ReplyMode replyMode = ReplyMode.ON;
    public volatile boolean noEvict;
    public volatile boolean noTouch;
    public long commandsRun; // own loop only
    /** Times this client's commands for commandstats; the connection ends its runs at each batch's end. */
    public final CommandClock clock = new CommandClock();
    /** The command this client ran last (dispatch tries it before a table lookup). */
    CommandSpec lastSpec;

    /** Cursors for handlers: reused on every command, so lookups allocate nothing. */
    public final EntryRef ref = new EntryRef();
    public final EntryRef ref2 = new EntryRef();
    final IntList keyIndexes = new IntList();
    final IntList slots = new IntList();

    public Session(long id, Connection connection, ServerContext server) {
        this.id = id;
        this.connection = connection;
        this.server = server;
        this.db = server.keyspace.db(0);
        this.authenticated = server.config.get("requirepass").isEmpty();
    }

    public long id() { return id; }
    public Connection connection() { return connection; }
    public ServerContext server() { return server; }
    public Db db() { return db; }
    public int dbIndex() { return dbIndex; }

    public void select(int index) {
        dbIndex = index;
        db = server.keyspace.db(index);
    }

    public String name() { return name; }
    public void name(String n) { name = n; }
    public int protocol() { return protocol; }
    public void protocol(int p) { protocol = p; }
    public boolean authenticated() { return authenticated; }
    public void authenticated(boolean a) { authenticated = a; }
    public String user() { return user; }
    public void user(String u) { user = u; }
    public String libName() { return libName; }
    public void libName(String n) { libName = n; }
    public String libVersion() { return libVersion; }
    public void libVersion(String v) { libVersion = v; }
    public long createdMillis() { return createdMillis; }
    public long lastInteractionMillis() { return lastInteractionMillis; }
    public String lastCommand() { return lastCommand; }

    /** Records the subcommand that runs (CLIENT LIST's cmd=client|list), set by container commands. */
    public void lastCommand(String command) { lastCommand = command; }

    // ---- blocking commands (BLPOP...): see io.brisk.command.blocking ----------------------

    /** While true this client waits in a blocking command: its connection runs no further commands. */
    private volatile boolean blocked;
    private volatile Runnable closeHook;

    public boolean blocked() { return blocked; }
    public void blocked(boolean b) { blocked = b; }

    /** Runs once when the connection closes (a blocked client withdraws its wait). One hook at a time. */
    public void onClose(Runnable hook) { closeHook = hook; }

    /** Called by the transport when the connection is gone. */
    public void closed() {
        Runnable h = closeHook;
        closeHook = null;
        if (h != null) h.run();
    }

    /** The client sent or received bytes (Redis's lastinteraction, which the idle timeout reads). */
    public void interacted(long nowMillis) {
        lastInteractionMillis = nowMillis;
    }

    /** The command being run (CLIENT LIST's cmd=); the read that brought it already set the idle clock. */
    void touched(String command) {
        lastCommand = command;
    }
}
