package io.brisk.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersTest {
    @ParameterizedTest
    @CsvSource({"0.1,0.1", "1.5,1.5", "3,3", "-2.25,-2.25", "1e20,1e+20", "1.5e-10,1.5e-10", "0.0001,0.0001",
            "0.00001,1e-05", "12345678.5,12345678.5", "123456789012345678,1.2345678901234568e+17", "-1e300,-1e+300"})
    void doublesAreFormattedAsRedisDoes(double d, String expected) {
        assertThat(Numbers.formatDouble(d)).isEqualTo(expected);
    }
}
