package io.spate.tests.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.functions.AggregateFunction;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import io.spate.api.windowing.evictors.CountEvictor;
import io.spate.api.windowing.evictors.Evictor;
import io.spate.api.windowing.evictors.TimeEvictor;
import io.spate.api.windowing.evictors.TimestampedValue;
import io.spate.api.windowing.windows.TimeWindow;
import io.spate.tests.windowing.TriggersTest.Elements;
import java.time.Duration;
import java.util.Iterator;
import org.junit.jupiter.api.Test;

/** Count, time and custom evictors, before and after evaluation, with every kind of function. */
class EvictorsTest {
    private static final TumblingEventTimeWindows TUMBLING_10 =
            TumblingEventTimeWindows.of(Duration.ofMillis(10));

    @Test
    void countEvictorKeepsTheLastElementsAndWritesThemBack() throws Exception {
        try (var w =
                WindowHarness.of(
                        Types.LONG,
                        s ->
                                s.keyBy(v -> 0)
                                        .window(TUMBLING_10)
                                        .allowedLateness(Duration.ofMillis(10))
                                        .evictor(CountEvictor.of(2))
                                        .process(new Elements<>()))) {
            for (long i = 1; i <= 5; i++) {
                w.element(i, i);
            }
            w.watermark(9);
            assertThat(w.take()).containsExactly("[4, 5]");
            w.element(6L, 6); // late: fires again, with what the eviction left plus 6
            assertThat(w.take()).containsExactly("[5, 6]");
            w.watermark(Long.MAX_VALUE);
            assertThat(w.stateEntries()).isZero();
        }
    }

    @Test
    void countEvictorAfterEvaluationShowsEverythingOnce() throws Exception {
        try (var w =
                WindowHarness.of(
                        Types.LONG,
                        s ->
                                s.keyBy(v -> 0)
                                        .window(TUMBLING_10)
                                        .allowedLateness(Duration.ofMillis(10))
                                        .evictor(CountEvictor.of(2, true))
                                        .process(new Elements<>()))) {
            for (long i = 1; i <= 5; i++) {
                w.element(i, i);
            }
            w.watermark(9);
            assertThat(w.take()).containsExactly("[1, 2, 3, 4, 5]");
            w.element(6L, 6);
            assertThat(w.take()).containsExactly("[4, 5, 6]");
        }
    }

    @Test
    void timeEvictorKeepsTheElementsOfTheLastInterval() throws Exception {
        try (var w =
                WindowHarness.of(
                        Types.LONG,
                        s ->
                                s.keyBy(v -> 0)
                                        .window(TUMBLING_10)
                                        .evictor(TimeEvictor.of(Duration.ofMillis(3)))
                                        .process(new Elements<>()))) {
            w.element(1L, 1);
            w.element(6L, 6);
            w.element(2L, 2);
            w.element(5L, 5);
            w.element(3L, 3);
            w.watermark(Long.MAX_VALUE);
            // The newest is 6: elements at 3 or earlier (6 - 3) go, in arrival order the rest.
            assertThat(w.take()).containsExactly("[6, 5]");
            assertThat(w.stateEntries()).isZero();
        }
    }

    @Test
    void aCustomEvictorSeesSizeWindowAndTimestamps() throws Exception {
        try (var w =
                WindowHarness.of(
                        Types.LONG,
                        s ->
                                s.keyBy(v -> 0)
                                        .window(TUMBLING_10)
                                        .evictor(new OddTimestampsOut())
                                        .process(new Elements<>()))) {
            for (long i = 1; i <= 6; i++) {
                w.element(i * 10, i);
            }
            w.watermark(Long.MAX_VALUE);
            assertThat(w.take()).containsExactly("[20, 40, 60]");
        }
    }

    @Test
    void withAnEvictorReduceAndAggregateRunOverWhatRemains() throws Exception {
        try (var w =
                WindowHarness.of(
                        Types.LONG,
                        s ->
                                s.keyBy(v -> 0)
                                        .window(TUMBLING_10)
                                        .evictor(CountEvictor.of(3))
                                        .reduce(Long::sum))) {
            for (long i = 1; i <= 5; i++) {
                w.element(i, i);
            }
            w.watermark(Long.MAX_VALUE);
            assertThat(w.take()).containsExactly(12L);
            assertThat(w.stateEntries()).isZero();
        }
        try (var w =
                WindowHarness.of(
                        Types.LONG,
                        s ->
                                s.keyBy(v -> 0)
                                        .window(TUMBLING_10)
                                        .evictor(CountEvictor.of(3))
                                        .aggregate(new Count()))) {
            for (long i = 1; i <= 5; i++) {
                w.element(i, i);
            }
            w.watermark(Long.MAX_VALUE);
            assertThat(w.take()).containsExactly(3L);
        }
    }

    @Test
    void countWindowsTumbleAndSlideByElements() throws Exception {
        try (var w = WindowHarness.of(Types.LONG, s -> s.keyBy(v -> v % 2).countWindow(2).sum(0))) {
            for (long i = 1; i <= 9; i++) {
                w.element(i, i);
            }
            w.watermark(Long.MAX_VALUE);
            // Per key: odd 1+3, 5+7 (9 waits for a partner); even 2+4, 6+8.
            assertThat(w.take()).containsExactly(4L, 6L, 12L, 14L);
        }
        try (var w =
                WindowHarness.of(
                        Types.LONG,
                        s -> s.keyBy(v -> 0).countWindow(3, 2).process(new Elements<>()))) {
            for (long i = 1; i <= 7; i++) {
                w.element(i, i);
            }
            assertThat(w.take()).containsExactly("[1, 2]", "[2, 3, 4]", "[4, 5, 6]");
        }
    }

    /** Before evaluation drops elements with odd timestamps; checks what it is told. */
    static final class OddTimestampsOut implements Evictor<Long, TimeWindow> {
        @Override
        public void evictBefore(
                Iterable<TimestampedValue<Long>> elements,
                int size,
                TimeWindow window,
                EvictorContext ctx) {
            assertThat(size).isEqualTo(6);
            assertThat(window).isEqualTo(new TimeWindow(0, 10));
            assertThat(ctx.getCurrentWatermark()).isEqualTo(Long.MAX_VALUE);
            for (Iterator<TimestampedValue<Long>> it = elements.iterator(); it.hasNext(); ) {
                TimestampedValue<Long> e = it.next();
                assertThat(e.getValue()).isEqualTo(e.getTimestamp() * 10);
                if (e.getTimestamp() % 2 == 1) {
                    it.remove();
                }
            }
        }

        @Override
        public void evictAfter(
                Iterable<TimestampedValue<Long>> elements,
                int size,
                TimeWindow window,
                EvictorContext ctx) {
            assertThat(size).isEqualTo(3);
        }
    }

    static final class Count implements AggregateFunction<Long, Long, Long> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Long value, Long acc) {
            return acc + 1;
        }

        @Override
        public Long getResult(Long acc) {
            return acc;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }
}
