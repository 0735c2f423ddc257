package io.brisk.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.brisk.testing.ServerTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real redis-cli binary against Brisk; expected texts are what redis-cli prints against redis-server 7.0.15. */
class RedisCliTest extends ServerTest {

    @BeforeAll
    static void needsRedisCli() {
        boolean found = false;
        try {
            Process p = new ProcessBuilder("redis-cli", "--version").redirectErrorStream(true).start();
            found = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            found = false;
        }
        Assumptions.assumeTrue(found, "redis-cli is not installed");
    }

    private static String cli(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-p", Integer.toString(port())));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("redis-cli finished").isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void basicCommands() throws Exception {
        assertThat(cli("PING")).isEqualTo("PONG\n");
        assertThat(cli("SET", "cli:k", "hello world")).isEqualTo("OK\n");
        assertThat(cli("GET", "cli:k")).isEqualTo("hello world\n");
        assertThat(cli("--no-raw", "GET", "cli:k")).isEqualTo("\"hello world\"\n");
        assertThat(cli("--no-raw", "GET", "nosuch")).isEqualTo("(nil)\n");
        assertThat(cli("--no-raw", "CONFIG", "GET", "maxclients")).isEqualTo("1) \"maxclients\"\n2) \"10000\"\n");
        assertThat(cli("-3", "--no-raw", "CONFIG", "GET", "maxclients")).isEqualTo("1# \"maxclients\" => \"10000\"\n");
        assertThat(cli("--no-raw", "CONFIG", "SET", "foo", "1"))
                .isEqualTo("(error) ERR Unknown option or number of arguments for CONFIG SET - 'foo'\n");
        assertThat(cli("-3", "--no-raw", "HELLO", "3")).startsWith("1# \"server\" => \"redis\"\n2# \"version\" => \"7.0.15\"\n3# \"proto\" => (integer) 3\n");
        assertThat(cli("INFO", "server")).contains("redis_version:7.0.15");
    }

    @Test
    void selectsADatabaseWithN() throws Exception {
        assertThat(cli("-n", "3", "SET", "cli:db", "v")).isEqualTo("OK\n");
        assertThat(cli("-n", "3", "--no-raw", "GET", "cli:db")).isEqualTo("\"v\"\n");
        assertThat(cli("-n", "0", "--no-raw", "GET", "cli:db")).isEqualTo("(nil)\n");
        assertThat(cli("-n", "3", "CLIENT", "INFO")).contains(" db=3 ");
    }

    @Test
    void commandInfoLooksLikeRedis() throws Exception {
        assertThat(cli("--no-raw", "COMMAND", "INFO", "get")).startsWith("""
                1)  1) "get"
                    2) (integer) 2
                    3) 1) readonly
                       2) fast
                    4) (integer) 1
                    5) (integer) 1
                    6) (integer) 1
                """);
        assertThat(cli("-3", "--no-raw", "COMMAND", "INFO", "client")).startsWith("""
                1)  1) "client"
                    2) (integer) -2
                    3) (empty set)
                    4) (integer) 0
                    5) (integer) 0
                    6) (integer) 0
                    7) 1~ @slow
                    8) (empty set)
                    9) (empty set)
                """);
    }
}
