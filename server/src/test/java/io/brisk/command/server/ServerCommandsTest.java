package io.brisk.command.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.brisk.BriskServer;
import io.brisk.config.Config;
import io.brisk.testing.RawClient;
import io.brisk.testing.RawClient.Err;
import io.brisk.testing.ServerTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

class ServerCommandsTest extends ServerTest {

    static Map<String, String> infoFields(String info) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (String line : info.split("\r\n")) {
            int c = line.indexOf(':');
            if (c > 0 && !line.startsWith("#")) m.put(line.substring(0, c), line.substring(c + 1));
        }
        return m;
    }

    @Test
    void infoSections() {
        Jedis j = jedis();
        j.configResetStat();
        j.set("a", "1");
        j.set("b", "2", redis.clients.jedis.params.SetParams.setParams().ex(100));
        j.get("a");
        String all = j.info();
        assertThat(all).startsWith("# Server\r\n").contains("# Clients\r\n", "# Memory\r\n", "# Stats\r\n", "# CPU\r\n", "# Keyspace\r\n")
                .doesNotContain("# Commandstats");
        Map<String, String> f = infoFields(all);
        assertThat(f).containsEntry("redis_version", "7.0.15").containsKeys("brisk_version", "uptime_in_seconds",
                "used_memory_human", "used_cpu_sys", "used_cpu_user", "total_connections_received", "keyspace_hits",
                "expired_keys", "evicted_keys", "maxmemory_policy");
        assertThat(f).containsEntry("tcp_port", Integer.toString(port())).containsEntry("db0", "keys=2,expires=1,avg_ttl=0");
        assertThat(Long.parseLong(f.get("used_memory"))).isPositive();
        assertThat(Long.parseLong(f.get("used_memory_rss"))).isGreaterThan(1_000_000);
        assertThat(Long.parseLong(f.get("connected_clients"))).isGreaterThanOrEqualTo(1);
        assertThat(Double.parseDouble(f.get("used_cpu_user"))).isPositive();

        String two = j.info("server clients"); // Jedis sends one argument; Redis treats it as an unknown section
        assertThat(two).isEmpty();
        Object raw = j.sendCommand(() -> "info".getBytes(), "SERVER", "keyspace");
        String multi = new String((byte[]) raw, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(multi).contains("# Server").contains("# Keyspace").doesNotContain("# Clients");
        assertThat(j.info("commandstats")).startsWith("# Commandstats\r\n").contains("cmdstat_set:calls=2,")
                .contains("cmdstat_info:calls=").containsPattern("cmdstat_get:calls=1,usec=\\d+,usec_per_call=\\d+\\.\\d\\d,rejected_calls=0,failed_calls=0");
        assertThat(j.info("everything")).contains("# Commandstats").contains("# Server");
        assertThat(j.info("bogus")).isEmpty();
    }

    /** A pipeline's calls are timed in runs of one command (see CommandClock): every call still counts, and INFO sees them. */
    @Test
    void commandStatsCountEveryCallOfAPipeline() {
        Jedis j = jedis();
        j.configResetStat();
        redis.clients.jedis.Pipeline p = j.pipelined();
        for (int i = 0; i < 100; i++) {
            p.set("k" + i, "v");
            p.get("k" + i);
        }
        for (int i = 0; i < 50; i++) p.incr("n");
        redis.clients.jedis.Response<Object> first = p.sendCommand(redis.clients.jedis.Protocol.Command.INFO, "commandstats");
        redis.clients.jedis.Response<Object> second = p.sendCommand(redis.clients.jedis.Protocol.Command.INFO, "commandstats");
        for (int i = 0; i < 7; i++) p.incr("n");
        p.sync();
        assertThat(new String((byte[]) first.get(), java.nio.charset.StandardCharsets.UTF_8)).contains("cmdstat_set:calls=100,", "cmdstat_get:calls=100,", "cmdstat_incr:calls=50,")
                .doesNotContain("cmdstat_info:");
        assertThat(new String((byte[]) second.get(), java.nio.charset.StandardCharsets.UTF_8)).contains("cmdstat_info:calls=1,", "cmdstat_incr:calls=50,");
        Map<String, String> stats = infoFields(jedis().info("commandstats")); // another client: the batch's run was recorded at its end
        assertThat(stats.get("cmdstat_incr")).startsWith("calls=57,").matches("calls=57,usec=\\d+,usec_per_call=\\d+\\.\\d\\d,rejected_calls=0,failed_calls=0");
        assertThat(stats.get("cmdstat_info")).startsWith("calls=2,");
    }

    @Test
    void commandStatsCountSubcommandsRejectedAndFailed() throws Exception {
        try (RawClient c = new RawClient(port())) {
            c.call("CONFIG", "RESETSTAT");
            c.call("CLIENT", "ID");
            c.call("CLIENT", "SETNAME", "a b");   // fails
            c.call("GET");                        // rejected (arity)
            String s = (String) c.call("INFO", "commandstats");
            assertThat(s).contains("cmdstat_client|id:calls=1,").contains("cmdstat_get:calls=0,")
                    .containsPattern("cmdstat_get:calls=0,usec=0,usec_per_call=0.00,rejected_calls=1,failed_calls=0")
                    .containsPattern("cmdstat_client\\|setname:calls=1,usec=\\d+,usec_per_call=[0-9.]+,rejected_calls=0,failed_calls=1");
            assertThat(infoFields((String) c.call("INFO", "stats"))).containsEntry("total_commands_processed", "4");
        }
    }

    @Test
    void configGetSet() throws Exception {
        try (RawClient c = new RawClient(port())) {
            assertThat(c.call("CONFIG", "GET", "maxmemory-policy")).isEqualTo(List.of("maxmemory-policy", "noeviction"));
            List<Object> several = RawClient.list(c.call("CONFIG", "GET", "hash-max-*-entries", "slaveof"));
            assertThat(several).containsExactlyInAnyOrder("hash-max-listpack-entries", "512", "hash-max-ziplist-entries", "512", "slaveof", "");
            assertThat(RawClient.list(c.call("CONFIG", "GET", "*"))).hasSize(2 * 201);
            assertThat(c.call("CONFIG", "GET", "nosuch")).isEqualTo(List.of());
            assertThat(c.call("CONFIG", "GET", "MAXclients")).isEqualTo(List.of("MAXclients", "10000"));
            try {
                assertThat(c.call("CONFIG", "SET", "maxmemory", "10mb", "hz", "20")).isEqualTo("OK");
                assertThat(c.call("CONFIG", "GET", "maxmemory")).isEqualTo(List.of("maxmemory", "10485760"));
                assertThat(c.call("CONFIG", "SET", "maxmemory", "1mb", "hz", "abc")).isEqualTo(new Err(
                        "ERR CONFIG SET failed (possibly related to argument 'hz') - argument couldn't be parsed into an integer"));
                assertThat(c.call("CONFIG", "GET", "maxmemory")).isEqualTo(List.of("maxmemory", "10485760")); // all or nothing
            } finally {
                c.call("CONFIG", "SET", "maxmemory", "0", "hz", "10");
            }
            assertThat(c.call("CONFIG", "SET", "foo", "1")).isEqualTo(new Err("ERR Unknown option or number of arguments for CONFIG SET - 'foo'"));
            assertThat(c.call("CONFIG", "SET", "hz", "1", "hz", "2")).isEqualTo(new Err("ERR CONFIG SET failed (possibly related to argument 'hz') - duplicate parameter"));
            assertThat(c.call("CONFIG", "SET", "daemonize", "yes")).isEqualTo(new Err("ERR CONFIG SET failed (possibly related to argument 'daemonize') - can't set immutable config"));
            assertThat(c.call("CONFIG", "SET", "appendfsync", "bogus")).isEqualTo(new Err(
                    "ERR CONFIG SET failed (possibly related to argument 'appendfsync') - argument(s) must be one of the following: everysec, always, no"));
            assertThat(c.call("CONFIG", "SET", "maxmemory", "1xb")).isEqualTo(new Err(
                    "ERR CONFIG SET failed (possibly related to argument 'maxmemory') - argument must be a memory value"));
            assertThat(c.call("CONFIG", "SET", "hz")).isEqualTo(new Err("ERR wrong number of arguments for 'config|set' command"));
            assertThat(c.call("CONFIG", "SET", "hz", "1", "maxclients")).isEqualTo(new Err("ERR wrong number of arguments for 'config|set' command"));
            assertThat(c.call("CONFIG", "REWRITE")).isEqualTo(new Err("ERR The server is running without a config file"));
            assertThat(c.call("CONFIG", "FOO")).isEqualTo(new Err("ERR unknown subcommand 'FOO'. Try CONFIG HELP."));
        }
    }

    @Test
    void configSetAliasChangesTheCanonicalParameter() throws Exception {
        try (RawClient c = new RawClient(port())) {
            try {
                assertThat(c.call("CONFIG", "SET", "hash-max-ziplist-entries", "100")).isEqualTo("OK");
                assertThat(c.call("CONFIG", "GET", "hash-max-listpack-entries")).isEqualTo(List.of("hash-max-listpack-entries", "100"));
            } finally {
                c.call("CONFIG", "SET", "hash-max-listpack-entries", "512");
            }
        }
    }

    @Test
    void resetStatZeroesCounters() {
        Jedis j = jedis();
        j.get("x");
        assertThat(j.configResetStat()).isEqualTo("OK");
        Map<String, String> f = infoFields(j.info("stats"));
        assertThat(f).containsEntry("keyspace_misses", "0").containsEntry("total_connections_received", "0");
    }

    @Test
    void time() throws Exception {
        try (RawClient c = new RawClient(port())) {
            List<Object> t = RawClient.list(c.call("TIME"));
            long secs = Long.parseLong((String) t.get(0));
            long micros = Long.parseLong((String) t.get(1));
            assertThat(Math.abs(secs - System.currentTimeMillis() / 1000)).isLessThanOrEqualTo(2);
            assertThat(micros).isBetween(0L, 999_999L);
        }
    }

    @Test
    void memoryUsage() throws Exception {
        Jedis j = jedis();
        j.set("small", "v");
        j.set("big", "x".repeat(10_000));
        long small = j.memoryUsage("small");
        long big = j.memoryUsage("big");
        assertThat(small).isPositive().isLessThan(200);
        assertThat(big).isGreaterThan(10_000).isLessThan(10_300);
        assertThat(j.memoryUsage("missing")).isNull();
        assertThat(j.memoryUsage("big", 5)).isEqualTo(big);
        try (RawClient c = new RawClient(port())) {
            assertThat(c.call("MEMORY", "USAGE", "big", "SAMPLES", "x")).isEqualTo(new Err("ERR value is not an integer or out of range"));
            assertThat(c.call("MEMORY", "USAGE", "big", "FOO")).isEqualTo(new Err("ERR syntax error"));
            assertThat(c.call("MEMORY", "USAGE")).isEqualTo(new Err("ERR wrong number of arguments for 'memory|usage' command"));
            assertThat(RawClient.list(c.call("MEMORY", "STATS"))).contains("keys.count", 2L);
            // the container shows no keys of its own, its USAGE subcommand does
            List<Object> memory = RawClient.list(RawClient.list(c.call("COMMAND", "INFO", "memory")).get(0));
            assertThat(memory.subList(2, 6)).containsExactly(List.of(), 0L, 0L, 0L);
            assertThat(memory.get(8)).isEqualTo(List.of());
            List<Object> usage = RawClient.list(c.call("COMMAND", "INFO", "memory|usage"));
            assertThat(RawClient.list(usage.get(0)).subList(0, 6)).containsExactly("memory|usage", -3L, List.of("readonly"), 2L, 2L, 1L);
        }
    }

    @Test
    void debugPopulateSleepAndActiveExpire() throws Exception {
        try (RawClient c = new RawClient(port()); RawClient other = new RawClient(port())) {
            c.call("SET", "key:1", "mine");
            assertThat(c.call("DEBUG", "POPULATE", "3")).isEqualTo("OK");
            assertThat(c.call("GET", "key:0")).isEqualTo("value:0");
            assertThat(c.call("GET", "key:1")).isEqualTo("mine"); // existing keys are left alone
            assertThat(c.call("GET", "key:2")).isEqualTo("value:2");
            assertThat(c.call("GET", "key:3")).isNull();
            assertThat(c.call("DEBUG", "POPULATE", "2", "p", "10")).isEqualTo("OK");
            assertThat(c.call("GET", "p:1")).isEqualTo("value:1\0\0\0");
            assertThat(c.call("DEBUG", "POPULATE", "2", "q", "3")).isEqualTo("OK");
            assertThat(c.call("GET", "q:0")).isEqualTo("val");
            assertThat(c.call("DEBUG", "POPULATE", "-1")).isEqualTo(new Err("ERR value is out of range, must be positive"));
            assertThat(infoFields((String) c.call("INFO", "keyspace"))).containsEntry("db0", "keys=7,expires=0,avg_ttl=0");

            long t0 = System.nanoTime();
            assertThat(c.call("DEBUG", "SLEEP", "0.2")).isEqualTo("OK");
            assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(190);
            assertThat(c.call("DEBUG", "SLEEP", "0")).isEqualTo("OK");

            try {
                assertThat(c.call("DEBUG", "SET-ACTIVE-EXPIRE", "0")).isEqualTo("OK");
                assertThat(server().context().housekeeper.activeExpire()).isFalse();
                assertThat(c.call("CONFIG", "GET", "active-expire-enabled")).isEqualTo(List.of("active-expire-enabled", "no"));
            } finally {
                assertThat(c.call("DEBUG", "SET-ACTIVE-EXPIRE", "1")).isEqualTo("OK");
            }
            assertThat(server().context().housekeeper.activeExpire()).isTrue();
            assertThat(c.call("DEBUG", "NOPE")).isEqualTo(new Err("ERR unknown subcommand or wrong number of arguments for 'NOPE'. Try DEBUG HELP."));
        }
    }

    @Test
    void debugSleepStallsOnlyItsOwnEventLoop() throws Exception {
        // consecutive connections are spread round-robin over the two event loops
        try (RawClient sleeper = new RawClient(port()); RawClient neighbour = new RawClient(port())) {
            sleeper.call("PING");
            neighbour.call("PING");
            sleeper.send(RawClient.frame("DEBUG", "SLEEP", "1.5"));
            Thread.sleep(100);
            long t0 = System.nanoTime();
            assertThat(neighbour.call("PING")).isEqualTo("PONG");
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(1000);
            assertThat(sleeper.read()).isEqualTo("OK");
        }
    }

    @Test
    void debugIsRefusedWhenDisabled() throws Exception {
        Config conf = new Config();
        conf.setInitial("port", Integer.toString(freePort()));
        conf.setInitial("event-loops", "1");
        try (BriskServer s = BriskServer.start(conf); RawClient c = new RawClient(s.port())) {
            assertThat(c.call("DEBUG", "SLEEP", "0")).asString().contains("DEBUG command not allowed");
        }
    }

    @Test
    void commandIntrospection() throws Exception {
        try (RawClient c = new RawClient(port())) {
            long count = (Long) c.call("COMMAND", "COUNT");
            assertThat(count).isEqualTo(server().context().commands.size());
            assertThat(RawClient.list(c.call("COMMAND"))).hasSize((int) count);

            List<Object> get = RawClient.list(RawClient.list(c.call("COMMAND", "INFO", "get")).get(0));
            assertThat(get.subList(0, 6)).containsExactly("get", 2L, List.of("readonly", "fast"), 1L, 1L, 1L);
            assertThat(RawClient.list(get.get(6))).contains("@read", "@string", "@fast");
            assertThat(get.get(7)).isEqualTo(List.of());
            List<Object> spec = RawClient.list(RawClient.list(get.get(8)).get(0));
            assertThat(spec).containsExactly("flags", List.of("RO"), "begin_search", List.of("type", "index", "spec", List.of("index", 1L)),
                    "find_keys", List.of("type", "range", "spec", List.of("lastkey", 0L, "keystep", 1L, "limit", 0L)));

            List<Object> info = RawClient.list(c.call("COMMAND", "INFO", "client", "nosuch", "config|get"));
            assertThat(info.get(1)).isNull();
            assertThat(RawClient.list(info.get(0)).get(0)).isEqualTo("client");
            assertThat(RawClient.list(RawClient.list(info.get(0)).get(9))).isNotEmpty();
            assertThat(RawClient.list(info.get(2)).subList(0, 2)).containsExactly("config|get", -3L);

            List<Object> names = RawClient.list(c.call("COMMAND", "LIST"));
            assertThat(names).contains("get", "set", "client", "client|list", "config|set");
            assertThat(RawClient.list(c.call("COMMAND", "LIST", "FILTERBY", "PATTERN", "clie*"))).contains("client").doesNotContain("get");
            assertThat(RawClient.list(c.call("COMMAND", "LIST", "FILTERBY", "ACLCAT", "string"))).contains("get", "set").doesNotContain("client");
            assertThat(c.call("COMMAND", "LIST", "FILTERBY", "MODULE", "x")).isEqualTo(List.of());
            assertThat(c.call("COMMAND", "LIST", "FILTERBY", "FOO", "x")).isEqualTo(new Err("ERR syntax error"));

            assertThat(c.call("COMMAND", "GETKEYS", "SET", "k1", "v")).isEqualTo(List.of("k1"));
            assertThat(c.call("COMMAND", "GETKEYS", "MEMORY", "USAGE", "k2")).isEqualTo(List.of("k2"));
            assertThat(c.call("COMMAND", "GETKEYSANDFLAGS", "SET", "k1", "v")).isEqualTo(List.of(List.of("k1", List.of("RW"))));
            assertThat(c.call("COMMAND", "GETKEYSANDFLAGS", "GET", "k1")).isEqualTo(List.of(List.of("k1", List.of("RO"))));
            assertThat(c.call("COMMAND", "GETKEYS", "nosuch", "a")).isEqualTo(new Err("ERR Invalid command specified"));
            assertThat(c.call("COMMAND", "GETKEYS", "PING", "x")).isEqualTo(new Err("ERR The command has no key arguments"));
            assertThat(c.call("COMMAND", "GETKEYS", "GET")).isEqualTo(new Err("ERR Invalid number of arguments specified for command"));

            List<Object> docs = RawClient.list(c.call("COMMAND", "DOCS", "get", "nosuch"));
            assertThat(docs).hasSize(2);
            assertThat(docs.get(0)).isEqualTo("get");
            assertThat(RawClient.list(docs.get(1))).contains("summary", "since", "group", "string");
            List<Object> clientDocs = RawClient.list(RawClient.list(c.call("COMMAND", "DOCS", "client")).get(1));
            assertThat(clientDocs).contains("subcommands");
        }
    }

    @Test
    void shutdownStopsTheServer() throws Exception {
        Config conf = new Config();
        conf.setInitial("port", Integer.toString(freePort()));
        conf.setInitial("event-loops", "1");
        try (BriskServer s = BriskServer.start(conf); RawClient c = new RawClient(s.port())) {
            CountDownLatch stopped = new CountDownLatch(1);
            s.context().shutdownAction = stopped::countDown;
            assertThat(c.call("SHUTDOWN", "BOGUS")).isEqualTo(new Err("ERR syntax error"));
            assertThat(c.call("SHUTDOWN", "ABORT")).isEqualTo(new Err("ERR No shutdown in progress."));
            c.send(RawClient.frame("SHUTDOWN", "NOSAVE", "NOW"));
            assertThat(stopped.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(c.closedByServer(5000)).isTrue();
        }
    }
}
