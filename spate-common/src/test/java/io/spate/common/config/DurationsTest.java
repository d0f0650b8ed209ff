package io.spate.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    static Stream<Arguments> parsed() {
        return Stream.of(
                Arguments.of("5ns", Duration.ofNanos(5)),
                Arguments.of("7us", Duration.ofNanos(7_000)),
                Arguments.of("500ms", Duration.ofMillis(500)),
                Arguments.of("2s", Duration.ofSeconds(2)),
                Arguments.of("3m", Duration.ofMinutes(3)),
                Arguments.of("3min", Duration.ofMinutes(3)),
                Arguments.of("4h", Duration.ofHours(4)),
                Arguments.of("1d", Duration.ofDays(1)),
                Arguments.of("0s", Duration.ZERO),
                Arguments.of("0", Duration.ZERO),
                Arguments.of("250", Duration.ofMillis(250)),
                Arguments.of("  2 s  ", Duration.ofSeconds(2)),
                Arguments.of("10MS", Duration.ofMillis(10)),
                Arguments.of("5Min", Duration.ofMinutes(5)),
                Arguments.of("007s", Duration.ofSeconds(7)),
                Arguments.of("9223372036854775807ns", Duration.ofNanos(Long.MAX_VALUE)),
                Arguments.of("9223372036854775807s", Duration.ofSeconds(Long.MAX_VALUE)));
    }

    @ParameterizedTest
    @MethodSource("parsed")
    void parsesEveryUnitAndBareMilliseconds(String text, Duration expected) {
        assertThat(Durations.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "ms", "s5", "-5s", "+5s", "abc"})
    void refusesTextWithoutANumber(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "' is not a duration")
                .hasMessageContaining("500ms");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5x", "1.5s", "5 sec", "5 seconds", "10mss", "3 m s", "1w"})
    void refusesUnknownUnitsListingTheKnownOnes(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown unit")
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining("ns, us, ms, s, min, h or d");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "99999999999999999999",
                "99999999999999999999s",
                "9223372036854775807us",
                "9223372036854775807min",
                "9223372036854775807h",
                "9223372036854775807d"
            })
    void refusesAmountsBeyondTheRangeOfADurationWithAClearMessage(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining("too large");
    }

    static Stream<Arguments> formatted() {
        return Stream.of(
                Arguments.of(Duration.ZERO, "0ms"),
                Arguments.of(Duration.ofNanos(1), "1ns"),
                Arguments.of(Duration.ofNanos(1_500), "1500ns"),
                Arguments.of(Duration.ofNanos(2_000), "2us"),
                Arguments.of(Duration.ofNanos(1_001_000), "1001us"),
                Arguments.of(Duration.ofMillis(1), "1ms"),
                Arguments.of(Duration.ofMillis(1_500), "1500ms"),
                Arguments.of(Duration.ofSeconds(2), "2s"),
                Arguments.of(Duration.ofSeconds(90), "90s"),
                Arguments.of(Duration.ofMinutes(2), "2min"),
                Arguments.of(Duration.ofMinutes(90), "90min"),
                Arguments.of(Duration.ofHours(1), "1h"),
                Arguments.of(Duration.ofDays(1), "24h"));
    }

    @ParameterizedTest
    @MethodSource("formatted")
    void formatsInTheShortestExactUnit(Duration d, String expected) {
        assertThat(Durations.format(d)).isEqualTo(expected);
        assertThat(Durations.parse(expected)).isEqualTo(d);
    }

    @Test
    void formatThenParseIsTheIdentityForEveryNonNegativeDuration() {
        ChronoUnit[] units = {
            ChronoUnit.NANOS,
            ChronoUnit.MICROS,
            ChronoUnit.MILLIS,
            ChronoUnit.SECONDS,
            ChronoUnit.MINUTES,
            ChronoUnit.HOURS,
            ChronoUnit.DAYS
        };
        qt().forAll(longs().between(0, Long.MAX_VALUE / (24 * 3600)), integers().between(0, 6))
                .checkAssert(
                        (amount, unit) -> {
                            Duration d = Duration.of(amount, units[unit]);
                            assertThat(Durations.parse(Durations.format(d)))
                                    .as("%s via %s", d, Durations.format(d))
                                    .isEqualTo(d);
                        });
    }

    @Test
    void durationsBeyondTheRangeOfLongNanosecondsStillFormat() {
        for (Duration d :
                new Duration[] {
                    Duration.ofDays(200_000),
                    Duration.ofSeconds(Long.MAX_VALUE),
                    Duration.ofSeconds(Long.MAX_VALUE / 1000, 1_000_000),
                    Duration.ofMinutes(Long.MAX_VALUE / 60)
                }) {
            assertThat(Durations.parse(Durations.format(d))).as("%s", d).isEqualTo(d);
        }
        assertThat(Durations.format(Duration.ofDays(200_000))).isEqualTo("4800000h");
    }
}
