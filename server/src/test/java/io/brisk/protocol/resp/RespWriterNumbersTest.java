package io.brisk.protocol.resp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Integer replies and bulk-string lengths in decimal, at every digit count and sign, as Long.toString writes them. */
class RespWriterNumbersTest {

    private static List<Long> samples() {
        List<Long> v = new ArrayList<>(List.of(0L, 1L, 9L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1));
        for (long p = 10; p > 0 && p <= Long.MAX_VALUE / 10 * 10; p *= 10) { // each power of ten and its neighbours
            v.add(p - 1);
            v.add(p);
            v.add(p + 1);
            v.add(p + 7 * (p / 10) + 3);
            if (p > Long.MAX_VALUE / 10) break;
        }
        for (long x : new ArrayList<>(v)) if (x > 0) v.add(-x);
        return v;
    }

    @Test
    void integersAreWrittenAsLongToStringWould() {
        RespWriter w = new RespWriter(UnpooledByteBufAllocator.DEFAULT);
        StringBuilder expected = new StringBuilder();
        for (long x : samples()) {
            w.integer(x);
            expected.append(':').append(x).append("\r\n");
        }
        ByteBuf out = w.take();
        try {
            assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo(expected.toString());
        } finally {
            out.release();
        }
    }
}
