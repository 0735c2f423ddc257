package io.brisk.command;

import io.brisk.protocol.CommandArgs;
import io.brisk.protocol.Reply;
import io.brisk.store.KeySlots;
import io.brisk.store.SlotLocks;

/**
 * Runs a parsed command on the thread that parsed it: looks it up, checks arity and auth, locks the
 * hash slots of its keys in ascending order, runs the handler, records stats.
 */
public final class Dispatcher {
    private final ServerContext server;
    private final CommandTable table;
    private final SlotLocks locks;

    public Dispatcher(ServerContext server) {
        this.server = server;
        this.table = server.commands;
        this.locks = server.keyspace.locks();
    }

    public void dispatch(Session s, CommandArgs args, Reply reply) {
        // A client usually repeats its commands: check the last one before hashing the name.
        CommandSpec spec = s.lastSpec;
        if (spec == null || !CommandTable.named(spec, args, 0)) {
            spec = table.lookup(args, 0);
            s.lastSpec = spec;
        }
        if (spec == null) {
            reply.error(unknownCommand(args));
            return;
        }
        s.touched(spec.name());
        if (!spec.arityOk(args.count())) {
            spec.stats().rejected.increment();
            reply.error(Errors.arity(spec.name()));
            return;
        }
        if (!s.authenticated() && !spec.has(CommandFlag.NO_AUTH)) {
            spec.stats().rejected.increment();
            reply.error(Errors.NOAUTH);
            return;
        }
        run(spec, s, args, reply);
    }

    /** Runs a known, checked command with its slots locked. */
    public void run(CommandSpec spec, Session s, CommandArgs args, Reply reply) {
        // Make room before taking this command's locks: eviction locks other slots one at a time.
        if (spec.has(CommandFlag.DENYOOM) && !s.server().keyspace.evictor().makeRoom()) {
            spec.stats().rejected.increment();
            reply.error(Errors.OOM);
            return;
        }
        IntList keys = s.keyIndexes;
        IntList slots = s.slots;
        spec.keyIndexes(args, keys);
        slots.clear();
        KeySlots memo = KeySlots.current();
        for (int i = 0; i < keys.size(); i++) {
            int k = keys.get(i);
            slots.add(memo.remember(args.segment(k), args.offset(k), args.length(k)));
        }
        slots.sortUnique();
        int n = slots.size();
        int[] sl = slots.array();
        boolean noTouch = s.noTouch;
        if (noTouch) server.keyspace.noTouch(true);
        s.clock.before(spec);
        locks.lockAll(sl, n);
        try {
            spec.handler().execute(s, args, reply);
        } catch (CommandError e) {
            spec.stats().failed.increment();
            reply.error(e.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            spec.stats().failed.increment();
            reply.error("ERR internal error: " + e);
            io.brisk.util.Log.warning("internal error in " + spec.name(), e);
        } finally {
            memo.forget();
            locks.unlockAll(sl, n);
            if (noTouch) server.keyspace.noTouch(false);
        }
        s.clock.after(spec);
    }

    /** Redis's wording: {@code ERR unknown command 'foo', with args beginning with: 'a' 'b' }. */
    public static String unknownCommand(CommandArgs args) {
        StringBuilder sb = new StringBuilder("ERR unknown command '").append(truncate(args.string(0), 128))
                .append("', with args beginning with: ");
        int budget = 128;
        for (int i = 1; i < args.count() && budget > 0; i++) {
            String a = truncate(args.string(i), budget);
            budget -= a.length();
            sb.append('\'').append(a).append("' ");
        }
        return sb.toString();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
