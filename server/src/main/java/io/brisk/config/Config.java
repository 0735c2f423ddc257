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

    Param define(Param p) {
        params.put(p.name, p);
        byAlias.put(p.name, p);
        for (String a : p.aliases) byAlias.put(a, p);
        return p;
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
        for (Map.Entry<String, Param> e : matchingNames(pattern).entrySet()) {
            if (!out.contains(e.getValue())) out.add(e.getValue());
        }
        return out;
    }

    /**
     * What CONFIG GET answers for one pattern: every name or alias that matches, under the name that
     * matched (Redis 7 lists both replicaof and slaveof for "*").
     */
    public Map<String, Param> matchingNames(String pattern) {
        Map<String, Param> out = new LinkedHashMap<>();
        Param exact = param(pattern);
        if (exact != null) {
            out.put(pattern, exact); // Redis echoes the name as asked (case kept)
            return out;
        }
        for (Map.Entry<String, Param> e : byAlias.entrySet()) {
            if (Glob.matches(pattern, e.getKey())) out.put(e.getKey(), e.getValue());
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

    /**
     * CONFIG SET with several pairs: all are checked before any is applied, and if applying one fails
     * (its watcher refuses it) the ones already applied are restored. Messages are Redis's.
     */
    public void setAll(List<String> names, List<String> values) throws ConfigException {
        setAll(names, values, false);
    }

    /** allowProtected: the caller may change protected parameters (enable-protected-configs). */
    public void setAll(List<String> names, List<String> values, boolean allowProtected) throws ConfigException {
        List<Param> ps = new ArrayList<>();
        List<String> normalised = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Param p = param(names.get(i));
            if (p == null) throw new ConfigException("Unknown option or number of arguments for CONFIG SET - '" + names.get(i) + "'");
            if (ps.contains(p)) throw failed(names.get(i), "duplicate parameter");
            if (p.immutable) throw failed(names.get(i), "can't set immutable config");
            if (p.protectedConfig && !allowProtected) throw failed(names.get(i), "can't set protected config");
            try {
                normalised.add(p.normalise(values.get(i)));
            } catch (ConfigException e) {
                throw failed(names.get(i), e.getMessage());
            }
            ps.add(p);
        }
        List<String> old = new ArrayList<>();
        for (Param p : ps) old.add(p.value);
        for (int i = 0; i < ps.size(); i++) {
            Param p = ps.get(i);
            p.value = normalised.get(i);
            Consumer<Param> l = p.onChange;
            if (l == null || normalised.get(i).equals(old.get(i))) continue;
            try {
                l.accept(p);
            } catch (IllegalArgumentException e) {
                for (int k = i; k >= 0; k--) {
                    Param q = ps.get(k);
                    boolean changed = !q.value.equals(old.get(k));
                    q.value = old.get(k);
                    if (changed && k < i && q.onChange != null) q.onChange.accept(q);
                }
                throw failed(names.get(i), e.getMessage());
            }
        }
    }

    private static ConfigException failed(String name, String why) {
        return new ConfigException("CONFIG SET failed (possibly related to argument '" + name + "') - " + why);
    }

    /** The file the server was started with (CONFIG REWRITE writes it back), or null. */
    public volatile java.nio.file.Path configFile;

    /** Runs the action now and whenever the parameter changes. */
    public void watch(String name, Consumer<Param> action) {
        Param p = param(name);
        p.onChange = action;
        action.accept(p);
    }
}
