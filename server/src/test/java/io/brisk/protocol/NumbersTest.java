package io.brisk.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumbersTest {
    @ParameterizedTest
    @CsvSource({"0.1,0.1", "1.5,1.5", "3,3", "-2.25,-2.25", "1e20,1e+20", "1.5e-10,1.5e-10", "0.0001,0.0001",
            "0.00001,1e-05", "12345678.5,12345678.5", "123456789012345678,1.2345678901234568e+17", "-1e300,-1e+300"})
    void doublesAreFormattedAsRedisDoes(double d, String expected) {
        assertThat(Numbers.formatDouble(d)).isEqualTo(expected);
    }

    /** The byte parser (integer fast path, else the String parser) reads what the String parser reads. */
    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "+0", "7", "-7", "+5", "007", "-007", "123456789012345", "-999999999999999",
            "1234567890123456", "-1234567890123456", "12345678901234567890", "1.5", "-2.25", "1e3", "1E-3",
            ".5", "5.", "inf", "-inf", "+INF", "Infinity", "-infinity"})
    void bytesAreReadAsTheStringParserReadsThem(String text) {
        double expected = Numbers.parseDouble(text);
        double actual = parse(text);
        // compare the bits: -0.0 and 0.0 differ, and strtod keeps the sign of "-0"
        assertThat(Double.doubleToRawLongBits(actual)).as(text).isEqualTo(Double.doubleToRawLongBits(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "+", "--1", "+-1", "1-", "12a", "a12", " 1", "1 ", "nan", "-nan", "0x10", "1d", "1f",
            "1,5", "١٢"})
    void badNumbersAreRefusedByBothParsers(String text) {
        assertThatThrownBy(() -> Numbers.parseDouble(text)).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> parse(text)).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void theFastPathReadsAViewInsideALargerBuffer() {
        MemorySegment seg = MemorySegment.ofArray("xx-42yy".getBytes(StandardCharsets.US_ASCII));
        assertThat(Numbers.parseDouble(seg, 2, 3)).isEqualTo(-42.0);
        assertThat(Numbers.parseDouble(seg, 3, 2)).isEqualTo(42.0);
    }

    private static double parse(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return Numbers.parseDouble(MemorySegment.ofArray(b), 0, b.length);
    }
}
