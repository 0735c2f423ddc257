package io.brisk.command.keys;

import static io.brisk.command.CommandFlag.DENYOOM;
import static io.brisk.command.CommandFlag.FAST;
import static io.brisk.command.CommandFlag.LOADING;
import static io.brisk.command.CommandFlag.READONLY;
import static io.brisk.command.CommandFlag.STALE;
import static io.brisk.command.CommandFlag.WRITE;

import io.brisk.command.CommandError;
import io.brisk.command.CommandSpec;
import io.brisk.command.Errors;
import io.brisk.command.Session;
import io.brisk.protocol.CommandArgs;
import io.brisk.protocol.Reply;
import io.brisk.store.Db;
import io.brisk.store.EntryRef;
import io.brisk.store.Keyspace;
import java.util.List;

/**
 * Generic key commands (Redis's "generic" group plus DBSIZE, FLUSHDB, FLUSHALL, SWAPDB). They work
 * on every value type through EntryRef.type() and Db's type-blind copy/remove. The expiry commands
 * live in {@link KeyExpiry}, the whole-database walks in {@link KeyWalk}, OBJECT in {@link ObjectCommand}.
 */
public final class KeyCommands {
    private static final String SAME_OBJECT = "ERR source and destination objects are the same";

    private KeyCommands() {}

