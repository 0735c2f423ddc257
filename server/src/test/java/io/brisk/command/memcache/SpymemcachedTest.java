package io.brisk.command.memcache;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.spy.memcached.CASResponse;
import net.spy.memcached.CASValue;
import net.spy.memcached.MemcachedClient;
import org.junit.jupiter.api.Test;

/** Every text command through spymemcached 2.12 in text mode. */
class SpymemcachedTest extends MemcacheTestBase {

    @Test
    void setGetDelete() throws Exception {
        MemcachedClient c = spy();
        assertThat(c.set("k1", 0, "hello").get()).isTrue();
        assertThat(c.get("k1")).isEqualTo("hello");
        assertThat(c.get("missing")).isNull();
        assertThat(c.delete("k1").get()).isTrue();
        assertThat(c.delete("k1").get()).isFalse();
        assertThat(c.get("k1")).isNull();
    }

    @Test
    void multiGet() throws Exception {
        MemcachedClient c = spy();
        c.set("a", 0, "1").get();
        c.set("b", 0, "2").get();
        Map<String, Object> m = c.getBulk(List.of("a", "b", "nope"));
        assertThat(m).containsOnly(Map.entry("a", "1"), Map.entry("b", "2"));
    }

    @Test
    void addReplaceAppendPrepend() throws Exception {
        MemcachedClient c = spy();
        assertThat(c.add("k", 0, "v1").get()).isTrue();
        assertThat(c.add("k", 0, "v2").get()).isFalse();
        assertThat(c.replace("k", 0, "v3").get()).isTrue();
        assertThat(c.replace("absent", 0, "x").get()).isFalse();
        assertThat(c.append("k", "-end").get()).isTrue();
        assertThat(c.prepend("k", "start-").get()).isTrue();
        assertThat(c.get("k")).isEqualTo("start-v3-end");
        assertThat(c.append("absent", "x").get()).isFalse();
        assertThat(c.prepend("absent", "x").get()).isFalse();
    }

    @Test
    void getsAndCas() throws Exception {
        MemcachedClient c = spy();
        c.set("k", 0, "one").get();
        CASValue<Object> v = c.gets("k");
        assertThat(v.getValue()).isEqualTo("one");
        assertThat(c.cas("k", v.getCas(), "two")).isEqualTo(CASResponse.OK);
        assertThat(c.cas("k", v.getCas(), "three")).isEqualTo(CASResponse.EXISTS);
        assertThat(c.cas("absent", 1, "x")).isEqualTo(CASResponse.NOT_FOUND);
        CASValue<Object> after = c.gets("k");
        assertThat(after.getValue()).isEqualTo("two");
        assertThat(after.getCas()).isNotEqualTo(v.getCas());
    }

    @Test
    void incrDecr() throws Exception {
        MemcachedClient c = spy();
        assertThat(c.incr("n", 5)).isEqualTo(-1); // miss
        assertThat(c.incr("n", 5, 10)).isEqualTo(10); // created with the default
        assertThat(c.incr("n", 5)).isEqualTo(15);
        assertThat(c.decr("n", 3)).isEqualTo(12);
        assertThat(c.decr("n", 100)).isEqualTo(0); // floors at zero
        assertThat(c.decr("absent", 1)).isEqualTo(-1);
    }

    @Test
    void touch() throws Exception {
        MemcachedClient c = spy(); // spymemcached has no gat in text mode: XmemcachedTest covers gat/gats
        c.set("k", 1, "v").get();
        c.set("short", 1, "v").get();
        assertThat(c.touch("k", 100).get()).isTrue();
        assertThat(c.touch("absent", 1).get()).isFalse();
        Thread.sleep(2100);
        assertThat(c.get("short")).isNull();
        assertThat(c.get("k")).isEqualTo("v"); // touch extended it past one second
    }

    @Test
    void touchKeepsTheCasUnique() throws Exception {
        MemcachedClient c = spy();
        c.set("kept", 0, "v").get(); // no TTL: the touch has to rewrite the entry
        CASValue<Object> before = c.gets("kept");
        assertThat(c.touch("kept", 100).get()).isTrue();
        assertThat(c.gets("kept").getCas()).isEqualTo(before.getCas());
        assertThat(c.cas("kept", before.getCas(), "w")).isEqualTo(CASResponse.OK);
        assertThat(c.gets("kept").getCas()).isNotEqualTo(before.getCas()); // a write changes it
    }

    @Test
    void expirationRules() throws Exception {
        MemcachedClient c = spy();
        c.set("neg", -1, "v").get();
        assertThat(c.get("neg")).isNull(); // negative: expired at once
        long unixSoon = System.currentTimeMillis() / 1000 + 100;
        c.set("abs", (int) unixSoon, "v").get(); // > 30 days: a unix time
        assertThat(c.get("abs")).isEqualTo("v");
        c.set("past", (int) (System.currentTimeMillis() / 1000 - 100), "v").get();
        assertThat(c.get("past")).isNull();
    }

    @Test
    void flush() throws Exception {
        MemcachedClient c = spy();
        c.set("a", 0, "1").get();
        assertThat(c.flush().get()).isTrue();
        assertThat(c.get("a")).isNull();
        c.set("b", 0, "1").get();
        assertThat(c.flush(1).get()).isTrue();
        assertThat(c.get("b")).isEqualTo("1");
        Thread.sleep(1600);
        assertThat(c.get("b")).isNull();
    }

    @Test
    void versionAndStats() throws Exception {
        MemcachedClient c = spy();
        Map<SocketAddress, String> versions = c.getVersions();
        assertThat(versions.values()).containsExactly("1.6.18");
        c.set("a", 0, "1").get();
        c.get("a");
        Map<String, String> stats = c.getStats().values().iterator().next();
        assertThat(stats).containsKeys("pid", "uptime", "curr_connections", "cmd_get", "get_hits", "curr_items", "bytes");
        assertThat(Long.parseLong(stats.get("get_hits"))).isPositive();
        Map<String, String> settings = c.getStats("settings").values().iterator().next();
        assertThat(settings).containsEntry("tcpport", Integer.toString(memcachePort())).containsEntry("item_size_max", "1048576");
        Map<String, String> items = c.getStats("items").values().iterator().next();
        assertThat(items).containsEntry("items:1:number", "1");
        Map<String, String> slabs = c.getStats("slabs").values().iterator().next();
        assertThat(slabs).containsKeys("active_slabs", "total_malloced");
        Map<String, String> conns = c.getStats("conns").values().iterator().next();
        assertThat(conns.keySet()).anyMatch(k -> k.endsWith(":addr"));
    }

    @Test
    void largeValueUpToTheLimit() throws Exception {
        MemcachedClient c = spy();
        String big = "x".repeat(900_000);
        assertThat(c.set("big", 0, big).get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(c.get("big")).isEqualTo(big);
    }
}
