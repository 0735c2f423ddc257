package io.brisk.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's list of accepted-but-not-acted-on parameters must be exactly the table's. */
class ParametersReadmeTest {
    @Test
    void readmeListsExactlyTheParametersNotActedOn() throws Exception {
        Path readme = Path.of("../README.md");
        if (!Files.exists(readme)) readme = Path.of("README.md");
        String text = Files.readString(readme);
        int from = text.indexOf("<!-- params-not-acted:begin -->");
        int to = text.indexOf("<!-- params-not-acted:end -->");
        assertThat(from).as("README marker").isGreaterThanOrEqualTo(0);
        assertThat(to).isGreaterThan(from);
        Set<String> listed = new TreeSet<>();
        Matcher m = Pattern.compile("`([^`]+)`").matcher(text.substring(from, to));
        while (m.find()) listed.add(m.group(1));

        Set<String> notActed = new TreeSet<>();
        for (Param p : new Config().all()) if (!p.acted()) notActed.add(p.name());
        assertThat(listed).as("README list vs Parameters table (regenerate the README block)").isEqualTo(notActed);
    }

    @Test
    void tableHoldsEveryRedis7ParameterWithItsAliases() {
        Config c = new Config();
        // a sample across the table, with Redis 7.0.15's defaults
        assertThat(c.get("hash-max-listpack-entries")).isEqualTo("512");
        assertThat(c.param("hash-max-ziplist-entries")).isSameAs(c.param("hash-max-listpack-entries"));
        assertThat(c.param("slaveof")).isSameAs(c.param("replicaof"));
        assertThat(c.param("lua-time-limit")).isSameAs(c.param("busy-reply-threshold"));
        assertThat(c.get("client-output-buffer-limit"))
                .isEqualTo("normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60");
        assertThat(c.get("save")).isEqualTo("3600 1 300 100 60 10000");
        assertThat(c.get("maxmemory-policy")).isEqualTo("noeviction");
        assertThat(c.get("proto-max-bulk-len")).isEqualTo("536870912");
        assertThat(c.get("list-max-listpack-size")).isEqualTo("-2");
        // CONFIG GET * lists aliases too: 192 names on Redis 7.0.15, plus Brisk's own nine
        assertThat(c.matchingNames("*")).hasSize(192 + 9); // Brisk's own: event-loops, transport, active-expire-enabled, set-max-listpack-*, memcache-*
    }

    @Test
    void setAllIsAtomic() throws Exception {
        Config c = new Config();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.setAll(java.util.List.of("maxclients", "hz"), java.util.List.of("50", "abc")))
                .hasMessage("CONFIG SET failed (possibly related to argument 'hz') - argument couldn't be parsed into an integer");
        assertThat(c.get("maxclients")).isEqualTo("10000");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.setAll(java.util.List.of("maxclients", "maxclients"), java.util.List.of("5", "6")))
                .hasMessageContaining("duplicate parameter");
        c.setAll(java.util.List.of("maxclients", "hz", "maxmemory"), java.util.List.of("50", "20", "1mb"));
        assertThat(c.get("maxclients")).isEqualTo("50");
        assertThat(c.get("maxmemory")).isEqualTo("1048576");
    }
}