    public static List<CommandSpec> specs() {
        return List.of(
                CommandSpec.of("del", -2, KeyCommands::del).flags(WRITE).keys(1, -1, 1).acl("keyspace", "write", "slow")
                        .doc("Deletes one or more keys.", "1.0.0").build(),
                CommandSpec.of("unlink", -2, KeyCommands::del).flags(WRITE, FAST).keys(1, -1, 1).acl("keyspace", "write", "fast")
                        .doc("Asynchronously deletes one or more keys.", "4.0.0").build(),
                CommandSpec.of("exists", -2, KeyCommands::exists).flags(READONLY, FAST).keys(1, -1, 1).acl("keyspace", "read", "fast")
                        .doc("Determines whether one or more keys exist.", "1.0.0").build(),
                CommandSpec.of("touch", -2, KeyCommands::touch).flags(READONLY, FAST).keys(1, -1, 1).acl("keyspace", "read", "fast")
                        .doc("Returns the number of existing keys out of those specified after updating the time they were last accessed.", "3.2.1").build(),
                CommandSpec.of("type", 2, KeyCommands::type).flags(READONLY, FAST).key1().acl("keyspace", "read", "fast")
                        .doc("Determines the type of value stored at a key.", "1.0.0").build(),
                expireSpec("expire", KeyExpiry::expire, "Sets the expiration time of a key in seconds.", "1.0.0"),
                expireSpec("pexpire", KeyExpiry::pexpire, "Sets the expiration time of a key in milliseconds.", "2.6.0"),
                expireSpec("expireat", KeyExpiry::expireat, "Sets the expiration time of a key to a Unix timestamp.", "1.2.0"),
                expireSpec("pexpireat", KeyExpiry::pexpireat, "Sets the expiration time of a key to a Unix milliseconds timestamp.", "2.6.0"),
                readSpec("ttl", KeyExpiry::ttl, "Returns the expiration time in seconds of a key.", "1.0.0"),
                readSpec("pttl", KeyExpiry::pttl, "Returns the expiration time in milliseconds of a key.", "2.6.0"),
                readSpec("expiretime", KeyExpiry::expiretime, "Returns the expiration time of a key as a Unix timestamp.", "7.0.0"),
                readSpec("pexpiretime", KeyExpiry::pexpiretime, "Returns the expiration time of a key as a Unix milliseconds timestamp.", "7.0.0"),
                CommandSpec.of("persist", 2, KeyExpiry::persist).flags(WRITE, FAST).key1().acl("keyspace", "write", "fast")
                        .doc("Removes the expiration time of a key.", "2.2.0").build(),
                CommandSpec.of("rename", 3, (s, a, r) -> rename(s, a, r, false)).flags(WRITE).keys(1, 2, 1)
                        .acl("keyspace", "write", "slow").doc("Renames a key and overwrites the destination.", "1.0.0").build(),
                CommandSpec.of("renamenx", 3, (s, a, r) -> rename(s, a, r, true)).flags(WRITE, FAST).keys(1, 2, 1)
                        .acl("keyspace", "write", "fast").doc("Renames a key only when the target key name doesn't exist.", "1.0.0").build(),
                CommandSpec.of("copy", -3, KeyCommands::copy).flags(WRITE, DENYOOM).keys(1, 2, 1).acl("keyspace", "write", "slow")
                        .doc("Copies the value of a key to a new key.", "6.2.0").build(),
                CommandSpec.of("move", 3, KeyCommands::move).flags(WRITE, FAST).key1().acl("keyspace", "write", "fast")
                        .doc("Moves a key to another database.", "1.0.0").build(),
                CommandSpec.of("keys", 2, KeyWalk::keys).flags(READONLY).acl("keyspace", "read", "slow", "dangerous")
                        .doc("Returns all key names that match a pattern.", "1.0.0").build(),
                CommandSpec.of("scan", -2, KeyWalk::scan).flags(READONLY).acl("keyspace", "read", "slow")
                        .doc("Iterates over the key names in the database.", "2.8.0").build(),
                CommandSpec.of("randomkey", 1, KeyWalk::randomKey).flags(READONLY).acl("keyspace", "read", "slow")
                        .doc("Returns a random key name from the database.", "1.0.0").build(),
                CommandSpec.of("object", -2, ObjectCommand::object).keys(2, 2, 1).acl("slow")
                        .doc("A container for object introspection commands.", "2.2.3").subcommands(objectSubcommands()).build(),
                CommandSpec.of("dbsize", 1, KeyWalk::dbsize).flags(READONLY, FAST).acl("keyspace", "read", "fast")
                        .group("server").doc("Returns the number of keys in the database.", "1.0.0").build(),
                CommandSpec.of("flushdb", -1, (s, a, r) -> flush(s, a, r, false)).flags(WRITE)
                        .acl("keyspace", "write", "slow", "dangerous").group("server")
                        .doc("Removes all keys from the current database.", "1.0.0").build(),
                CommandSpec.of("flushall", -1, (s, a, r) -> flush(s, a, r, true)).flags(WRITE)
                        .acl("keyspace", "write", "slow", "dangerous").group("server")
                        .doc("Removes all keys from all databases.", "1.0.0").build(),
                CommandSpec.of("swapdb", 3, KeyCommands::swapdb).flags(WRITE, FAST).acl("keyspace", "write", "fast", "dangerous")
                        .group("server").doc("Swaps two Redis databases.", "4.0.0").build());
    }

    private static CommandSpec expireSpec(String name, io.brisk.command.CommandHandler h, String doc, String since) {
        return CommandSpec.of(name, -3, h).flags(WRITE, FAST).key1().acl("keyspace", "write", "fast").doc(doc, since).build();
    }

    private static CommandSpec readSpec(String name, io.brisk.command.CommandHandler h, String doc, String since) {
        return CommandSpec.of(name, 2, h).flags(READONLY, FAST).key1().acl("keyspace", "read", "fast").doc(doc, since).build();
    }

    private static CommandSpec[] objectSubcommands() {
        return new CommandSpec[] {
            CommandSpec.of("object|encoding", 3, ObjectCommand::object).flags(READONLY).keys(2, 2, 1).acl("keyspace", "read", "slow")
                    .doc("Returns the internal encoding of a Redis object.", "2.2.3").build(),
            CommandSpec.of("object|freq", 3, ObjectCommand::object).flags(READONLY).keys(2, 2, 1).acl("keyspace", "read", "slow")
                    .doc("Returns the logarithmic access frequency counter of a Redis object.", "4.0.0").build(),
            CommandSpec.of("object|idletime", 3, ObjectCommand::object).flags(READONLY).keys(2, 2, 1).acl("keyspace", "read", "slow")
                    .doc("Returns the time since the last access to a Redis object.", "2.2.3").build(),
            CommandSpec.of("object|refcount", 3, ObjectCommand::object).flags(READONLY).keys(2, 2, 1).acl("keyspace", "read", "slow")
                    .doc("Returns the reference count of a value of a key.", "2.2.3").build(),
            CommandSpec.of("object|help", 2, ObjectCommand::object).flags(LOADING, STALE).acl("slow")
                    .doc("Returns helpful text about the different subcommands.", "6.2.0").build(),
        };
    }

