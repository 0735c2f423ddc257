package io.brisk.command.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.brisk.command.Session;
import io.brisk.testing.RawClient;
import io.brisk.testing.RawClient.Err;
import io.brisk.testing.ServerTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** INFO clients blocked_clients, INFO stats total_error_replies and the errorstats section. */
class InfoStatsTest extends ServerTest {

    private static Map<String, String> info(Jedis j, String section) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : j.info(section).split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) m.put(line.substring(0, colon), line.substring(colon + 1));
        }
        return m;
    }

    private static long blockedNow() {
        return server().context().clients.all().stream().filter(Session::blocked).count();
    }

    @Test
    void blockedClientsCountsClientsWaitingInBlockingCommands() throws Exception {
        Jedis j = jedis();
        long before = Long.parseLong(info(j, "clients").get("blocked_clients"));
        assertThat(before).isEqualTo(blockedNow());
        assertThat(info(j, "clients").keySet()).containsSubsequence("connected_clients", "maxclients", "blocked_clients");
        try (RawClient a = new RawClient(port()); RawClient b = new RawClient(port())) {
            a.send(RawClient.frame("BLPOP", "q1", "0"));
            b.send(RawClient.frame("BZPOPMIN", "z1", "0"));
            long end = System.currentTimeMillis() + 5000;
            while (blockedNow() < before + 2 && System.currentTimeMillis() < end) Thread.sleep(5);
            assertThat(info(j, "clients")).containsEntry("blocked_clients", Long.toString(before + 2));
            j.rpush("q1", "v");
            assertThat(RawClient.list(a.read())).containsExactly("q1", "v");
            j.zadd("z1", 1, "m");
            assertThat(RawClient.list(b.read())).containsExactly("z1", "m", "1");
            assertThat(info(j, "clients")).containsEntry("blocked_clients", Long.toString(before));
        }
    }

    @Test
    void errorRepliesAreCountedInTotalAndByCode() throws Exception {
        Jedis admin = jedis();
        admin.configResetStat();
        Map<String, String> stats = info(admin, "stats");
        assertThat(stats).containsEntry("total_error_replies", "0");
        assertThat(admin.info("errorstats")).isEqualTo("# Errorstats\r\n");
        try (RawClient c = new RawClient(port())) {
            c.call("LPUSH", "list", "a");
            assertThat(c.call("GET", "list")).isInstanceOf(Err.class); // WRONGTYPE
            assertThat(c.call("INCR", "list")).isInstanceOf(Err.class); // WRONGTYPE
            assertThat(c.call("NOSUCHCOMMAND")).isInstanceOf(Err.class); // ERR unknown command
            assertThat(c.call("GET")).isInstanceOf(Err.class); // ERR wrong number of arguments
            assertThat(c.call("SET", "x", "1", "EX", "-1")).isInstanceOf(Err.class); // ERR invalid expire time
            c.call("SET", "s", "abc");
            assertThat(c.call("INCR", "s")).isInstanceOf(Err.class); // ERR not an integer
            c.send(RawClient.frame("CLIENT", "REPLY", "OFF")); // answers nothing
            c.send(RawClient.frame("GET", "list")); // no reply, but an error all the same (as in Redis)
            c.call("CLIENT", "REPLY", "ON");
            assertThat(c.call("PING")).isEqualTo("PONG");
        }
        stats = info(admin, "stats");
        assertThat(stats).containsEntry("total_error_replies", "7");
        assertThat(stats.keySet()).containsSubsequence("total_forks", "total_error_replies");
        assertThat(admin.info("errorstats")).isEqualTo("# Errorstats\r\nerrorstat_ERR:count=4\r\nerrorstat_WRONGTYPE:count=3\r\n");
        assertThat(admin.info()).contains("# Errorstats\r\nerrorstat_ERR:count=4"); // a default section, as in Redis 7
        assertThat(admin.info("everything")).contains("# Commandstats").contains("# Errorstats");
        List<String> headers = admin.info("all").lines().filter(l -> l.startsWith("#")).toList();
        assertThat(headers).containsSubsequence("# Modules", "# Commandstats", "# Errorstats", "# Cluster", "# Keyspace");
        admin.configResetStat();
        assertThat(info(admin, "stats")).containsEntry("total_error_replies", "0");
        assertThat(admin.info("errorstats")).isEqualTo("# Errorstats\r\n");
    }

    @Test
    void errorsDeliveredToBlockedClientsAndProtocolErrorsCountToo() throws Exception {
        Jedis admin = jedis();
        admin.configResetStat();
        try (RawClient waiter = new RawClient(port())) {
            long id = (Long) waiter.call("CLIENT", "ID");
            waiter.send(RawClient.frame("BLPOP", "q2", "0"));
            long end = System.currentTimeMillis() + 5000;
            while (!server().context().clients.get(id).blocked() && System.currentTimeMillis() < end) Thread.sleep(5);
            assertThat(admin.clientUnblock(id, redis.clients.jedis.args.UnblockType.ERROR)).isEqualTo(1);
            assertThat(waiter.read()).isEqualTo(new Err("UNBLOCKED client unblocked via CLIENT UNBLOCK"));
        }
        try (RawClient bad = new RawClient(port())) {
            bad.send("*1\r\n$abc\r\n");
            assertThat(bad.read()).isEqualTo(new Err("ERR Protocol error: invalid bulk length"));
        }
        assertThat(info(admin, "stats")).containsEntry("total_error_replies", "2");
        assertThat(admin.info("errorstats")).isEqualTo("# Errorstats\r\nerrorstat_ERR:count=1\r\nerrorstat_UNBLOCKED:count=1\r\n");
    }
}
