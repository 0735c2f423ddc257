package io.brisk.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Crc16Test {
    private static int slot(String key) {
        return Crc16.slot(key.getBytes(StandardCharsets.UTF_8));
    }

    /** Reference: byte at a time, as Redis's crc16.c. */
    private static int reference(byte[] b, int from, int to) {
        int crc = 0;
        for (int i = from; i < to; i++) {
            crc ^= (b[i] & 0xFF) << 8;
            for (int j = 0; j < 8; j++) crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x1021) & 0xFFFF : (crc << 1) & 0xFFFF;
        }
        return crc;
    }

    @Test
    void matchesRedisClusterSlots() {
        // values from CLUSTER KEYSLOT on Redis
        assertThat(slot("foo")).isEqualTo(12182);
        assertThat(slot("bar")).isEqualTo(5061);
        assertThat(slot("{user1000}.following")).isEqualTo(slot("user1000"));
        assertThat(slot("foo{}{bar}")).isEqualTo(Crc16.crc16(java.lang.foreign.MemorySegment.ofArray("foo{}{bar}".getBytes()), 0, 10) & 16383);
        assertThat(slot("123456789")).isEqualTo(0x31C3 & 16383); // the CRC16/XMODEM check value
    }

    @Test
    void wordAtATimeEqualsByteAtATime() {
        Random r = new Random(7);
        for (int n = 0; n < 2000; n++) {
            byte[] b = new byte[r.nextInt(70)];
            r.nextBytes(b);
            for (int i = 0; i < b.length; i++) if (b[i] == '{') b[i] = 'x';
            int expected = reference(b, 0, b.length) & 16383;
            assertThat(Crc16.slot(b)).isEqualTo(expected);
            if (b.length > 3) {
                int open = r.nextInt(b.length - 2);
                b[open] = '{';
                int close = open + 2 + r.nextInt(b.length - open - 2 + 1);
                if (close < b.length) b[close] = '}';
                for (int i = open + 1; i < close && i < b.length; i++) if (b[i] == '}' || b[i] == '{') b[i] = 'y';
                int exp = close < b.length ? reference(b, open + 1, close) & 16383 : reference(b, 0, b.length) & 16383;
                assertThat(Crc16.slot(b)).isEqualTo(exp);
            }
        }
    }
}
