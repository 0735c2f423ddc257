package io.brisk.command.string;

import static io.brisk.command.CommandFlag.DENYOOM;
import static io.brisk.command.CommandFlag.FAST;
import static io.brisk.command.CommandFlag.READONLY;
import static io.brisk.command.CommandFlag.WRITE;

import io.brisk.command.CommandError;
import io.brisk.command.CommandSpec;
import io.brisk.command.Errors;
import io.brisk.command.Session;
import io.brisk.protocol.CommandArgs;
import io.brisk.protocol.Reply;
import io.brisk.store.Db;
import io.brisk.store.EntryRef;
import java.util.List;

/**
 * String commands. Values live off-heap; GET copies a value once, from its segment to the socket
 * buffer. Counters, ranges and LCS live in their own files beside this one.
 */
public final class StringCommands {
    private StringCommands() {}

    public static List<CommandSpec> specs() {
        return List.of(
                read("get", 2, StringCommands::get, true, "Returns the string value of a key.", "1.0.0"),
                write("set", -3, StringCommands::set, false, true,
                        "Sets the string value of a key, ignoring its type. The key is created if it doesn't exist.", "1.0.0"),
                write("setnx", 3, StringCommands::setnx, true, true,
                        "Set the string value of a key only when the key doesn't exist.", "1.0.0"),
                write("setex", 4, (s, a, r) -> setex(s, a, r, "EX", "setex"), false, true,
                        "Sets the string value and expiration time of a key. Creates the key if it doesn't exist.", "2.0.0"),
                write("psetex", 4, (s, a, r) -> setex(s, a, r, "PX", "psetex"), false, true,
                        "Sets both string value and expiration time in milliseconds of a key. The key is created if it doesn't exist.", "2.6.0"),
                write("getset", 3, StringCommands::getset, true, true,
                        "Returns the previous string value of a key after setting it to a new value.", "1.0.0"),
                write("getdel", 2, StringCommands::getdel, true, false,
                        "Returns the string value of a key after deleting the key.", "6.2.0"),
                write("getex", -2, StringCommands::getex, true, false,
                        "Returns the string value of a key after setting its expiration time.", "6.2.0"),
                CommandSpec.of("mget", -2, StringCommands::mget).flags(READONLY, FAST).keys(1, -1, 1).acl("read", "string", "fast")
                        .group("string").doc("Atomically returns the string values of one or more keys.", "1.0.0").build(),
                CommandSpec.of("mset", -3, (s, a, r) -> mset(s, a, r, false)).flags(WRITE, DENYOOM).keys(1, -1, 2)
                        .acl("write", "string", "slow").group("string")
                        .doc("Atomically creates or modifies the string values of one or more keys.", "1.0.1").build(),
                CommandSpec.of("msetnx", -3, (s, a, r) -> mset(s, a, r, true)).flags(WRITE, DENYOOM).keys(1, -1, 2)
                        .acl("write", "string", "slow").group("string")
                        .doc("Atomically modifies the string values of one or more keys only when all keys don't exist.", "1.0.1").build(),
                read("strlen", 2, StringCommands::strlen, true, "Returns the length of a string value.", "2.2.0"),
                write("append", 3, Ranges::append, true, true,
                        "Appends a string to the value of a key. Creates the key if it doesn't exist.", "2.0.0"),
                read("getrange", 4, Ranges::getrange, false, "Returns a substring of the string stored at a key.", "2.4.0"),
                read("substr", 4, Ranges::getrange, false, "Returns a substring from a string value.", "1.0.0"),
                write("setrange", 4, Ranges::setrange, false, true,
                        "Overwrites a part of a string value with another by an offset. Creates the key if it doesn't exist.", "2.2.0"),
                write("incr", 2, (s, a, r) -> Counters.incrBy(s, a, r, 1), true, true,
                        "Increments the integer value of a key by one. Uses 0 as initial value if the key doesn't exist.", "1.0.0"),
                write("decr", 2, (s, a, r) -> Counters.incrBy(s, a, r, -1), true, true,
                        "Decrements the integer value of a key by one. Uses 0 as initial value if the key doesn't exist.", "1.0.0"),
                write("incrby", 3, Counters::incrby, true, true,
                        "Increments the integer value of a key by a number. Uses 0 as initial value if the key doesn't exist.", "1.0.0"),
                write("decrby", 3, Counters::decrby, true, true,
                        "Decrements a number from the integer value of a key. Uses 0 as initial value if the key doesn't exist.", "1.0.0"),
                write("incrbyfloat", 3, Counters::incrbyfloat, true, true,
                        "Increment the floating point value of a key by a number. Uses 0 as initial value if the key doesn't exist.", "2.6.0"),
                CommandSpec.of("lcs", -3, Lcs::lcs).flags(READONLY).keys(1, 2, 1).acl("read", "string", "slow")
                        .group("string").doc("Finds the longest common substring.", "7.0.0").build());
    }

