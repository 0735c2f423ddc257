package io.brisk.command.keys;

import io.brisk.store.Db;
import io.brisk.store.EntryRef;
import io.brisk.store.Keyspace;
import io.brisk.store.StoredObject;
import io.brisk.store.ValueType;
import io.brisk.testing.ServerTest;
import io.brisk.util.Crc16;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.exceptions.JedisDataException;

/** Helpers for the key command tests: raw commands, error texts, collections planted in the store. */
abstract class KeyTestSupport extends ServerTest {

    /** Sends any command through Jedis and returns the raw reply (byte[] turned into String). */
    static Object call(Jedis j, String... cmd) {
        ProtocolCommand c = () -> cmd[0].getBytes(StandardCharsets.UTF_8);
        Object o = j.sendCommand(c, Arrays.copyOfRange(cmd, 1, cmd.length));
        return decode(o);
    }

    private static Object decode(Object o) {
        if (o instanceof byte[] b) return new String(b, StandardCharsets.UTF_8);
        if (o instanceof java.util.List<?> l) return l.stream().map(KeyTestSupport::decode).toList();
        return o;
    }

    /** The error text a command answers (fails the test when it answers anything else). */
    static String error(Jedis j, String... cmd) {
        try {
            Object r = call(j, cmd);
            throw new AssertionError("expected an error from " + String.join(" ", cmd) + " but got " + r);
        } catch (JedisDataException e) {
            return e.getMessage();
        }
    }

    /**
     * Stores a collection directly (the collection families are written elsewhere): TYPE, RENAME,
     * COPY, MOVE and OBJECT must handle any type through EntryRef.type() and StoredObject.
     */
    static void plant(int dbIndex, String key, ValueType type, String encoding) {
        Keyspace ks = server().context().keyspace;
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        int slot = Crc16.slot(k);
        ks.locks().lock(slot);
        try {
            Db db = ks.db(dbIndex);
            db.putObject(k, type, new Planted(encoding, 100), 0, new EntryRef());
        } finally {
            ks.locks().unlock(slot);
        }
    }

    /** The collection planted under a key, or null. */
    static StoredObject planted(int dbIndex, String key) {
        Keyspace ks = server().context().keyspace;
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        int slot = Crc16.slot(k);
        ks.locks().lock(slot);
        try {
            EntryRef ref = new EntryRef();
            Db db = ks.db(dbIndex);
            return db.find(k, ref) && !ref.isString() ? db.object(ref) : null;
        } finally {
            ks.locks().unlock(slot);
        }
    }

    record Planted(String encoding, long estimatedBytes) implements StoredObject {
        public StoredObject deepCopy() { return new Planted(encoding, estimatedBytes); }
    }
}
