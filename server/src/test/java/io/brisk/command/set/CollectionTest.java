package io.brisk.command.set;

import io.brisk.store.Db;
import io.brisk.store.EntryRef;
import io.brisk.store.StoredObject;
import io.brisk.testing.ServerTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.commands.ProtocolCommand;

/**
 * Base for set and sorted-set tests: send any command through Jedis and get strings/longs/lists back,
 * peek at the stored objects (encoding, byte estimate) and make keys expire.
 */
public abstract class CollectionTest extends ServerTest {

    /** Sends args as one command; bulk replies come back as String, arrays as List, integers as Long. */
    protected static Object cmd(Jedis j, String... args) {
        ProtocolCommand c = () -> args[0].getBytes(StandardCharsets.UTF_8);
        String[] rest = new String[args.length - 1];
        System.arraycopy(args, 1, rest, 0, rest.length);
        return decode(j.sendCommand(c, rest));
    }

    private static Object decode(Object o) {
        if (o instanceof byte[] b) return new String(b, StandardCharsets.UTF_8);
        if (o instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object e : l) out.add(decode(e));
            return out;
        }
        return o;
    }

    /** The collection stored under key in db 0, or null (read without the slot lock: nothing else runs). */
    protected static StoredObject object(String key) {
        Db db = server().context().keyspace.db(0);
        EntryRef ref = new EntryRef();
        if (!db.find(key.getBytes(StandardCharsets.UTF_8), ref) || ref.isString()) return null;
        return db.object(ref);
    }

    protected static String encoding(String key) {
        StoredObject o = object(key);
        return o == null ? null : o.encoding();
    }

    /** The keyspace's running total of collection bytes (what used_memory counts for them). */
    protected static long objectBytes() {
        try {
            var f = io.brisk.store.Keyspace.class.getDeclaredField("objectBytes");
            f.setAccessible(true);
            return ((java.util.concurrent.atomic.LongAdder) f.get(server().context().keyspace)).sum();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes key expire in ms milliseconds (the EXPIRE command belongs to another family). */
    protected static void expireIn(String key, long ms) {
        Db db = server().context().keyspace.db(0);
        EntryRef ref = new EntryRef();
        if (!db.find(key.getBytes(StandardCharsets.UTF_8), ref)) throw new IllegalStateException("no key " + key);
        db.setExpire(ref, System.currentTimeMillis() + ms);
    }

    protected static void config(String name, String value) {
        try {
            server().context().config.set(name, value);
        } catch (io.brisk.config.ConfigException e) {
            throw new IllegalStateException(e);
        }
    }
}
