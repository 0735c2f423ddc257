package io.brisk.command;

import io.brisk.config.Config;
import io.brisk.store.Housekeeper;
import io.brisk.store.Keyspace;
import java.util.concurrent.atomic.LongAdder;

/** What every command can reach: the keyspace, configuration, command table, clients, counters. */
public final class ServerContext {
    public final Keyspace keyspace;
    public final Config config;
    public final CommandTable commands = new CommandTable();
    public final ClientRegistry clients = new ClientRegistry();
    public final Housekeeper housekeeper;
    /** Clients blocked on keys (BLPOP, BZPOPMIN...) and the writers' hook to serve them. */
    public final io.brisk.command.blocking.BlockingKeys blocking;
    public final long startMillis = System.currentTimeMillis();
    public final long startNanos = System.nanoTime();
    public final String runId;

    public final Counter keyspaceHits = new Counter();
    public final Counter keyspaceMisses = new Counter();
    public final Counter netInputBytes = new Counter();
    public final Counter netOutputBytes = new Counter();
    public final LongAdder protocolErrors = new LongAdder();
    /** Error replies by code (INFO total_error_replies, errorstats). */
    public final ErrorStats errorStats = new ErrorStats();

    /** CLIENT PAUSE: until this time (ms) clients are paused; writeOnly pauses only writes. */
    public volatile long pausedUntil;
    public volatile boolean pauseWritesOnly;

    /** Set by the launcher: how to stop the whole server (SHUTDOWN). */
    public volatile Runnable shutdownAction = () -> { };
    /** Set by the launcher: "io_uring", "epoll" or "nio". */
    public volatile String transportName = "nio";
    public volatile int tcpPort;

    public ServerContext(Config config) {
        this.config = config;
        this.keyspace = new Keyspace(config.getInt("databases"), !config.getBool("disable-thp"));
        this.housekeeper = new Housekeeper(keyspace);
        this.blocking = new io.brisk.command.blocking.BlockingKeys(this);
        byte[] id = new byte[20];
        new java.security.SecureRandom().nextBytes(id);
        this.runId = java.util.HexFormat.of().formatHex(id);
    }

    /** INFO's total_commands_processed: the sum of every command's calls. */
    public long commandsProcessed() {
        long n = 0;
        for (CommandSpec c : commands.all()) n += c.stats().calls.sum(); // each dispatch counts once, on its top-level command
        return n;
    }

    public long uptimeMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
