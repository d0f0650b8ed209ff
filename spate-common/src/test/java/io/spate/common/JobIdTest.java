package io.spate.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobIdTest {

    @Test
    void printsAs32LowerCaseHexDigitsZeroPadded() {
        assertThat(new JobId(0, 0)).hasToString("0".repeat(32));
        assertThat(new JobId(1, 0xABL)).hasToString("0000000000000001" + "00000000000000ab");
        assertThat(new JobId(-1, Long.MIN_VALUE))
                .hasToString("ffffffffffffffff" + "8000000000000000");
    }

    @Test
    void parseReadsWhatToStringWrites() {
        qt().forAll(longs().all(), longs().all())
                .checkAssert(
                        (high, low) -> {
                            JobId id = new JobId(high, low);
                            String text = id.toString();
                            assertThat(text).hasSize(32).matches("[0-9a-f]{32}");
                            JobId parsed = JobId.parse(text);
                            assertThat(parsed).isEqualTo(id).hasSameHashCodeAs(id);
                            assertThat(parsed.high()).isEqualTo(high);
                            assertThat(parsed.low()).isEqualTo(low);
                        });
    }

    @Test
    void parseAcceptsUpperCaseAndSurroundingWhitespace() {
        JobId id = new JobId(0xDEADBEEFL, -2);
        assertThat(JobId.parse(id.toString().toUpperCase(java.util.Locale.ROOT))).isEqualTo(id);
        assertThat(JobId.parse("  " + id + "\n")).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "abc",
                "0000000000000000000000000000000",
                "000000000000000000000000000000000"
            })
    void refusesTheWrongNumberOfDigitsSayingHowMany(String text) {
        assertThatThrownBy(() -> JobId.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 hex digits")
                .hasMessageContaining("has " + text.length() + " characters");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "g0000000000000000000000000000000",
                "0000000000000000000000000000000z",
                "0000000000000000-000000000000000",
                "-000000000000000000000000000000f",
                "+000000000000000000000000000000f",
                "0000000000000000+00000000000000f",
                "0000000000000000 000000000000000",
                "\uff10000000000000000000000000000000f"
            })
    void refusesAnythingButHexDigits(String text) {
        assertThatThrownBy(() -> JobId.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text)
                .hasMessageContaining("hex digits only");
    }

    @Test
    void randomIdsDiffer() {
        Set<JobId> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(JobId.random());
        }
        assertThat(ids).hasSize(1000);
    }

    @Test
    void equalityIsByValue() {
        assertThat(new JobId(1, 2)).isEqualTo(new JobId(1, 2));
        assertThat(new JobId(1, 2)).isNotEqualTo(new JobId(2, 1));
        assertThat(new JobId(1, 2)).isNotEqualTo("00000000000000010000000000000002");
    }
}
