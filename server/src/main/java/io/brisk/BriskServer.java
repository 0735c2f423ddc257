package io.brisk;

import io.brisk.command.CommandFamilies;
import io.brisk.command.ServerContext;
import io.brisk.config.Config;
import io.brisk.config.ConfigException;
import io.brisk.config.ConfigLoader;
import io.brisk.net.NetServer;
import io.brisk.util.Log;

/** Starts Brisk: configuration, keyspace, housekeeping, command table, network. */
public final class BriskServer implements AutoCloseable {
    private final ServerContext context;
    private final NetServer net;

    private BriskServer(ServerContext context, NetServer net) {
        this.context = context;
        this.net = net;
    }

    public static void main(String[] argv) throws Exception {
        Config config = new Config();
        try {
            ConfigLoader.load(config, argv);
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
        BriskServer server = start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "brisk-shutdown"));
        Thread.currentThread().join();
    }

    /** Starts a server with the given configuration (port 0 picks a free port). */
    public static BriskServer start(Config config) throws Exception {
        Log.file(config.get("logfile")); // checked writable when it was set; fixed for the process, as in Redis
        config.watch("loglevel", p -> Log.level(Log.Level.of(p.value())));
        ServerContext ctx = new ServerContext(config);
        CommandFamilies.registerAll(ctx.commands);
        config.watch("list-max-listpack-size", p -> io.brisk.store.CollectionLimits.listMaxListpackSize = Integer.parseInt(p.value()));
        config.watch("hash-max-listpack-entries", p -> io.brisk.store.CollectionLimits.hashMaxListpackEntries = (int) Math.min(Integer.MAX_VALUE, Long.parseLong(p.value())));
        config.watch("hash-max-listpack-value", p -> io.brisk.store.CollectionLimits.hashMaxListpackValue = (int) Math.min(Integer.MAX_VALUE, Long.parseLong(p.value())));
        config.watch("hz", p -> ctx.housekeeper.hz(Integer.parseInt(p.value())));
        config.watch("active-expire-enabled", p -> ctx.housekeeper.activeExpire("yes".equals(p.value())));
        var evictor = ctx.keyspace.evictor();
        config.watch("maxmemory", p -> evictor.maxmemory(Long.parseLong(p.value())));
        config.watch("maxmemory-policy", p -> evictor.policy(io.brisk.store.EvictionPolicy.of(p.value())));
        config.watch("maxmemory-samples", p -> evictor.samples(Integer.parseInt(p.value())));
        NetServer net = new NetServer(ctx);
        BriskServer server = new BriskServer(ctx, net);
        ctx.shutdownAction = () -> {
            server.close();
            Runtime.getRuntime().halt(0);
        };
        ctx.housekeeper.start();
        startHeapGovernor();
        net.start();
        Log.notice(String.format("Brisk ready: port %d, transport %s, %d event loops, pid %d", ctx.tcpPort,
                net.transport().label(), config.getInt("event-loops"), ProcessHandle.current().pid()));
        return server;
    }

    /** Every 2 s, fits the heap's soft maximum to the live data (see HeapGovernor). */
    private static void startHeapGovernor() {
        io.brisk.memory.HeapGovernor governor = new io.brisk.memory.HeapGovernor();
        java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "brisk-heap-governor");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(governor::adjust, 2, 2, java.util.concurrent.TimeUnit.SECONDS);
    }

    public int port() { return context.tcpPort; }
    public ServerContext context() { return context; }
    public NetServer net() { return net; }

    @Override
    public void close() {
        net.stop();
        context.housekeeper.stop();
    }
}