    private static CommandSpec read(String name, int arity, io.brisk.command.CommandHandler h, boolean fast, String doc, String since) {
        CommandSpec.Builder b = CommandSpec.of(name, arity, h).key1().group("string").doc(doc, since);
        return (fast ? b.flags(READONLY, FAST).acl("read", "string", "fast") : b.flags(READONLY).acl("read", "string", "slow")).build();
    }

    private static CommandSpec write(String name, int arity, io.brisk.command.CommandHandler h, boolean fast, boolean denyOom,
                                     String doc, String since) {
        CommandSpec.Builder b = CommandSpec.of(name, arity, h).key1().group("string").doc(doc, since).flags(WRITE);
        if (denyOom) b.flags(DENYOOM);
        if (fast) b.flags(FAST);
        return b.acl("write", "string", fast ? "fast" : "slow").build();
    }

    static void get(Session s, CommandArgs a, Reply r) {
        EntryRef e = s.ref;
        if (!s.db().find(a.segment(1), a.offset(1), a.length(1), e)) {
            s.server().keyspaceMisses.increment();
            r.nullBulk();
            return;
        }
        s.server().keyspaceHits.increment();
        if (!e.isString()) {
            r.error(Errors.WRONGTYPE);
            return;
        }
        r.bulk(e.memory(), e.valueOffset(), e.valueLength());
    }

    /** SET key value [NX | XX] [GET] [EX s | PX ms | EXAT s | PXAT ms | KEEPTTL]. */
    static void set(Session s, CommandArgs a, Reply r) {
        if (a.count() == 3) { // the common case: no options, no lookup needed
            s.db().putString(a.segment(1), a.offset(1), a.length(1), a.segment(2), a.offset(2), a.length(2), 0, s.ref2);
            r.ok();
            return;
        }
        SetOptions o = SetOptions.parse(a, 3, true);
        long expireAt = o.expireAt(a, s.server().keyspace.now(), "set");
        Db db = s.db();
        EntryRef old = s.ref;
        boolean exists = db.find(a.segment(1), a.offset(1), a.length(1), old);
        boolean get = o.has(SetOptions.GET);
        if (get && exists && !old.isString()) {
            r.error(Errors.WRONGTYPE);
            return;
        }
        boolean write = !(o.has(SetOptions.NX) && exists) && !(o.has(SetOptions.XX) && !exists);
        if (get) {
            if (exists) r.bulk(old.memory(), old.valueOffset(), old.valueLength());
            else r.nullBulk();
        }
        if (!write) {
            if (!get) r.nullBulk();
            return;
        }
        if (o.has(SetOptions.KEEPTTL) && exists) expireAt = old.expireAt();
        db.putString(a.segment(1), a.offset(1), a.length(1), a.segment(2), a.offset(2), a.length(2), expireAt, s.ref2);
        if (!get) r.ok();
    }

