package io.brisk.command.server;

import io.brisk.command.CommandError;
import io.brisk.command.CommandHandler;
import io.brisk.command.CommandSpec;
import io.brisk.command.Errors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Container commands (CLIENT, CONFIG, COMMAND, MEMORY, DEBUG...): the parent's handler routes to the
 * subcommand named by argument 1, checks its arity, and keeps its own stats (cmdstat_client|list),
 * the way Redis 7 treats subcommands as commands of their own.
 */
final class Subcommands {
    private Subcommands() {}

    /** Builds a subcommand spec named parent|sub. */
    static CommandSpec.Builder sub(String parent, String sub, int arity, CommandHandler h) {
        return CommandSpec.of(parent + "|" + sub, arity, h);
    }

    /** A handler that runs the subcommand of args[1] among subs. */
    static CommandHandler router(String parent, List<CommandSpec> subs) {
        Map<String, CommandSpec> byName = new HashMap<>();
        for (CommandSpec c : subs) byName.put(c.name().substring(c.name().indexOf('|') + 1), c);
        String upper = parent.toUpperCase();
        return (s, a, r) -> {
            String name = a.string(1);
            CommandSpec spec = byName.get(name.toLowerCase());
            if (spec == null) {
                r.error("ERR unknown subcommand '" + (name.length() > 128 ? name.substring(0, 128) : name) + "'. Try " + upper + " HELP.");
                return;
            }
            s.lastCommand(spec.name());
            if (!spec.arityOk(a.count())) {
                spec.stats().rejected.increment();
                r.error(Errors.arity(spec.name()));
                return;
            }
            long t0 = System.nanoTime();
            try {
                spec.handler().execute(s, a, r);
            } catch (CommandError e) {
                spec.stats().failed.increment();
                throw e;
            } finally {
                spec.stats().calls.increment();
                spec.stats().nanos.add(System.nanoTime() - t0);
            }
        };
    }

    /** HELP reply: the header line, the given lines, then Redis's closing HELP lines. */
    static void help(io.brisk.protocol.Reply r, String command, String... lines) {
        r.array(lines.length + 3);
        r.simple(command + " <subcommand> [<arg> [value] [opt] ...]. Subcommands are:");
        for (String l : lines) r.simple(l);
        r.simple("HELP");
        r.simple("    Print this help.");
    }
}
