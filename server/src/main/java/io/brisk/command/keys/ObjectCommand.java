package io.brisk.command.keys;

import io.brisk.command.Errors;
import io.brisk.command.Session;
import io.brisk.config.Param;
import io.brisk.protocol.CommandArgs;
import io.brisk.protocol.Numbers;
import io.brisk.protocol.Reply;
import io.brisk.store.EntryRef;
import io.brisk.store.Keyspace;

/** OBJECT ENCODING | FREQ | IDLETIME | REFCOUNT | HELP, with Redis 7's replies and error texts. */
final class ObjectCommand {
    /** Redis's OBJ_SHARED_REFCOUNT: what REFCOUNT answers for the shared small integers 0..9999. */
    private static final long SHARED_REFCOUNT = Integer.MAX_VALUE;
    private static final int SHARED_INTEGERS = 10000;
    private static final int EMBSTR_LIMIT = 44;

    private static final String[] HELP = {
        "OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
        "ENCODING <key>",
        "    Return the kind of internal representation used in order to store the value",
        "    associated with a <key>.",
        "FREQ <key>",
        "    Return the access frequency index of the <key>. The returned integer is",
        "    proportional to the logarithm of the recent access frequency of the key.",
        "IDLETIME <key>",
        "    Return the idle time of the <key>, that is the approximated number of",
        "    seconds elapsed since the last access to the key.",
        "REFCOUNT <key>",
        "    Return the number of references of the value associated with the specified",
        "    <key>.",
        "HELP",
        "    Prints this help.",
    };

    private ObjectCommand() {}

    static void object(Session s, CommandArgs a, Reply r) {
        String sub = a.string(1).toLowerCase();
        switch (sub) {
            case "help" -> {
                if (a.count() != 2) { r.error(Errors.arity("object|help")); return; }
                r.array(HELP.length);
                for (String line : HELP) r.simple(line);
            }
            case "encoding", "freq", "idletime", "refcount" -> {
                if (a.count() != 3) { r.error(Errors.arity("object|" + sub)); return; }
                keyInfo(s, a, r, sub);
            }
            default -> r.error("ERR unknown subcommand '" + truncate(a.string(1)) + "'. Try OBJECT HELP.");
        }
    }

    private static String truncate(String s) {
        return s.length() > 128 ? s.substring(0, 128) : s;
    }

    private static void keyInfo(Session s, CommandArgs a, Reply r, String sub) {
        EntryRef e = s.ref;
        // OBJECT looks without touching: asking about idle time must not reset it.
        if (!KeyLookup.read(s, s.db(), a, 2, e, false)) {
            r.nullBulk();
            return;
        }
        Keyspace ks = s.server().keyspace;
        String policy = s.server().config.get("maxmemory-policy");
        boolean lfu = policy.endsWith("-lfu");
        switch (sub) {
            case "encoding" -> r.bulk(e.isString() ? stringEncoding(e) : e.isInline() ? "listpack" : s.db().object(e).encoding()); // inline = always packed
            case "freq" -> {
                if (!lfu) {
                    r.error("ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please note that "
                            + "when switching between policies at runtime LRU and LFU data will take some time to adjust.");
                    return;
                }
                r.integer(decayedFrequency(s, e, ks));
            }
            case "idletime" -> {
                if (lfu) {
                    r.error("ERR An LFU maxmemory policy is selected, idle time not tracked. Please note that "
                            + "when switching between policies at runtime LRU and LFU data will take some time to adjust.");
                    return;
                }
                r.integer(idleSeconds(e, ks));
            }
            default -> r.integer(refcount(s, e));
        }
    }

    /** As Redis's tryObjectEncoding: "int" for an integer string of up to 20 chars, "embstr" up to 44 bytes. */
    static String stringEncoding(EntryRef e) {
        int len = e.valueLength();
        if (len <= 20 && isLong(e)) return "int";
        return len <= EMBSTR_LIMIT ? "embstr" : "raw";
    }

    private static boolean isLong(EntryRef e) {
        try {
            Numbers.parseLong(e.memory(), e.valueOffset(), e.valueLength());
            return true;
        } catch (NumberFormatException ex) {
            return false;
        }
    }

    /** Redis shares the integers 0..9999 unless an LRU/LFU maxmemory policy needs per-object access data. */
    private static long refcount(Session s, EntryRef e) {
        if (!e.isString() || e.valueLength() > 4 || !isLong(e)) return 1;
        long v = Numbers.parseLong(e.memory(), e.valueOffset(), e.valueLength());
        if (v < 0 || v >= SHARED_INTEGERS) return 1;
        String policy = s.server().config.get("maxmemory-policy");
        boolean noShared = policy.endsWith("-lru") || policy.endsWith("-lfu");
        return s.server().config.getLong("maxmemory") != 0 && noShared ? 1 : SHARED_REFCOUNT;
    }

    /** The LRU clock counts seconds in 24 bits and wraps, as Redis's estimateObjectIdleTime allows for. */
    private static long idleSeconds(EntryRef e, Keyspace ks) {
        int now = ks.lruClock(), then = e.lruClock();
        return now >= then ? now - then : (0xFFFFFF - then) + now;
    }

    /** Redis's LFUDecrAndReturn: the counter loses one per lfu-decay-time minutes without access. */
    private static long decayedFrequency(Session s, EntryRef e, Keyspace ks) {
        long counter = e.lfuCounter();
        Param p = s.server().config.param("lfu-decay-time");
        long decay = p == null ? 1 : Long.parseLong(p.value());
        if (decay <= 0) return counter;
        long periods = idleSeconds(e, ks) / 60 / decay;
        return Math.max(0, counter - periods);
    }
}
