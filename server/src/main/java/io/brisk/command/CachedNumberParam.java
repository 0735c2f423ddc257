package io.brisk.command;

import io.brisk.config.Config;
import io.brisk.config.Param;

/**
 * A numeric parameter read on hot paths (SADD and ZADD consult their encoding limits on every call,
 * a connection its query buffer limit on every read): looked up by name once, its text parsed again
 * only when CONFIG SET changed it (Config.getLong lower-cases the name, hashes and parses each time).
 */
public final class CachedNumberParam {
    private record Snapshot(Config config, Param param, String text, long value) {}

    private final String name;
    private volatile Snapshot last;

    public CachedNumberParam(String name) {
        this.name = name;
    }

    public long getLong(Config config) {
        Snapshot s = last;
        if (s != null && s.config == config && s.param.value() == s.text) return s.value;
        Param p = s != null && s.config == config ? s.param : config.param(name);
        String text = p.value();
        long v = Long.parseLong(text);
        last = new Snapshot(config, p, text, v);
        return v;
    }

    /** The value as an int; values beyond int are capped to Integer.MAX_VALUE. */
    public int getInt(Config config) {
        return (int) Math.min(Integer.MAX_VALUE, getLong(config));
    }
}
