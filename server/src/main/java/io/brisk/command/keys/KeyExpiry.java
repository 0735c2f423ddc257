package io.brisk.command.keys;

import io.brisk.command.CommandError;
import io.brisk.command.Errors;
import io.brisk.command.Session;
import io.brisk.protocol.CommandArgs;
import io.brisk.protocol.Reply;
import io.brisk.store.Db;
import io.brisk.store.EntryRef;

/** EXPIRE PEXPIRE EXPIREAT PEXPIREAT, TTL PTTL EXPIRETIME PEXPIRETIME and PERSIST, as Redis 7's expire.c. */
final class KeyExpiry {
    private static final int NX = 1, XX = 2, GT = 4, LT = 8;

    private KeyExpiry() {}

    static void expire(Session s, CommandArgs a, Reply r) { set(s, a, r, true, false, "expire"); }
    static void pexpire(Session s, CommandArgs a, Reply r) { set(s, a, r, false, false, "pexpire"); }
    static void expireat(Session s, CommandArgs a, Reply r) { set(s, a, r, true, true, "expireat"); }
    static void pexpireat(Session s, CommandArgs a, Reply r) { set(s, a, r, false, true, "pexpireat"); }

    /**
     * Redis's expireGenericCommand: options are checked first, then the number; overflow of the unit
     * conversion or of base + value is an error; a time at or before now deletes the key (reply 1).
     */
    private static void set(Session s, CommandArgs a, Reply r, boolean seconds, boolean absolute, String name) {
        int flags = parseFlags(a);
        long when;
        try {
            when = a.longValue(2);
        } catch (NumberFormatException e) {
            r.error(Errors.NOT_INTEGER);
            return;
        }
        long now = s.server().keyspace.now();
        if (seconds) {
            if (when > Long.MAX_VALUE / 1000 || when < Long.MIN_VALUE / 1000) {
                r.error(Errors.invalidExpire(name));
                return;
            }
            when *= 1000;
        }
        long base = absolute ? 0 : now;
        if (when > Long.MAX_VALUE - base) {
            r.error(Errors.invalidExpire(name));
            return;
        }
        when += base;
        Db db = s.db();
        EntryRef e = s.ref;
        if (!db.find(a.segment(1), a.offset(1), a.length(1), e)) {
            r.integer(0);
            return;
        }
        if (flags != 0 && !allowed(flags, e.expireAt() == 0 ? -1 : e.expireAt(), when)) {
            r.integer(0);
            return;
        }
        if (when <= now) {
            db.remove(e);
        } else {
            db.setExpire(e, when);
        }
        r.integer(1);
    }

    private static int parseFlags(CommandArgs a) {
        int flags = 0;
        for (int i = 3; i < a.count(); i++) {
            if (a.is(i, "NX")) flags |= NX;
            else if (a.is(i, "XX")) flags |= XX;
            else if (a.is(i, "GT")) flags |= GT;
            else if (a.is(i, "LT")) flags |= LT;
            else throw new CommandError("ERR Unsupported option " + a.string(i));
        }
        if ((flags & NX) != 0 && (flags & (XX | GT | LT)) != 0) {
            throw new CommandError("ERR NX and XX, GT or LT options at the same time are not compatible");
        }
        if ((flags & GT) != 0 && (flags & LT) != 0) {
            throw new CommandError("ERR GT and LT options at the same time are not compatible");
        }
        return flags;
    }

    /** current is -1 for a key without TTL, which counts as an infinite TTL for GT and LT. */
    private static boolean allowed(int flags, long current, long when) {
        if ((flags & NX) != 0 && current != -1) return false;
        if ((flags & XX) != 0 && current == -1) return false;
        if ((flags & GT) != 0 && (current == -1 || when <= current)) return false;
        if ((flags & LT) != 0 && current != -1 && when >= current) return false;
        return true;
    }

    static void ttl(Session s, CommandArgs a, Reply r) { ttl(s, a, r, false, false); }
    static void pttl(Session s, CommandArgs a, Reply r) { ttl(s, a, r, true, false); }
    static void expiretime(Session s, CommandArgs a, Reply r) { ttl(s, a, r, false, true); }
    static void pexpiretime(Session s, CommandArgs a, Reply r) { ttl(s, a, r, true, true); }

    /** -2 without the key, -1 without a TTL; seconds are rounded to the nearest, as Redis does. */
    private static void ttl(Session s, CommandArgs a, Reply r, boolean millis, boolean absolute) {
        EntryRef e = s.ref;
        if (!KeyLookup.read(s, s.db(), a, 1, e, false)) {
            r.integer(-2);
            return;
        }
        long at = e.expireAt();
        if (at == 0) {
            r.integer(-1);
            return;
        }
        long v = absolute ? at : Math.max(0, at - s.server().keyspace.now());
        r.integer(millis ? v : v / 1000 + (v % 1000 >= 500 ? 1 : 0)); // (v + 500) / 1000 without overflow
    }

    static void persist(Session s, CommandArgs a, Reply r) {
        EntryRef e = s.ref;
        Db db = s.db();
        if (!db.find(a.segment(1), a.offset(1), a.length(1), e) || e.expireAt() == 0) {
            r.integer(0);
            return;
        }
        db.setExpire(e, 0);
        r.integer(1);
    }
}
