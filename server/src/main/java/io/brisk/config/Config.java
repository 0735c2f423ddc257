package io.brisk.config;

import io.brisk.util.Glob;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The server's parameters by their Redis names. Loaded from a redis.conf-style file and
 * {@code --name value} flags, read and changed at run time by CONFIG GET/SET.
 */
public final class Config {
    private final Map<String, Param> params = new LinkedHashMap<>();
    private final Map<String, Param> byAlias = new LinkedHashMap<>();

    public Config() {
        Parameters.defineAll(this);
    }

    void define(Param p) {
        params.put(p.name, p);
        byAlias.put(p.name, p);
        for (String a : p.aliases) byAlias.put(a, p);
    }

    public Param param(String name) {
        return byAlias.get(name.toLowerCase());
    }

    public List<Param> all() {
        return new ArrayList<>(params.values());
    }

    /** Parameters whose name (or alias) matches a glob, each listed once under its canonical name. */
    public List<Param> matching(String pattern) {
        List<Param> out = new ArrayList<>();
        Param exact = param(pattern);
        if (exact != null) {
            out.add(exact);
            return out;
        }
        for (Map.Entry<String, Param> e : byAlias.entrySet()) {
            if (Glob.matches(pattern, e.getKey()) && !out.contains(e.getValue())) out.add(e.getValue());
        }
        return out;
    }

    public String get(String name) {
        Param p = param(name);
        if (p == null) throw new IllegalArgumentException("no such parameter " + name);
        return p.value;
    }

    public int getInt(String name) { return (int) Long.parseLong(get(name)); }
    public long getLong(String name) { return Long.parseLong(get(name)); }
    public boolean getBool(String name) { return "yes".equals(get(name)); }

    /** Sets at start-up (immutable parameters allowed). */
    public void setInitial(String name, String value) throws ConfigException {
        set(name, value, true);
    }

    /** CONFIG SET: immutable parameters are refused. */
    public void set(String name, String value) throws ConfigException {
        set(name, value, false);
    }

    private void set(String name, String value, boolean initial) throws ConfigException {
        Param p = param(name);
        if (p == null) throw new ConfigException("Unknown option or number of arguments for CONFIG SET - '" + name + "'");
        if (p.immutable && !initial) throw new ConfigException("can't set immutable config");
        String v = p.normalise(value);
        String old = p.value;
        p.value = v;
        Consumer<Param> l = p.onChange;
        if (l != null && !v.equals(old)) {
            try {
                l.accept(p);
            } catch (IllegalArgumentException e) {
                p.value = old;
                throw new ConfigException(e.getMessage());
            }
        }
    }

    /** Runs the action now and whenever the parameter changes. */
    public void watch(String name, Consumer<Param> action) {
        Param p = param(name);
        p.onChange = action;
        action.accept(p);
    }
}
