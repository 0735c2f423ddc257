package io.brisk.command;

import io.brisk.protocol.CommandArgs;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One row of the command table: what dispatch, COMMAND, ACL categories and slot locking all read.
 * Arity as Redis: positive = exact argument count (name included), negative = at least -arity.
 * Keys at firstKey..lastKey (negative lastKey counts from the end) every step; or a KeyFinder.
 */
public record CommandSpec(String name, int arity, Set<CommandFlag> flags, int firstKey, int lastKey, int step,
                          KeyFinder keyFinder, List<String> aclCategories, String group, String summary,
                          String since, CommandHandler handler, List<CommandSpec> subcommands, CommandStats stats,
                          long flagMask, byte[] nameBytes) {

    public static Builder of(String name, int arity, CommandHandler handler) {
        return new Builder(name, arity, handler);
    }

    /** Flag test on a precomputed bit mask: dispatch asks several per command. */
    public boolean has(CommandFlag f) { return (flagMask & (1L << f.ordinal())) != 0; }

    public boolean arityOk(int argc) {
        return arity >= 0 ? argc == arity : argc >= -arity;
    }

    /** Collects the argument indexes of this command's keys into out. */
    public void keyIndexes(CommandArgs args, IntList out) {
        out.clear();
        if (keyFinder != null) {
            keyFinder.keys(args, out);
            return;
        }
        if (firstKey <= 0) return;
        int argc = args.count();
        int last = lastKey >= 0 ? lastKey : argc + lastKey;
        for (int i = firstKey; i <= last && i < argc; i += step) out.add(i);
    }

    private static long mask(java.util.Set<CommandFlag> flags) {
        long m = 0;
        for (CommandFlag f : flags) m |= 1L << f.ordinal();
        return m;
    }

    public static final class Builder {
        private final String name;
        private final int arity;
        private final CommandHandler handler;
        private final EnumSet<CommandFlag> flags = EnumSet.noneOf(CommandFlag.class);
        private int firstKey, lastKey, step;
        private KeyFinder keyFinder;
        private List<String> acl = List.of();
        private String group = "generic";
        private String summary = "";
        private String since = "1.0.0";
        private List<CommandSpec> subs = List.of();

        Builder(String name, int arity, CommandHandler handler) {
            this.name = name.toLowerCase();
            this.arity = arity;
            this.handler = handler;
        }

        public Builder flags(CommandFlag... f) { flags.addAll(List.of(f)); return this; }
        public Builder keys(int first, int last, int step) { firstKey = first; lastKey = last; this.step = step; return this; }
        public Builder key1() { return keys(1, 1, 1); }
        public Builder keyFinder(KeyFinder f) { keyFinder = f; flags.add(CommandFlag.MOVABLEKEYS); return this; }
        public Builder acl(String... cats) { acl = List.of(cats); return this; }
        public Builder group(String g) { group = g; return this; }
        public Builder doc(String summary, String since) { this.summary = summary; this.since = since; return this; }
        public Builder subcommands(CommandSpec... s) { subs = List.of(s); return this; }

        public CommandSpec build() {
            return new CommandSpec(name, arity, java.util.Collections.unmodifiableSet(flags.clone()),
                    firstKey, lastKey, step, keyFinder, acl, group, summary, since, handler, subs, new CommandStats(), mask(flags),
                    name.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
    }
}
