package io.brisk.command.server;

import static io.brisk.command.CommandFlag.ADMIN;
import static io.brisk.command.CommandFlag.LOADING;
import static io.brisk.command.CommandFlag.NOSCRIPT;
import static io.brisk.command.CommandFlag.STALE;

import io.brisk.command.CommandError;
import io.brisk.command.CommandSpec;
import io.brisk.command.Errors;
import io.brisk.command.Session;
import io.brisk.protocol.CommandArgs;
import io.brisk.protocol.Reply;
import io.brisk.store.Db;
import io.brisk.store.EntryRef;
import io.brisk.store.SlotLocks;
import io.brisk.util.Crc16;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * DEBUG SLEEP / SET-ACTIVE-EXPIRE / POPULATE / HELP. Like Redis it is refused unless
 * enable-debug-command is yes, or local and the client is on loopback or a Unix socket.
 */
public final class DebugCommand {
    private DebugCommand() {}

    public static List<CommandSpec> specs() {
        return List.of(CommandSpec.of("debug", -2, DebugCommand::debug).flags(ADMIN, NOSCRIPT, LOADING, STALE)
                .acl("admin", "slow", "dangerous").group("server").doc("A container for debugging commands.", "1.0.0").build());
    }

    private static void debug(Session s, CommandArgs a, Reply r) {
        if (!LocalOnly.allowed(s, "enable-debug-command")) {
            throw new CommandError("ERR DEBUG command not allowed. If the enable-debug-command option is set to \"local\", "
                    + "you can run it from a local connection, otherwise you need to set this option in the configuration "
                    + "file, and then restart the server.");
        }
        if (a.is(1, "HELP") && a.count() == 2) {
            help(r);
        } else if (a.is(1, "SLEEP") && a.count() == 3) {
            sleep(a, r);
        } else if (a.is(1, "SET-ACTIVE-EXPIRE") && a.count() == 3) {
            setActiveExpire(s, atoi(a.string(2)) != 0);
            r.ok();
        } else if (a.is(1, "POPULATE") && a.count() >= 3 && a.count() <= 5) {
            populate(s, a, r);
        } else {
            String sub = a.string(1);
            throw new CommandError("ERR unknown subcommand or wrong number of arguments for '"
                    + (sub.length() > 128 ? sub.substring(0, 128) : sub) + "'. Try DEBUG HELP.");
        }
    }

    /** Through the active-expire-enabled parameter, so CONFIG GET and the housekeeper agree. */
    private static void setActiveExpire(Session s, boolean on) {
        try {
            s.server().config.set("active-expire-enabled", on ? "yes" : "no");
        } catch (io.brisk.config.ConfigException e) {
            throw new CommandError("ERR " + e.getMessage());
        }
        s.server().housekeeper.activeExpire(on);
    }

    /** C's atoi: leading digits, 0 when there are none. */
    private static long atoi(String v) {
        String t = v.trim();
        int i = (t.startsWith("-") || t.startsWith("+")) ? 1 : 0;
        int j = i;
        while (j < t.length() && Character.isDigit(t.charAt(j)) && j - i < 18) j++;
        if (j == i) return 0;
        long n = Long.parseLong(t.substring(i, j));
        return t.startsWith("-") ? -n : n;
    }

    /**
     * Blocks this client's event loop (its other clients wait too, as all of Redis does); clients on
     * other loops keep being served.
     */
    private static void sleep(CommandArgs a, Reply r) {
        double seconds;
        try {
            seconds = Double.parseDouble(a.string(2));
        } catch (NumberFormatException e) {
            seconds = 0; // strtod: no number means 0
        }
        long micros = (long) (seconds * 1_000_000);
        if (micros > 0) {
            try {
                Thread.sleep(micros / 1000, (int) (micros % 1000) * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        r.ok();
    }

    /**
     * DEBUG POPULATE count [prefix] [size]: keys prefix:0..count-1 ("key" by default) holding
     * "value:N", cut or zero-padded to size bytes when size is given. Existing keys are left alone.
     * The command declares no keys, so each key's slot is locked here (DEBUG is NOSCRIPT; a
     * transaction must not hold slot locks while it runs DEBUG, as the locks are not reentrant).
     */
    private static void populate(Session s, CommandArgs a, Reply r) {
        long count = positive(a, 2);
        String prefix = a.count() >= 4 ? a.string(3) : "key";
        long size = a.count() == 5 ? positive(a, 4) : -1;
        if (size > Integer.MAX_VALUE) throw new CommandError("ERR value is out of range, must be positive");
        Db db = s.db();
        EntryRef ref = s.ref;
        SlotLocks locks = s.server().keyspace.locks();
        for (long i = 0; i < count; i++) {
            byte[] key = (prefix + ":" + i).getBytes(StandardCharsets.UTF_8);
            byte[] text = ("value:" + i).getBytes(StandardCharsets.UTF_8);
            byte[] value = size < 0 ? text : java.util.Arrays.copyOf(text, (int) size);
            int slot = Crc16.slot(MemorySegment.ofArray(key), 0, key.length);
            locks.lock(slot);
            try {
                if (!db.exists(MemorySegment.ofArray(key), 0, key.length, ref)) db.putString(key, value, 0, ref);
            } finally {
                locks.unlock(slot);
            }
        }
        r.ok();
    }

    private static long positive(CommandArgs a, int i) {
        long v;
        try {
            v = a.longValue(i);
        } catch (NumberFormatException e) {
            throw new CommandError(Errors.NOT_INTEGER);
        }
        if (v < 0) throw new CommandError("ERR value is out of range, must be positive");
        return v;
    }

    private static void help(Reply r) {
        String[] lines = {
                "DEBUG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
                "HELP",
                "    Return subcommand help summary.",
                "POPULATE <count> [<prefix>] [<size>]",
                "    Create <count> string keys named key:<num>. If <prefix> is specified then",
                "    it is used instead of the 'key' prefix. These are not propagated to",
                "    replicas. Cluster slots are not respected so keys not belonging to the",
                "    current node can be created in cluster mode.",
                "SET-ACTIVE-EXPIRE <0|1>",
                "    Setting it to 0 disables expiring keys in background when they are not",
                "    accessed (otherwise the Redis behavior). Setting it to 1 reenables back the",
                "    default.",
                "SLEEP <seconds>",
                "    Stop the server for <seconds>. Decimals allowed."};
        r.array(lines.length);
        for (String l : lines) r.simple(l);
    }
}
