package io.brisk.command;

/** Command flags as COMMAND INFO reports them (Redis's names). */
public enum CommandFlag {
    WRITE("write"), READONLY("readonly"), DENYOOM("denyoom"), ADMIN("admin"), PUBSUB("pubsub"),
    NOSCRIPT("noscript"), BLOCKING("blocking"), LOADING("loading"), STALE("stale"),
    SKIP_MONITOR("skip_monitor"), SKIP_SLOWLOG("skip_slowlog"), FAST("fast"), NO_AUTH("no_auth"),
    MAY_REPLICATE("may_replicate"), NO_MULTI("no_multi"), MOVABLEKEYS("movablekeys"),
    ALLOW_BUSY("allow_busy");

    private final String wire;

    CommandFlag(String wire) {
        this.wire = wire;
    }

    public String wireName() { return wire; }
}