    static void setnx(Session s, CommandArgs a, Reply r) {
        Db db = s.db();
        if (db.find(a.segment(1), a.offset(1), a.length(1), s.ref)) {
            r.integer(0);
            return;
        }
        db.putString(a.segment(1), a.offset(1), a.length(1), a.segment(2), a.offset(2), a.length(2), 0, s.ref2);
        r.integer(1);
    }

    /** SETEX key seconds value / PSETEX key ms value. */
    static void setex(Session s, CommandArgs a, Reply r, String unit, String command) {
        long expireAt = SetOptions.expireAt(a, 2, unit, s.server().keyspace.now(), command);
        s.db().putString(a.segment(1), a.offset(1), a.length(1), a.segment(3), a.offset(3), a.length(3), expireAt, s.ref2);
        r.ok();
    }

    static void getset(Session s, CommandArgs a, Reply r) {
        EntryRef old = s.ref;
        if (StringValues.readString(s, a, 1, old)) r.bulk(old.memory(), old.valueOffset(), old.valueLength());
        else r.nullBulk();
        s.db().putString(a.segment(1), a.offset(1), a.length(1), a.segment(2), a.offset(2), a.length(2), 0, s.ref2);
    }

    static void getdel(Session s, CommandArgs a, Reply r) {
        EntryRef e = s.ref;
        if (!StringValues.readString(s, a, 1, e)) {
            r.nullBulk();
            return;
        }
        // The reply is copied into the output buffer before the entry is marked dead.
        r.bulk(e.memory(), e.valueOffset(), e.valueLength());
        s.db().remove(e);
    }

    /** GETEX key [EX s | PX ms | EXAT s | PXAT ms | PERSIST]. */
    static void getex(Session s, CommandArgs a, Reply r) {
        SetOptions o = SetOptions.parse(a, 2, false);
        EntryRef e = s.ref;
        if (!StringValues.readString(s, a, 1, e)) {
            r.nullBulk();
            return;
        }
        long now = s.server().keyspace.now();
        long expireAt = o.expireAt(a, now, "getex");
        r.bulk(e.memory(), e.valueOffset(), e.valueLength());
        if (expireAt != 0 && expireAt <= now && o.has(SetOptions.EXAT | SetOptions.PXAT)) s.db().remove(e);
        else if (expireAt != 0) s.db().setExpire(e, expireAt);
        else if (o.has(SetOptions.PERSIST) && e.expireAt() != 0) s.db().setExpire(e, 0);
    }

    static void mget(Session s, CommandArgs a, Reply r) {
        int n = a.count() - 1;
        r.array(n);
        EntryRef e = s.ref;
        for (int i = 1; i <= n; i++) {
            if (s.db().find(a.segment(i), a.offset(i), a.length(i), e)) {
                s.server().keyspaceHits.increment();
                if (e.isString()) r.bulk(e.memory(), e.valueOffset(), e.valueLength());
                else r.nullBulk();
            } else {
                s.server().keyspaceMisses.increment();
                r.nullBulk();
            }
        }
    }

    static void mset(Session s, CommandArgs a, Reply r, boolean nx) {
        if (a.count() % 2 == 0) throw new CommandError(Errors.arity(nx ? "msetnx" : "mset"));
        Db db = s.db();
        if (nx) {
            for (int i = 1; i < a.count(); i += 2) {
                if (db.find(a.segment(i), a.offset(i), a.length(i), s.ref)) {
                    r.integer(0);
                    return;
                }
            }
        }
        for (int i = 1; i < a.count(); i += 2) {
            db.putString(a.segment(i), a.offset(i), a.length(i), a.segment(i + 1), a.offset(i + 1), a.length(i + 1), 0, s.ref2);
        }
        if (nx) r.integer(1);
        else r.ok();
    }

    static void strlen(Session s, CommandArgs a, Reply r) {
        EntryRef e = s.ref;
        r.integer(StringValues.readString(s, a, 1, e) ? e.valueLength() : 0);
    }
}
