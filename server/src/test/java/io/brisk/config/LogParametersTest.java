package io.brisk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brisk.BriskServer;
import io.brisk.testing.RawClient;
import io.brisk.testing.ServerTest;
import io.brisk.util.Log;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/** loglevel and logfile: what is written, where, in Redis's line format. */
class LogParametersTest extends ServerTest {
    /** pid:M dd Mon yyyy HH:mm:ss.SSS <mark> message, as Redis's serverLogRaw writes it. */
    private static final String LINE = "\\d+:M \\d\\d [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d\\.\\d{3} ";

    @TempDir
    Path dir;

    @AfterEach
    void restoreLogging() throws Exception {
        Log.file("");
        server().context().config.set("loglevel", "notice");
        server().context().config.set("timeout", "0");
        Log.level(Log.Level.NOTICE);
    }

    private static List<String> lines(Path f) throws Exception {
        return Files.exists(f) ? Files.readAllLines(f) : List.of();
    }

    @Test
    void levelsFilterAndLinesLookLikeRedis() throws Exception {
        Path f = dir.resolve("brisk.log");
        Log.file(f.toString());
        Log.level(Log.Level.NOTICE);
        Log.debug("debug line");
        Log.verbose("verbose line");
        Log.notice("notice line");
        Log.warning("warning line");
        Log.level(Log.Level.DEBUG);
        Log.debug("debug now");
        Log.verbose("verbose now");
        Log.level(Log.Level.NOTHING);
        Log.warning("not even this");
        List<String> l = lines(f);
        assertThat(l).hasSize(4);
        assertThat(l.get(0)).matches(LINE + "\\* notice line").startsWith(ProcessHandle.current().pid() + ":M ");
        assertThat(l.get(1)).matches(LINE + "# warning line");
        assertThat(l.get(2)).matches(LINE + "\\. debug now");
        assertThat(l.get(3)).matches(LINE + "- verbose now");
    }

    @Test
    void logfileIsAppendedTo() throws Exception {
        Path f = dir.resolve("kept.log");
        Files.writeString(f, "older line\n");
        Log.file(f.toString());
        Log.warning("newer line");
        assertThat(lines(f)).hasSize(2).first().isEqualTo("older line");
    }

    @Test
    void loglevelFollowsConfigSet() throws Exception {
        Jedis j = jedis();
        assertThat(j.configGet("loglevel")).containsEntry("loglevel", "notice");
        assertThat(j.configSet("loglevel", "WARNING")).isEqualTo("OK");
        assertThat(Log.level()).isEqualTo(Log.Level.WARNING);
        assertThat(j.configGet("loglevel")).containsEntry("loglevel", "warning");
        assertThatThrownBy(() -> j.configSet("loglevel", "loud")).hasMessage(
                "ERR CONFIG SET failed (possibly related to argument 'loglevel') - argument(s) must be one of the following: debug, verbose, notice, warning");
        assertThatThrownBy(() -> j.configSet("logfile", "/tmp/x.log")).hasMessage(
                "ERR CONFIG SET failed (possibly related to argument 'logfile') - can't set immutable config");
        assertThat(Log.level()).isEqualTo(Log.Level.WARNING);
    }

    @Test
    void serverMessagesGoThroughTheLog() throws Exception {
        Path f = dir.resolve("server.log");
        Log.file(f.toString());
        Jedis j = jedis();
        long firstAdmin = j.clientId();
        j.configSet("loglevel", "verbose");
        j.configSet("timeout", "1");
        try (RawClient idle = new RawClient(port())) {
            idle.call("PING");
            assertThat(idle.closedByServer(5000)).isTrue();
        }
        assertThat(lines(f)).anyMatch(s -> s.matches(LINE + "- Closing idle client"));
        while (server().context().clients.get(firstAdmin) != null) Thread.sleep(20); // idle too: closed and logged
        long before = lines(f).stream().filter(s -> s.endsWith("Closing idle client")).count();
        j = jedis(); // the first one was idle too
        j.configSet("timeout", "0");
        j.configSet("loglevel", "warning");
        try (RawClient idle = new RawClient(port())) {
            j.configSet("timeout", "1");
            assertThat(idle.closedByServer(5000)).isTrue();
        }
        // verbose is below warning now: closed, but not logged
        assertThat(lines(f).stream().filter(s -> s.endsWith("Closing idle client")).count()).isEqualTo(before);
    }

    @Test
    void logfileThatCannotBeOpenedStopsStartUp() throws Exception {
        assertThatThrownBy(() -> new Config().setInitial("logfile", dir.resolve("no/such/dir/x.log").toString()))
                .isInstanceOf(ConfigException.class).hasMessage("Can't open the log file: No such file or directory");
        Path conf = dir.resolve("brisk.conf");
        Files.writeString(conf, "logfile " + dir.resolve("missing/x.log") + "\n");
        assertThatThrownBy(() -> ConfigLoader.load(new Config(), new String[] {conf.toString()}))
                .hasMessageContaining("at line 1").hasMessageContaining("Can't open the log file: No such file or directory");
        Path ok = dir.resolve("created.log");
        Config c = new Config();
        c.setInitial("logfile", ok.toString());
        assertThat(ok).exists(); // created, as fopen(..., "a") does
        assertThat(c.get("logfile")).isEqualTo(ok.toString());
    }

    @Test
    void aServerStartedWithALogfileWritesItsReadyLineThere() throws Exception {
        Path f = dir.resolve("started.log");
        Config c = new Config();
        c.setInitial("port", Integer.toString(freePort()));
        c.setInitial("event-loops", "1");
        c.setInitial("memcache-port", "0");
        c.setInitial("logfile", f.toString());
        try (BriskServer s = BriskServer.start(c)) {
            assertThat(lines(f)).anyMatch(l -> l.matches(LINE + "\\* Brisk ready: port " + s.port() + ", .*"));
        }
    }
}