    /** DEL and UNLINK: a key named twice counts once (the second time it is already gone). */
    static void del(Session s, CommandArgs a, Reply r) {
        Db db = s.db();
        long n = 0;
        for (int i = 1; i < a.count(); i++) {
            if (db.delete(a.segment(i), a.offset(i), a.length(i), s.ref)) n++;
        }
        r.integer(n);
    }

    /** EXISTS counts a key once per time it is named. It does not touch the access time, as in Redis. */
    static void exists(Session s, CommandArgs a, Reply r) {
        Db db = s.db();
        long n = 0;
        for (int i = 1; i < a.count(); i++) {
            if (KeyLookup.read(s, db, a, i, s.ref, false)) n++;
        }
        r.integer(n);
    }

    static void touch(Session s, CommandArgs a, Reply r) {
        Db db = s.db();
        long n = 0;
        for (int i = 1; i < a.count(); i++) {
            if (KeyLookup.read(s, db, a, i, s.ref, true)) n++;
        }
        r.integer(n);
    }

    static void type(Session s, CommandArgs a, Reply r) {
        EntryRef e = s.ref;
        r.simple(KeyLookup.read(s, s.db(), a, 1, e, false) ? e.type().typeName() : "none");
    }

    /**
     * RENAME / RENAMENX: the value and its TTL move to the new name, replacing whatever it held
     * (RENAMENX: unless it exists). Both keys' slots are locked by the dispatcher.
     */
    static void rename(Session s, CommandArgs a, Reply r, boolean nx) {
        Db db = s.db();
        EntryRef src = s.ref;
        if (!db.find(a.segment(1), a.offset(1), a.length(1), src)) {
            r.error(Errors.NO_SUCH_KEY);
            return;
        }
        if (a.equals(1, 2)) {
            if (nx) r.integer(0);
            else r.ok();
            return;
        }
        if (nx) {
            if (db.peek(a.segment(2), a.offset(2), a.length(2), s.ref2)) {
                r.integer(0);
                return;
            }
            // the peek may have removed an expired key from the source's slot table: look again
            db.find(a.segment(1), a.offset(1), a.length(1), src);
        }
        boolean wakes = wakesBlockedClients(src);
        db.copyTo(src, db, a.segment(2), a.offset(2), a.length(2), src.expireAt(), true);
        // the write may have grown the slot table under src: delete by name, not by position
        db.delete(a.segment(1), a.offset(1), a.length(1), src);
        if (wakes) s.server().blocking.signal(db, a.segment(2), a.offset(2), a.length(2));
        if (nx) r.integer(1);
        else r.ok();
    }

    /** COPY source destination [DB destination-db] [REPLACE]. */
    static void copy(Session s, CommandArgs a, Reply r) {
        Keyspace ks = s.server().keyspace;
        boolean replace = false;
        int destIndex = s.dbIndex();
        for (int i = 3; i < a.count(); i++) {
            if (a.is(i, "REPLACE")) {
                replace = true;
            } else if (a.is(i, "DB") && i + 1 < a.count()) {
                destIndex = dbIndex(a, ++i, ks);
            } else {
                r.error(Errors.SYNTAX);
                return;
            }
        }
        Db db = s.db();
        Db dest = ks.db(destIndex);
        if (dest == db && a.equals(1, 2)) {
            r.error(SAME_OBJECT);
            return;
        }
        boolean destExists = dest.peek(a.segment(2), a.offset(2), a.length(2), s.ref2);
        EntryRef src = s.ref;
        if (!KeyLookup.read(s, db, a, 1, src, true)) {
            r.integer(0);
            return;
        }
        if (destExists && !replace) {
            r.integer(0);
            return;
        }
        boolean wakes = wakesBlockedClients(src);
        db.copyTo(src, dest, a.segment(2), a.offset(2), a.length(2), src.expireAt(), false);
        if (wakes) s.server().blocking.signal(dest, a.segment(2), a.offset(2), a.length(2));
        r.integer(1);
    }

