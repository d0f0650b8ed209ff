package io.spate.tests.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.functions.Collector;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.datastream.OutputTag;
import io.spate.api.windowing.assigners.SlidingEventTimeWindows;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import io.spate.api.windowing.functions.ProcessWindowFunction;
import io.spate.api.windowing.windows.TimeWindow;
import io.spate.tests.windowing.EvictorsTest.Count;
import io.spate.tests.windowing.TriggersTest.Elements;
import io.spate.testutils.OperatorTestHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Allowed lateness: a window fires when the watermark passes its end and again for every element
 * that arrives within the lateness; elements later than that go to the late side output (exactly
 * those) or are dropped and counted.
 */
class LatenessTest {
    static final OutputTag<Long> LATE = new OutputTag<>("late") {};
    private static final long SIZE = 10;
    private static final long LATENESS = 5;

    @Test
    void lateElementsWithinTheLatenessFireTheWindowAgain() throws Exception {
        try (var w =
                WindowHarness.of(
                        Types.LONG,
                        s ->
                                s.keyBy(v -> 0)
                                        .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                                        .allowedLateness(Duration.ofMillis(5))
                                        .sideOutputLateData(LATE)
                                        .process(new Elements<>()),
                        LATE)) {
            w.element(1L, 1);
            w.watermark(9);
            assertThat(w.take()).containsExactly("[1]");
            w.element(2L, 2);
            w.element(3L, 3);
            assertThat(w.takeWithTimestamps()).containsExactly("[1, 2]@9", "[1, 2, 3]@9");
            w.watermark(13);
            w.element(4L, 4); // 9 + 5 > 13: still in time
            assertThat(w.take()).containsExactly("[1, 2, 3, 4]");
            w.watermark(14); // the window's cleanup
            w.element(5L, 5);
            assertThat(w.take()).isEmpty();
            assertThat(w.h.getSideOutput(LATE))
                    .containsExactly(new OperatorTestHarness.Record<>(5L, 5L));
            assertThat(w.stateEntries()).isZero();
        }
    }

    @Test
    void anElementIsLateOnlyWhenAllItsWindowsAre() throws Exception {
        try (var w =
                WindowHarness.of(
                        Types.LONG,
                        s ->
                                s.keyBy(v -> 0)
                                        .window(
                                                SlidingEventTimeWindows.of(
                                                        Duration.ofMillis(10),
                                                        Duration.ofMillis(5)))
                                        .sideOutputLateData(LATE)
                                        .process(new WindowAndElements()),
                        LATE)) {
            w.watermark(9); // [0, 10) is over, [5, 15) is not
            w.element(7L, 7);
            w.watermark(Long.MAX_VALUE);
            assertThat(w.take()).containsExactly("[5, 15)=[7]");
            assertThat(w.h.getSideOutput(LATE)).isEmpty();
        }
    }

    @Test
    void randomDisorderMatchesAModelOfFiringsAndLateRecords() throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        for (int run = 0; run < 50; run++) {
            List<long[]> events = randomEvents(random);
            Model model = new Model();
            for (long[] e : events) {
                model.apply(e);
            }
            model.apply(new long[] {1, Long.MAX_VALUE});

            // With a late side output: exactly the late elements arrive there.
            try (var w = countWindows(true)) {
                feed(w, events);
                assertThat(w.take()).as("run %d", run).isEqualTo(model.firings);
                assertThat(w.h.getSideOutput(LATE))
                        .extracting(OperatorTestHarness.Record::timestamp)
                        .as("run %d", run)
                        .isEqualTo(model.late);
                assertThat(w.droppedLateRecords()).isZero();
                assertThat(w.stateEntries()).isZero();
            }
            // Without one: they are dropped and counted.
            try (var w = countWindows(false)) {
                feed(w, events);
                assertThat(w.take()).isEqualTo(model.firings);
                assertThat(w.droppedLateRecords()).isEqualTo(model.late.size());
            }
        }
    }

    /** Elements {0, ts} and watermarks {1, w} of one key, in an order with much disorder. */
    private static List<long[]> randomEvents(SplittableRandom random) {
        List<long[]> events = new ArrayList<>();
        long watermark = -20;
        for (int i = 0; i < 60; i++) {
            if (random.nextInt(4) == 0) {
                watermark += random.nextInt(12);
                events.add(new long[] {1, watermark});
            } else {
                events.add(new long[] {0, watermark + random.nextInt(-25, 15)});
            }
        }
        return events;
    }

    private static WindowHarness<Long, String> countWindows(boolean sideOutput) throws Exception {
        return WindowHarness.of(
                Types.LONG,
                s -> {
                    var windowed =
                            s.keyBy(v -> 0)
                                    .window(TumblingEventTimeWindows.of(Duration.ofMillis(SIZE)))
                                    .allowedLateness(Duration.ofMillis(LATENESS));
                    if (sideOutput) {
                        windowed.sideOutputLateData(LATE);
                    }
                    return windowed.aggregate(new Count(), new StartAndCount());
                },
                LATE);
    }

    private static void feed(WindowHarness<Long, String> w, List<long[]> events) throws Exception {
        for (long[] e : events) {
            if (e[0] == 0) {
                w.element(e[1], e[1]);
            } else {
                w.watermark(e[1]);
            }
        }
        w.watermark(Long.MAX_VALUE);
    }

    /** What tumbling count windows with allowed lateness must do, computed directly. */
    private static final class Model {
        final List<String> firings = new ArrayList<>();
        final List<Long> late = new ArrayList<>();
        private final TreeMap<Long, Long> counts = new TreeMap<>();
        private long watermark = Long.MIN_VALUE;

        void apply(long[] e) {
            if (e[0] == 0) {
                long ts = e[1];
                long start = Math.floorDiv(ts, SIZE) * SIZE;
                long max = start + SIZE - 1;
                if (max + LATENESS <= watermark) {
                    late.add(ts);
                    return;
                }
                long n = counts.merge(start, 1L, Long::sum);
                if (max <= watermark) {
                    firings.add(start + ":" + n);
                }
            } else if (e[1] > watermark) {
                for (var c : counts.entrySet()) {
                    long max = c.getKey() + SIZE - 1;
                    if (max > watermark && max <= e[1]) {
                        firings.add(c.getKey() + ":" + c.getValue());
                    }
                }
                watermark = e[1];
            }
        }
    }

    static final class StartAndCount
            extends ProcessWindowFunction<Long, String, Integer, TimeWindow> {
        @Override
        public void process(
                Integer key, Context ctx, Iterable<Long> counts, Collector<String> out) {
            out.collect(ctx.window().getStart() + ":" + counts.iterator().next());
        }
    }

    static final class WindowAndElements
            extends ProcessWindowFunction<Long, String, Integer, TimeWindow> {
        @Override
        public void process(
                Integer key, Context ctx, Iterable<Long> elements, Collector<String> out) {
            List<Long> all = new ArrayList<>();
            elements.forEach(all::add);
            out.collect("[" + ctx.window().getStart() + ", " + ctx.window().getEnd() + ")=" + all);
        }
    }
}
