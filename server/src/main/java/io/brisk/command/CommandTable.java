package io.brisk.command;

import io.brisk.protocol.CommandArgs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every command Brisk knows, registered by the families. Lookup hashes the name's bytes
 * case-insensitively in an open-addressing table, so dispatch allocates nothing.
 */
public final class CommandTable {
    private final Map<String, CommandSpec> byName = new TreeMap<>();
    private CommandSpec[] buckets = new CommandSpec[0];
    private byte[][] names = new byte[0][];

    public void register(CommandSpec spec) {
        if (byName.putIfAbsent(spec.name(), spec) != null) {
            throw new IllegalStateException("command registered twice: " + spec.name());
        }
        rebuild();
    }

    public void registerAll(Collection<CommandSpec> specs) {
        for (CommandSpec s : specs) {
            if (byName.putIfAbsent(s.name(), s) != null) throw new IllegalStateException("command registered twice: " + s.name());
        }
        rebuild();
    }

    private void rebuild() {
        int cap = Integer.highestOneBit(Math.max(16, byName.size() * 4));
        CommandSpec[] b = new CommandSpec[cap];
        byte[][] n = new byte[cap][];
        for (CommandSpec s : byName.values()) {
            byte[] name = s.name().getBytes(StandardCharsets.US_ASCII);
            int h = hash(name) & (cap - 1);
            while (b[h] != null) h = (h + 1) & (cap - 1);
            b[h] = s;
            n[h] = name;
        }
        buckets = b;
        names = n;
    }

    private static int hash(byte[] lowerName) {
        int h = 0;
        for (byte c : lowerName) h = h * 31 + c;
        return h ^ (h >>> 16);
    }

    /** Finds the command named by argument i (case-insensitive), or null. */
    public CommandSpec lookup(CommandArgs args, int i) {
        int len = args.length(i);
        if (len > 64) return null;
        java.lang.foreign.MemorySegment seg = args.segment(i);
        long off = args.offset(i);
        int h = 0;
        for (int j = 0; j < len; j++) h = h * 31 + lower(seg.get(java.lang.foreign.ValueLayout.JAVA_BYTE, off + j));
        h ^= h >>> 16;
        CommandSpec[] b = buckets;
        byte[][] n = names;
        int mask = b.length - 1;
        for (int k = h & mask; b[k] != null; k = (k + 1) & mask) {
            byte[] name = n[k];
            if (name.length == len && sameLower(seg, off, name)) return b[k];
        }
        return null;
    }

    /** True when argument i names this command (case-insensitive). */
    static boolean named(CommandSpec spec, CommandArgs args, int i) {
        byte[] name = spec.nameBytes();
        return args.length(i) == name.length && sameLower(args.segment(i), args.offset(i), name);
    }

    private static boolean sameLower(java.lang.foreign.MemorySegment seg, long off, byte[] name) {
        for (int j = 0; j < name.length; j++) {
            if (lower(seg.get(java.lang.foreign.ValueLayout.JAVA_BYTE, off + j)) != name[j]) return false;
        }
        return true;
    }

    private static byte lower(byte c) {
        return c >= 'A' && c <= 'Z' ? (byte) (c + 32) : c;
    }

    public CommandSpec get(String name) {
        return byName.get(name.toLowerCase());
    }

    public Collection<CommandSpec> all() {
        return Collections.unmodifiableCollection(byName.values());
    }

    public List<String> names() {
        return new ArrayList<>(byName.keySet());
    }

    public int size() {
        return byName.size();
    }
}
