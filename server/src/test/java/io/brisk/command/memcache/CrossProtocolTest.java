package io.brisk.command.memcache;

import static org.assertj.core.api.Assertions.assertThat;

import net.spy.memcached.CASValue;
import net.spy.memcached.MemcachedClient;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** One keyspace: memcached items are strings in db 0, and RESP strings are memcached items. */
class CrossProtocolTest extends MemcacheTestBase {

    @Test
    void respSetIsAMemcachedItemAndBack() throws Exception {
        Jedis j = jedis();
        MemcachedClient m = spy();
        j.set("from-resp", "hello");
        assertThat(m.get("from-resp")).isEqualTo("hello");
        try (Raw r = raw()) {
            assertThat(r.call("get from-resp\r\n", "END\r\n")).isEqualTo("VALUE from-resp 0 5\r\nhello\r\nEND\r\n");
            r.line("set from-mc 42 0 5\r\nworld\r\n");
        }
        assertThat(j.get("from-mc")).isEqualTo("world");
        m.set("spy", 0, "value").get();
        assertThat(j.get("spy")).isEqualTo("value");
    }

    @Test
    void casChangesOnWritesFromEitherSide() throws Exception {
        Jedis j = jedis();
        MemcachedClient m = spy();
        m.set("k", 0, "a").get();
        CASValue<Object> first = m.gets("k");
        j.set("k", "b"); // a RESP write is a new version
        CASValue<Object> second = m.gets("k");
        assertThat(second.getValue()).isEqualTo("b");
        assertThat(second.getCas()).isNotEqualTo(first.getCas());
        assertThat(m.cas("k", first.getCas(), "c")).isEqualTo(net.spy.memcached.CASResponse.EXISTS);
        j.set("k", "b"); // even the same value again
        CASValue<Object> third = m.gets("k");
        assertThat(third.getCas()).isNotEqualTo(second.getCas());
        assertThat(m.cas("k", third.getCas(), "d")).isEqualTo(net.spy.memcached.CASResponse.OK);
        assertThat(j.get("k")).isEqualTo("d");
        assertThat(m.gets("k").getCas()).isNotEqualTo(third.getCas());
    }

    /** INCR that keeps the digit count rewrites the value in place: still a new CAS, TTL and flags kept. */
    @Test
    void casChangesOnInPlaceIncrements() throws Exception {
        Jedis j = jedis();
        MemcachedClient m = spy();
        m.set("n", 3600, "10").get();
        long previous = m.gets("n").getCas();
        for (int i = 11; i <= 40; i++) { // past the in-place rewrite limit, so both paths run
            assertThat(j.incr("n")).isEqualTo(i);
            CASValue<Object> now = m.gets("n");
            assertThat(now.getValue()).isEqualTo(Integer.toString(i));
            assertThat(now.getCas()).as("cas after INCR to %d", i).isNotEqualTo(previous);
            previous = now.getCas();
        }
        assertThat(j.ttl("n")).isBetween(3590L, 3600L);
        assertThat(m.cas("n", previous, "99")).isEqualTo(net.spy.memcached.CASResponse.OK);
        assertThat(j.get("n")).isEqualTo("99");
    }

    @Test
    void clientFlagsSurviveAndRespValuesHaveNone() throws Exception {
        try (Raw r = raw()) {
            r.line("set f 4294967295 0 1\r\nx\r\n");
            jedis().set("g", "y");
            assertThat(r.call("get f g\r\n", "END\r\n")).isEqualTo("VALUE f 4294967295 1\r\nx\r\nVALUE g 0 1\r\ny\r\nEND\r\n");
            assertThat(r.line("append f 0 0 1\r\nz\r\n")).isEqualTo("STORED\r\n"); // append keeps flags
            assertThat(r.call("get f\r\n", "END\r\n")).isEqualTo("VALUE f 4294967295 2\r\nxz\r\nEND\r\n");
            jedis().set("f", "new"); // a RESP SET replaces the whole item: no flags any more
            assertThat(r.call("get f\r\n", "END\r\n")).isEqualTo("VALUE f 0 3\r\nnew\r\nEND\r\n");
        }
    }

    /** The entry's absolute expiry in db 0 as the store (and so RESP TTL) sees it; -2 when absent. */
    private static long expireAt(String key) {
        var ks = server().context().keyspace;
        byte[] k = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int slot = io.brisk.util.Crc16.slot(k);
        ks.locks().lock(slot);
        try {
            io.brisk.store.EntryRef e = new io.brisk.store.EntryRef();
            return ks.db(0).peek(java.lang.foreign.MemorySegment.ofArray(k), 0, k.length, e) ? e.expireAt() : -2;
        } finally {
            ks.locks().unlock(slot);
        }
    }

    @Test
    void ttlsAgree() throws Exception {
        Jedis j = jedis();
        try (Raw r = raw()) {
            long now = System.currentTimeMillis();
            r.line("set t 0 100 1\r\nx\r\n");
            assertThat(expireAt("t") - now).isBetween(99_000L, 101_000L);
            long unix = now / 1000 + 3 * 86400 * 30; // > 30 days: absolute unix time
            r.line("set abs 0 " + unix + " 1\r\nx\r\n");
            assertThat(expireAt("abs")).isEqualTo(unix * 1000);
            j.set("t", "y", redis.clients.jedis.params.SetParams.setParams().ex(500));
            assertThat(r.line("mg t t\r\n")).matches("HD t(499|500)\r\n");
            j.set("t", "z", redis.clients.jedis.params.SetParams.setParams().keepTtl());
            assertThat(r.line("mg t t\r\n")).matches("HD t(499|500)\r\n");
            r.line("touch t 1000\r\n");
            assertThat(expireAt("t") - System.currentTimeMillis()).isBetween(998_000L, 1_001_000L);
            j.set("p", "v");
            assertThat(r.line("mg p t\r\n")).isEqualTo("HD t-1\r\n");
            j.set("s", "v", redis.clients.jedis.params.SetParams.setParams().px(300));
            r.line("set m 0 1 1\r\nv\r\n");
            Thread.sleep(1100);
            assertThat(r.call("get s\r\n", "END\r\n")).isEqualTo("END\r\n");
            assertThat(j.get("m")).isNull();
        }
    }

    @Test
    void memcachedCountersAreRespStrings() throws Exception {
        Jedis j = jedis();
        try (Raw r = raw()) {
            j.set("n", "41");
            assertThat(r.line("incr n 1\r\n")).isEqualTo("42\r\n");
            assertThat(j.get("n")).isEqualTo("42");
            assertThat(r.line("decr n 3\r\n")).isEqualTo("39\r\n");
            assertThat(j.get("n")).isEqualTo("39");
            r.line("delete n\r\n");
            assertThat(j.get("n")).isNull();
        }
    }
}