    /** MOVE key db: the key keeps its slot (slot locks are shared by all databases). */
    static void move(Session s, CommandArgs a, Reply r) {
        Keyspace ks = s.server().keyspace;
        int destIndex = dbIndex(a, 2, ks);
        Db db = s.db();
        Db dest = ks.db(destIndex);
        if (dest == db) {
            r.error(SAME_OBJECT);
            return;
        }
        EntryRef src = s.ref;
        if (!db.find(a.segment(1), a.offset(1), a.length(1), src)) {
            r.integer(0);
            return;
        }
        if (dest.peek(a.segment(1), a.offset(1), a.length(1), s.ref2)) {
            r.integer(0);
            return;
        }
        boolean wakes = wakesBlockedClients(src);
        db.copyTo(src, dest, a.segment(1), a.offset(1), a.length(1), src.expireAt(), true);
        db.remove(src); // another db's table: src's position is unchanged
        if (wakes) s.server().blocking.signal(dest, a.segment(1), a.offset(1), a.length(1));
        r.integer(1);
    }

    /** A list or sorted set landing on a key may serve clients blocked on it (BLPOP, BZPOPMIN...). */
    private static boolean wakesBlockedClients(EntryRef e) {
        io.brisk.store.ValueType t = e.type();
        return t == io.brisk.store.ValueType.LIST || t == io.brisk.store.ValueType.ZSET;
    }

    /** A database number as getIntFromObjectOrReply + selectDb check it. */
    private static int dbIndex(CommandArgs a, int i, Keyspace ks) {
        long v;
        try {
            v = a.longValue(i);
        } catch (NumberFormatException e) {
            throw new CommandError(Errors.NOT_INTEGER);
        }
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new CommandError("ERR value is out of range, value must between -2147483648 and 2147483647");
        }
        if (v < 0 || v >= ks.databases()) throw new CommandError(Errors.DB_INDEX);
        return (int) v;
    }

    /**
     * FLUSHDB / FLUSHALL [ASYNC | SYNC]. Both empty the data before replying: ASYNC in Redis only
     * moves the freeing of memory to a background thread, the keyspace is empty at once either way.
     */
    static void flush(Session s, CommandArgs a, Reply r, boolean all) {
        if (a.count() > 2 || (a.count() == 2 && !a.is(1, "ASYNC") && !a.is(1, "SYNC"))) {
            r.error(Errors.SYNTAX);
            return;
        }
        Keyspace ks = s.server().keyspace;
        if (all) ks.flushAll();
        else ks.flush(s.dbIndex());
        r.ok();
    }

    static void swapdb(Session s, CommandArgs a, Reply r) {
        Keyspace ks = s.server().keyspace;
        long first, second;
        try {
            first = intArg(a, 1);
        } catch (NumberFormatException e) {
            r.error("ERR invalid first DB index");
            return;
        }
        try {
            second = intArg(a, 2);
        } catch (NumberFormatException e) {
            r.error("ERR invalid second DB index");
            return;
        }
        if (first < 0 || first >= ks.databases() || second < 0 || second >= ks.databases()) {
            r.error(Errors.DB_INDEX);
            return;
        }
        if (first != second) ks.swap((int) first, (int) second);
        r.ok();
    }

    private static long intArg(CommandArgs a, int i) {
        long v = a.longValue(i);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) throw new NumberFormatException();
        return v;
    }
}
