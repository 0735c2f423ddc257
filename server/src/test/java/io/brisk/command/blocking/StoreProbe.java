package io.brisk.command.blocking;

import io.brisk.command.ServerContext;
import io.brisk.store.EntryRef;
import io.brisk.util.Crc16;
import java.lang.foreign.MemorySegment;
import java.util.function.Function;

/**
 * Reads the store directly under a key's slot lock, for what other families' commands (EXISTS,
 * OBJECT ENCODING, EXPIRE) would show but which this branch does not have.
 */
public final class StoreProbe {
    private StoreProbe() {}

    public static <T> T withKey(ServerContext ctx, String key, Function<EntryRef, T> f) {
        byte[] k = key.getBytes();
        int slot = Crc16.slot(MemorySegment.ofArray(k), 0, k.length);
        ctx.keyspace.locks().lock(slot);
        try {
            EntryRef ref = new EntryRef();
            return f.apply(ctx.keyspace.db(0).find(k, ref) ? ref : null);
        } finally {
            ctx.keyspace.locks().unlock(slot);
        }
    }

    /** True when the key's collection is kept inline in its entry (no heap object). */
    public static boolean inline(ServerContext ctx, String key) {
        return withKey(ctx, key, ref -> ref != null && ref.isInline());
    }

    /** The key's version stamp (its memcached CAS), 0 when it has none. */
    public static long version(ServerContext ctx, String key) {
        return withKey(ctx, key, ref -> ref == null ? 0L : ref.version());
    }

    public static boolean exists(ServerContext ctx, String key) {
        return withKey(ctx, key, ref -> ref != null);
    }

    public static String encoding(ServerContext ctx, String key) {
        return withKey(ctx, key, ref -> ref == null ? null : ref.isInline() ? "listpack" : ctx.keyspace.db(0).object(ref).encoding());
    }

    public static long estimatedBytes(ServerContext ctx, String key) {
        return withKey(ctx, key, ref -> ref == null ? 0L : ref.isInline() ? ref.entrySize() : ctx.keyspace.db(0).object(ref).estimatedBytes());
    }

    public static void expireInMillis(ServerContext ctx, String key, long ms) {
        withKey(ctx, key, ref -> {
            ctx.keyspace.db(0).setExpire(ref, ctx.keyspace.now() + ms);
            return null;
        });
    }
}
