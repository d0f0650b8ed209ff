package io.spate.common.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ManualClockTest {

    @Test
    void startsWhereToldAndStandsStill() {
        ManualClock clock = new ManualClock(1_000);
        assertThat(clock.millis()).isEqualTo(1_000);
        assertThat(clock.nanoTime()).isEqualTo(1_000_000_000L);
        assertThat(clock.millis()).isEqualTo(1_000);
        assertThat(new ManualClock().millis()).isZero();
        assertThat(new ManualClock().nanoTime()).isZero();
    }

    @Test
    void advanceMovesBothReadingsTogether() {
        ManualClock clock = new ManualClock(5);
        long nanosBefore = clock.nanoTime();
        clock.advance(Duration.ofMillis(250));
        assertThat(clock.millis()).isEqualTo(255);
        assertThat(clock.nanoTime() - nanosBefore).isEqualTo(250_000_000L);
        clock.advance(Duration.ZERO);
        assertThat(clock.millis()).isEqualTo(255);
    }

    @Test
    void subMillisecondStepsAddUpAndMillisRoundDown() {
        ManualClock clock = new ManualClock();
        clock.advance(Duration.ofNanos(999_999));
        assertThat(clock.millis()).isZero();
        assertThat(clock.nanoTime()).isEqualTo(999_999);
        clock.advance(Duration.ofNanos(1));
        assertThat(clock.millis()).isEqualTo(1);

        ManualClock beforeEpoch = new ManualClock(-1);
        beforeEpoch.advance(Duration.ofNanos(500_000));
        assertThat(beforeEpoch.millis()).isEqualTo(-1);
    }

    @Test
    void advanceToJumpsForwardAndAllowsStandingStill() {
        ManualClock clock = new ManualClock(10);
        clock.advanceTo(10);
        assertThat(clock.millis()).isEqualTo(10);
        clock.advanceTo(1_000);
        assertThat(clock.millis()).isEqualTo(1_000);
        assertThat(clock.nanoTime()).isEqualTo(1_000_000_000L);
    }

    @Test
    void refusesToRunBackwards() {
        ManualClock clock = new ManualClock(100);
        assertThatThrownBy(() -> clock.advance(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("backwards");
        assertThatThrownBy(() -> clock.advanceTo(99))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from 100 ms to 99 ms");
        clock.advance(Duration.ofNanos(1));
        assertThatThrownBy(() -> clock.advanceTo(100))
                .as("100 ms is earlier than 100 ms + 1 ns")
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(clock.nanoTime()).isEqualTo(100_000_001L);
    }

    @Test
    void advancesFromManyThreadsAreNotLost() throws Exception {
        ManualClock clock = new ManualClock();
        List<CompletableFuture<Void>> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(
                    CompletableFuture.runAsync(
                            () -> {
                                for (int i = 0; i < 10_000; i++) {
                                    clock.advance(Duration.ofNanos(1));
                                }
                            }));
        }
        CompletableFuture.allOf(threads.toArray(new CompletableFuture<?>[0]))
                .get(30, TimeUnit.SECONDS);
        assertThat(clock.nanoTime()).isEqualTo(40_000);
    }

    @Test
    void describesItsTime() {
        assertThat(new ManualClock(42)).hasToString("ManualClock[42 ms]");
    }
}
