package io.brisk.command.memcache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Compaction moving an item is not a write: the CAS a client holds still wins, and the item stays
 * fetched, as memcached keeps both for an item nobody wrote.
 */
class CasAcrossCompactionTest extends MemcacheTestBase {
    private static final Pattern SIZE = Pattern.compile(" size=(\\d+)");

    @Test
    void casAndHitBitSurviveTheItemBeingMoved() throws Exception {
        try (Raw r = raw()) {
            assertThat(r.line("set moved 5 3600 5\r\nvalue\r\n")).isEqualTo("STORED\r\n");
            String gets = r.call("gets moved\r\n", "END\r\n");
            long cas = Long.parseLong(gets.substring(0, gets.indexOf("\r\n")).split(" ")[4]);
            int size = size(r.line("me moved\r\n"));
            // an explicit CAS (meta E) is state kept by the item's version, not read back until after
            // the move (written just after "moved", it lies in the same segment and moves with it)
            assertThat(r.line("ms explicit 2 E12345\r\nhi\r\n")).isEqualTo("HD\r\n");
            // Overwrite ~10 MB with values of growing length on the same connection (the same event
            // loop, so the same append segment as the item): the item's segment becomes mostly dead,
            // and the housekeeper (10 Hz, 50 % live threshold) moves it elsewhere.
            for (int round = 0; round < 10; round++) {
                StringBuilder batch = new StringBuilder();
                String value = "c".repeat(1_000 + round);
                for (int i = 0; i < 1_000; i++) {
                    batch.append("set churn:").append(i).append(" 0 0 ").append(value.length())
                            .append(" noreply\r\n").append(value).append("\r\n");
                }
                assertThat(r.call(batch + "mn\r\n", "MN\r\n")).isEqualTo("MN\r\n");
            }
            // The moved copy carries its version stamp: me's item size grows by those 8 bytes.
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (size(r.line("me moved\r\n")) == size && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(size(r.line("me moved\r\n"))).as("item size once moved").isEqualTo(size + 8);

            assertThat(r.line("mg explicit c\r\n")).isEqualTo("HD c12345\r\n");
            assertThat(r.line("mg moved c h f v\r\n") + r.readUntil("\r\n"))
                    .isEqualTo("VA 5 c" + cas + " h1 f5\r\nvalue\r\n");
            assertThat(r.line("cas moved 5 3600 5 " + cas + "\r\nnewer\r\n")).isEqualTo("STORED\r\n");
            assertThat(r.call("gets moved\r\n", "END\r\n")).startsWith("VALUE moved 5 5 ").doesNotContain(" " + cas + "\r\n")
                    .endsWith("\r\nnewer\r\nEND\r\n");
        }
    }

    private static int size(String meLine) {
        Matcher m = SIZE.matcher(meLine);
        assertThat(m.find()).as("me reply %s", meLine).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
