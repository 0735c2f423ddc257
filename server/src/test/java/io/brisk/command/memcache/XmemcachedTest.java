package io.brisk.command.memcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.rubyeye.xmemcached.GetsResponse;
import net.rubyeye.xmemcached.MemcachedClient;
import org.junit.jupiter.api.Test;

/** Every text command, including gat/gats and the noreply forms, through xmemcached 2.4 in text mode. */
class XmemcachedTest extends MemcacheTestBase {

    @Test
    void storageAndRetrieval() throws Exception {
        MemcachedClient c = xmem();
        assertThat(c.set("k", 0, "v")).isTrue();
        assertThat((String) c.get("k")).isEqualTo("v");
        assertThat(c.add("k", 0, "x")).isFalse();
        assertThat(c.add("k2", 0, "x")).isTrue();
        assertThat(c.replace("k", 0, "w")).isTrue();
        assertThat(c.replace("nope", 0, "w")).isFalse();
        assertThat(c.append("k", "z")).isTrue();
        assertThat(c.prepend("k", "a")).isTrue();
        assertThat((String) c.get("k")).isEqualTo("awz");
        Map<String, Object> m = c.get(List.of("k", "k2", "nope"));
        assertThat(m).containsOnly(Map.entry("k", "awz"), Map.entry("k2", "x"));
        assertThat(c.delete("k2")).isTrue();
        assertThat(c.delete("k2")).isFalse();
    }

    @Test
    void getsCasAndMultiGets() throws Exception {
        MemcachedClient c = xmem();
        c.set("a", 0, "1");
        c.set("b", 0, "2");
        GetsResponse<String> g = c.gets("a");
        assertThat(g.getValue()).isEqualTo("1");
        assertThat(c.cas("a", 0, "10", g.getCas())).isTrue();
        assertThat(c.cas("a", 0, "11", g.getCas())).isFalse();
        assertThat((String) c.get("a")).isEqualTo("10");
        Map<String, GetsResponse<String>> all = c.gets(List.of("a", "b"));
        assertThat(all).containsKeys("a", "b");
        assertThat(all.get("a").getCas()).isNotEqualTo(g.getCas());
        assertThat(all.get("a").getCas()).isNotEqualTo(all.get("b").getCas());
    }

    @Test
    void incrDecr() throws Exception {
        MemcachedClient c = xmem();
        assertThat(c.incr("n", 1, 5)).isEqualTo(5);
        assertThat(c.incr("n", 10)).isEqualTo(15);
        assertThat(c.decr("n", 20)).isEqualTo(0);
        c.set("big", 0, "18446744073709551615");
        assertThat(c.incr("big", 2)).isEqualTo(1); // wraps at 2^64
    }

    @Test
    void touchGatGats() throws Exception {
        MemcachedClient c = xmem();
        c.set("k", 1, "v");
        assertThat(c.touch("k", 100)).isTrue();
        assertThat(c.touch("nope", 100)).isFalse();
        c.set("g", 1, "gv"); // xmemcached has no gat in text mode: a raw socket sends it
        try (Raw r = raw()) {
            assertThat(r.call("gat 100 g\r\n", "END\r\n")).isEqualTo("VALUE g 0 2\r\ngv\r\nEND\r\n");
        }
        c.set("short", 1, "v");
        Thread.sleep(2100);
        assertThat((Object) c.get("short")).isNull();
        assertThat((String) c.get("k")).isEqualTo("v");
        assertThat((String) c.get("g")).isEqualTo("gv");
        try (Raw r = raw()) {
            String gats = r.call("gats 100 g\r\n", "END\r\n");
            assertThat(gats).matches("VALUE g 0 2 \\d+\r\ngv\r\nEND\r\n");
            assertThat(r.call("gat 100 g nope\r\n", "END\r\n")).isEqualTo("VALUE g 0 2\r\ngv\r\nEND\r\n");
            assertThat(r.line("gat abc g\r\n")).isEqualTo("CLIENT_ERROR invalid exptime argument\r\n");
        }
    }

    @Test
    void noreplyForms() throws Exception {
        MemcachedClient c = xmem();
        c.setWithNoReply("k", 0, "v");
        c.addWithNoReply("k2", 0, "a");
        c.replaceWithNoReply("k2", 0, "b");
        c.appendWithNoReply("k", "1");
        c.prependWithNoReply("k", "0");
        c.incrWithNoReply("n", 1); // miss: nothing to say
        c.set("n", 0, "5");
        c.incrWithNoReply("n", 3);
        c.decrWithNoReply("n", 1);
        assertThat((String) c.get("k")).isEqualTo("0v1");
        assertThat((String) c.get("k2")).isEqualTo("b");
        assertThat((String) c.get("n")).isEqualTo("7");
        GetsResponse<String> g = c.gets("k");
        c.casWithNoReply("k", g, new net.rubyeye.xmemcached.CASOperation<String>() {
            @Override public int getMaxTries() { return 1; }
            @Override public String getNewValue(long cas, String current) { return "cas"; }
        });
        c.deleteWithNoReply("k2");
        assertThat((String) c.get("k")).isEqualTo("cas");
        assertThat((Object) c.get("k2")).isNull();
        c.flushAllWithNoReply();
        assertThat((Object) c.get("k")).isNull();
        try (Raw r = raw()) { // noreply on every command that takes it: only the final get answers
            r.send("set a 0 0 1 noreply\r\nx\r\nadd a 0 0 1 noreply\r\ny\r\nreplace a 0 0 1 noreply\r\nz\r\n"
                    + "append a 0 0 1 noreply\r\n1\r\nprepend a 0 0 1 noreply\r\n0\r\ncas a 0 0 1 1 noreply\r\nq\r\n"
                    + "touch a 100 noreply\r\nset n 0 0 1 noreply\r\n1\r\nincr n 1 noreply\r\ndecr n 1 noreply\r\n"
                    + "delete n noreply\r\nverbosity 1 noreply\r\nflush_all 100 noreply\r\nget a\r\n");
            assertThat(r.readUntil("END\r\n")).isEqualTo("VALUE a 0 3\r\n0z1\r\nEND\r\n");
        }
    }

    @Test
    void flushVersionVerbosityStats() throws Exception {
        MemcachedClient c = xmem();
        c.set("a", 0, "1");
        c.flushAll();
        assertThat((Object) c.get("a")).isNull();
        c.set("b", 0, "1");
        c.flushAllWithNoReply(1); // delayed by one second ("flush_all 1 noreply")
        assertThat((String) c.get("b")).isEqualTo("1");
        await().atMost(Duration.ofSeconds(5)).until(() -> c.get("b") == null);
        assertThat(c.getVersions().values()).containsExactly("1.6.18");
        InetSocketAddress addr = c.getAvailableServers().iterator().next();
        c.setLoggingLevelVerbosity(addr, 1);
        Map<InetSocketAddress, Map<String, String>> stats = c.getStats();
        assertThat(stats.get(addr)).containsKeys("cmd_get", "cmd_set", "cmd_flush", "curr_items", "total_connections");
        assertThat(c.getStatsByItem("settings").get(addr)).containsEntry("verbosity", "1");
        assertThat(c.getStatsByItem("slabs").get(addr)).containsKey("total_malloced");
    }
}
