package io.brisk.command.string;

import static io.brisk.command.CommandFlag.DENYOOM;
import static io.brisk.command.CommandFlag.FAST;
import static io.brisk.command.CommandFlag.READONLY;
import static io.brisk.command.CommandFlag.WRITE;

import io.brisk.command.CommandSpec;
import io.brisk.command.Errors;
import io.brisk.command.Session;
import io.brisk.protocol.CommandArgs;
import io.brisk.protocol.Reply;
import io.brisk.store.Db;
import io.brisk.store.EntryRef;
import java.util.List;

/** String commands. Values live off-heap; GET copies a value once, from its segment to the socket buffer. */
public final class StringCommands {
    private StringCommands() {}

    public static List<CommandSpec> specs() {
        return List.of(
                CommandSpec.of("get", 2, StringCommands::get).flags(READONLY, FAST).key1().acl("read", "string", "fast")
                        .group("string").doc("Returns the string value of a key.", "1.0.0").build(),
                CommandSpec.of("set", -3, StringCommands::set).flags(WRITE, DENYOOM).key1().acl("write", "string", "slow")
                        .group("string").doc("Sets the string value of a key, ignoring its type. The key is created if it doesn't exist.", "1.0.0").build());
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
        boolean nx = false, xx = false, get = false, keepTtl = false;
        long expireAt = 0;
        String expireUnit = null;
        for (int i = 3; i < a.count(); i++) {
            if (a.is(i, "NX") && !xx) nx = true;
            else if (a.is(i, "XX") && !nx) xx = true;
            else if (a.is(i, "GET")) get = true;
            else if (a.is(i, "KEEPTTL") && expireUnit == null) keepTtl = true;
            else if ((a.is(i, "EX") || a.is(i, "PX") || a.is(i, "EXAT") || a.is(i, "PXAT")) && !keepTtl && expireUnit == null
                    && i + 1 < a.count()) {
                expireUnit = a.string(i).toUpperCase();
                long v;
                try {
                    v = a.longValue(++i);
                } catch (NumberFormatException e) {
                    r.error(Errors.NOT_INTEGER);
                    return;
                }
                expireAt = Expiry.absolute(expireUnit, v, s.server().keyspace.now());
                if (expireAt == Expiry.INVALID) {
                    r.error(Errors.invalidExpire("set"));
                    return;
                }
            } else {
                r.error(Errors.SYNTAX);
                return;
            }
        }
        Db db = s.db();
        EntryRef old = s.ref;
        boolean exists = db.find(a.segment(1), a.offset(1), a.length(1), old);
        if (get && exists && !old.isString()) {
            r.error(Errors.WRONGTYPE);
            return;
        }
        boolean write = !(nx && exists) && !(xx && !exists);
        if (get) {
            if (exists) r.bulk(old.memory(), old.valueOffset(), old.valueLength());
            else r.nullBulk();
        }
        if (!write) {
            if (!get) r.nullBulk();
            return;
        }
        if (keepTtl && exists) expireAt = old.expireAt();
        db.putString(a.segment(1), a.offset(1), a.length(1), a.segment(2), a.offset(2), a.length(2), expireAt, s.ref2);
        if (!get) r.ok();
    }
}
