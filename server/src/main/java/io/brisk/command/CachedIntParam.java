package io.brisk.command;

import io.brisk.config.Config;
import io.brisk.config.Param;

/**
 * An integer parameter read on hot paths (SADD, ZADD consult their encoding limits on every call):
 * the parameter is looked up by name once and its text parsed only when CONFIG SET changed it.
 * Values beyond int are capped to Integer.MAX_VALUE.
 */
public final class CachedIntParam {
    private record Snapshot(Config config, Param param, String text, int value) {}

    private final String name;
    private volatile Snapshot last;

    public CachedIntParam(String name) {
        this.name = name;
    }

    public int get(Config config) {
        Snapshot s = last;
        if (s != null && s.config == config && s.param.value() == s.text) return s.value;
        Param p = s != null && s.config == config ? s.param : config.param(name);
        String text = p.value();
        int v = (int) Math.min(Integer.MAX_VALUE, Long.parseLong(text));
        last = new Snapshot(config, p, text, v);
        return v;
    }
}
