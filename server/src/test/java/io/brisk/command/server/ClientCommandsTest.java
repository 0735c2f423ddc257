package io.brisk.command.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.brisk.testing.RawClient;
import io.brisk.testing.RawClient.Err;
import io.brisk.testing.ServerTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

class ClientCommandsTest extends ServerTest {

    @AfterEach
    void unpause() {
        server().context().pausedUntil = 0;
    }

    static Map<String, String> fields(String line) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String kv : line.trim().split(" ")) {
            int eq = kv.indexOf('=');
            m.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return m;
    }

    @Test
    void idNameAndInfo() throws Exception {
        Jedis j = jedis();
        long id = j.clientId();
        assertThat(id).isPositive();
        assertThat(j.clientGetname()).isNull();
        assertThat(j.clientSetname("worker-1")).isEqualTo("OK");
        assertThat(j.clientGetname()).isEqualTo("worker-1");
        try (RawClient c = new RawClient(port())) {
            assertThat(c.call("CLIENT", "SETNAME", "a b")).isEqualTo(new Err("ERR Client names cannot contain spaces, newlines or special characters."));
            assertThat(c.call("CLIENT", "SETNAME", "x\n")).isEqualTo(new Err("ERR Client names cannot contain spaces, newlines or special characters."));
            assertThat(c.call("CLIENT", "FOO")).isEqualTo(new Err("ERR unknown subcommand 'FOO'. Try CLIENT HELP."));
            assertThat(c.call("CLIENT", "SETNAME")).isEqualTo(new Err("ERR wrong number of arguments for 'client|setname' command"));
            assertThat(c.call("CLIENT")).isEqualTo(new Err("ERR wrong number of arguments for 'client' command"));
            assertThat(c.call("CLIENT", "SETINFO", "LIB-NAME", "mylib")).isEqualTo("OK");
            assertThat(c.call("CLIENT", "SETINFO", "LIB-VER", "1.2.3")).isEqualTo("OK");
            assertThat(c.call("CLIENT", "SETINFO", "LIB-VER", "1 2")).isEqualTo(new Err("ERR lib-ver cannot contain spaces, newlines or special characters."));
            assertThat(c.call("CLIENT", "SETINFO", "COLOR", "red")).isEqualTo(new Err("ERR Unrecognized option 'COLOR'"));
            c.call("SELECT", "2");
            Map<String, String> f = fields((String) c.call("CLIENT", "INFO"));
            assertThat(f.keySet()).containsExactly("id", "addr", "laddr", "fd", "name", "age", "idle", "flags", "db", "sub", "psub",
                    "ssub", "multi", "qbuf", "qbuf-free", "argv-mem", "multi-mem", "obl", "oll", "omem", "tot-mem", "events", "cmd",
                    "user", "redir", "resp", "lib-name", "lib-ver");
            assertThat(f).containsEntry("db", "2").containsEntry("cmd", "client|info").containsEntry("user", "default")
                    .containsEntry("lib-name", "mylib").containsEntry("lib-ver", "1.2.3").containsEntry("resp", "2")
                    .containsEntry("flags", "N").containsEntry("laddr", "127.0.0.1:" + port());
            assertThat(f.get("addr")).startsWith("127.0.0.1:");
        }
    }

    @Test
    void listShowsEveryClientAndFilters() throws Exception {
        Jedis a = jedis();
        Jedis b = jedis();
        a.clientSetname("alpha");
        b.clientSetname("beta");
        String list = a.clientList();
        assertThat(list).contains("name=alpha").contains("name=beta").contains("cmd=client|list");
        long idB = b.clientId();
        try (RawClient c = new RawClient(port())) {
            String one = (String) c.call("CLIENT", "LIST", "ID", Long.toString(idB));
            assertThat(one.trim().split("\n")).hasSize(1);
            assertThat(fields(one)).containsEntry("name", "beta");
            assertThat(c.call("CLIENT", "LIST", "TYPE", "normal")).asString().contains("name=alpha");
            assertThat(c.call("CLIENT", "LIST", "TYPE", "pubsub")).isEqualTo("");
            assertThat(c.call("CLIENT", "LIST", "TYPE", "bogus")).isEqualTo(new Err("ERR Unknown client type 'bogus'"));
            assertThat(c.call("CLIENT", "LIST", "ID", "x")).isEqualTo(new Err("ERR Invalid client ID"));
            assertThat(c.call("CLIENT", "LIST", "FOO")).isEqualTo(new Err("ERR syntax error"));
        }
    }

    @Test
    void killByAddressAndByFilters() throws Exception {
        try (RawClient victim = new RawClient(port()); RawClient killer = new RawClient(port())) {
            Map<String, String> v = fields((String) victim.call("CLIENT", "INFO"));
            assertThat(killer.call("CLIENT", "KILL", v.get("addr"))).isEqualTo("OK");
            assertThat(victim.closedByServer(5000)).isTrue();
            assertThat(killer.call("CLIENT", "KILL", "1.2.3.4:5")).isEqualTo(new Err("ERR No such client"));
            assertThat(killer.call("CLIENT", "KILL", "ID", "999999")).isEqualTo(0L);
            assertThat(killer.call("CLIENT", "KILL", "ID", "0")).isEqualTo(new Err("ERR client-id should be greater than 0"));
            assertThat(killer.call("CLIENT", "KILL", "BOGUS", "x")).isEqualTo(new Err("ERR syntax error"));
            assertThat(killer.call("CLIENT", "KILL", "USER", "nobody")).isEqualTo(new Err("ERR No such user 'nobody'"));
            assertThat(killer.call("CLIENT", "KILL", "SKIPME", "maybe")).isEqualTo(new Err("ERR syntax error"));
        }
        try (RawClient v1 = new RawClient(port()); RawClient killer = new RawClient(port())) {
            long id = (Long) v1.call("CLIENT", "ID");
            Map<String, String> mine = fields((String) killer.call("CLIENT", "INFO"));
            assertThat(killer.call("CLIENT", "KILL", "ID", Long.toString(id), "SKIPME", "yes")).isEqualTo(1L);
            assertThat(v1.closedByServer(5000)).isTrue();
            // my own laddr with SKIPME yes: everyone else on this port goes, I stay
            assertThat(killer.call("CLIENT", "KILL", "ADDR", mine.get("addr"))).isEqualTo(0L);
            assertThat(killer.call("CLIENT", "KILL", "ADDR", mine.get("addr"), "SKIPME", "no")).isEqualTo(1L);
            assertThat(killer.closedByServer(5000)).isTrue();
        }
    }

    @Test
    void replyOffSkipOn() throws Exception {
        try (RawClient c = new RawClient(port())) {
            c.send(RawClient.frame("CLIENT", "REPLY", "OFF"));
            c.send(RawClient.frame("SET", "k", "1"));
            c.send(RawClient.frame("PING"));
            c.send(RawClient.frame("CLIENT", "REPLY", "ON"));
            assertThat(c.read()).isEqualTo("OK"); // only the reply to REPLY ON
            c.send(RawClient.frame("CLIENT", "REPLY", "SKIP"));
            c.send(RawClient.frame("ECHO", "skipped"));
            c.send(RawClient.frame("ECHO", "seen"));
            assertThat(c.read()).isEqualTo("seen");
            assertThat(c.call("CLIENT", "REPLY", "MAYBE")).isEqualTo(new Err("ERR syntax error"));
            assertThat(c.call("GET", "k")).isEqualTo("1");
        }
    }

    @Test
    void noEvictAndNoTouchFlags() throws Exception {
        try (RawClient c = new RawClient(port())) {
            assertThat(c.call("CLIENT", "NO-EVICT", "on")).isEqualTo("OK");
            assertThat(c.call("CLIENT", "NO-TOUCH", "on")).isEqualTo("OK");
            assertThat(fields((String) c.call("CLIENT", "INFO"))).containsEntry("flags", "eT");
            assertThat(c.call("CLIENT", "NO-EVICT", "maybe")).isEqualTo(new Err("ERR syntax error"));
            assertThat(c.call("CLIENT", "GETREDIR")).isEqualTo(-1L);
            assertThat(RawClient.list(c.call("CLIENT", "HELP")).get(0)).asString().startsWith("CLIENT <subcommand>");
        }
    }

    @Test
    void pauseAllHoldsEveryCommandUntilTimeout() throws Exception {
        try (RawClient c = new RawClient(port()); RawClient other = new RawClient(port())) {
            assertThat(c.call("CLIENT", "PAUSE", "400", "ALL")).isEqualTo("OK");
            long t0 = System.nanoTime();
            assertThat(other.call("PING")).isEqualTo("PONG");
            long waited = (System.nanoTime() - t0) / 1_000_000;
            assertThat(waited).isGreaterThanOrEqualTo(300);
        }
    }

    @Test
    void pauseWriteHoldsWritesOnlyAndUnpauseReleasesThem() throws Exception {
        try (RawClient admin = new RawClient(port()); RawClient writer = new RawClient(port())) {
            writer.call("SET", "k", "before");
            assertThat(admin.call("CLIENT", "PAUSE", "20000", "WRITE")).isEqualTo("OK");
            writer.send(RawClient.frame("SET", "k", "after"));
            writer.send(RawClient.frame("GET", "k")); // queued behind the held write: order is kept
            assertThat(admin.call("GET", "k")).isEqualTo("before"); // reads are not paused
            writer.setTimeout(300);
            org.assertj.core.api.Assertions.assertThatThrownBy(writer::read).isInstanceOf(java.net.SocketTimeoutException.class);
            writer.setTimeout(10_000);
            assertThat(admin.call("CLIENT", "UNPAUSE")).isEqualTo("OK");
            assertThat(writer.read()).isEqualTo("OK");
            assertThat(writer.read()).isEqualTo("after");
        }
    }

    @Test
    void pauseErrors() throws Exception {
        try (RawClient c = new RawClient(port())) {
            assertThat(c.call("CLIENT", "PAUSE", "abc")).isEqualTo(new Err("ERR timeout is not an integer or out of range"));
            assertThat(c.call("CLIENT", "PAUSE", "10", "bogus")).isEqualTo(new Err("ERR CLIENT PAUSE mode must be WRITE or ALL"));
            assertThat(c.call("CLIENT", "PAUSE")).isEqualTo(new Err("ERR wrong number of arguments for 'client|pause' command"));
        }
    }
}
