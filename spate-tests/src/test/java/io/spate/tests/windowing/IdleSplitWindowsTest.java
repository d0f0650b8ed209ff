package io.spate.tests.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.OutputTag;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import io.spate.testutils.PipelineTestDriver;
import io.spate.testutils.TestInput;
import io.spate.testutils.TestOutput;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * An idle split does not stall the windows of the others: its silence holds event time back only
 * until it is idle; when it emits again it holds it back again, and what it emits behind the
 * watermark is late.
 */
class IdleSplitWindowsTest {
    static final OutputTag<Ev> LATE = new OutputTag<>("late") {};

    @Test
    void windowsFireOnceTheSilentSplitIsIdle() throws Exception {
        try (var driver = new PipelineTestDriver(2)) {
            TestInput<Ev> input = driver.input(Ev.TYPE, 2);
            var sums =
                    input.stream()
                            .keyBy(Ev::key)
                            .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                            .sideOutputLateData(LATE)
                            .reduce((a, b) -> Ev.of(a.key(), a.value() + b.value()));
            TestOutput<Ev> out = driver.capture(sums);
            TestOutput<Ev> late = driver.capture(sums.getSideOutput(LATE));

            input.split(0).add(Ev.of("a", 1), 1);
            input.split(0).add(Ev.of("b", 2), 2);
            input.split(0).add(Ev.of("a", 3), 9);
            input.split(0).advanceWatermark(25);
            assertThat(out.values()).as("split 1 holds event time back").isEmpty();

            input.split(1).markIdle();
            assertThat(out.values()).containsExactlyInAnyOrder(Ev.of("a", 4), Ev.of("b", 2));

            input.split(1).add(Ev.of("a", 100), 5); // rejoins behind the watermark: late
            input.split(1).add(Ev.of("a", 7), 30);
            input.split(0).advanceWatermark(100);
            input.split(1).advanceWatermark(100);
            assertThat(late.values()).containsExactly(Ev.of("a", 100));
            assertThat(out.values())
                    .containsExactlyInAnyOrder(Ev.of("a", 4), Ev.of("b", 2), Ev.of("a", 7));
            input.end();
        }
    }
}
