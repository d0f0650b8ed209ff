package io.spate.tests.windowing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.functions.AggregateFunction;
import io.spate.api.common.functions.Collector;
import io.spate.api.common.state.ValueStateDescriptor;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.datastream.OutputTag;
import io.spate.api.execution.OperatorException;
import io.spate.api.windowing.assigners.EventTimeSessionWindows;
import io.spate.api.windowing.assigners.ProcessingTimeSessionWindows;
import io.spate.api.windowing.functions.ProcessWindowFunction;
import io.spate.api.windowing.triggers.CountTrigger;
import io.spate.api.windowing.windows.TimeWindow;
import io.spate.tests.windowing.LatenessTest.WindowAndElements;
import io.spate.testutils.OperatorTestHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Merging windows (sessions): contents, incremental accumulators and trigger state merge with the
 * windows, and nothing of a session is left once it ended.
 */
class MergingWindowsTest {
    private static final EventTimeSessionWindows GAP_10 =
            EventTimeSessionWindows.withGap(Duration.ofMillis(10));

    @Test
    void processSeesAllElementsOfTheMergedSession() throws Exception {
        try (var w =
                WindowHarness.of(
                        Types.LONG,
                        s -> s.keyBy(v -> 0).window(GAP_10).process(new SortedSession()))) {
            w.element(30L, 30);
            w.element(0L, 0);
            w.element(15L, 15); // [15, 25) touches neither [0, 10) nor... [30, 40): it does not
            w.element(9L, 9); // [9, 19) joins [0, 10) and [15, 25)
            w.element(21L, 21); // [21, 31) joins [0, 25) and [30, 40)
            w.element(60L, 60);
            w.watermark(49);
            assertThat(w.takeWithTimestamps()).containsExactly("[0, 40)=[0, 9, 15, 21, 30]@39");
            w.watermark(Long.MAX_VALUE);
            assertThat(w.takeWithTimestamps()).containsExactly("[60, 70)=[60]@69");
            assertThat(w.stateEntries()).isZero();
        }
    }

    @Test
    void incrementalAggregatesMergeTheirAccumulators() throws Exception {
        try (var w =
                WindowHarness.of(
                        Types.LONG,
                        s ->
                                s.keyBy(v -> v % 2)
                                        .window(GAP_10)
                                        .aggregate(new CountAndSum(), new SessionOf()))) {
            for (long ts : new long[] {40, 2, 22, 12, 31, 5, 100}) {
                w.element(ts, ts);
            }
            w.watermark(Long.MAX_VALUE);
            // Even: 2, 12, 22, 40, 100 -> sessions 2..22 (touching), 40, 100. Odd: 5, 31.
            assertThat(w.take())
                    .containsExactlyInAnyOrder(
                            "0 [2, 32): 3 elements, sum 36",
                            "0 [40, 50): 1 elements, sum 40",
                            "0 [100, 110): 1 elements, sum 100",
                            "1 [5, 15): 1 elements, sum 5",
                            "1 [31, 41): 1 elements, sum 31");
            assertThat(w.stateEntries()).isZero();
        }
    }

    @Test
    void reduceOverSessionsMatchesSortAndCutOnRandomInput() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        for (int run = 0; run < 30; run++) {
            Map<Long, List<Long>> perKey = new HashMap<>();
            try (var w =
                    WindowHarness.of(
                            Types.LONG,
                            s ->
                                    s.keyBy(v -> v % 3)
                                            .window(GAP_10)
                                            .reduce(Long::sum, new SessionSum()))) {
                for (int i = 0; i < 80; i++) {
                    long ts = random.nextLong(0, 400);
                    w.element(ts, ts);
                    perKey.computeIfAbsent(ts % 3, k -> new ArrayList<>()).add(ts);
                }
                w.watermark(Long.MAX_VALUE);
                List<String> expected = new ArrayList<>();
                perKey.forEach((key, tss) -> expected.addAll(sessions(key, tss, 10)));
                assertThat(w.take()).containsExactlyInAnyOrderElementsOf(expected);
                assertThat(w.stateEntries()).isZero();
            }
        }
    }

    @Test
    void triggerStateMergesWithTheWindows() throws Exception {
        try (var w =
                WindowHarness.of(
                        Types.LONG,
                        s ->
                                s.keyBy(v -> 0)
                                        .window(GAP_10)
                                        .trigger(CountTrigger.of(3))
                                        .process(new SortedSession()))) {
            w.element(0L, 0);
            w.element(20L, 20);
            assertThat(w.take()).isEmpty();
            w.element(10L, 10); // merges both sessions (counts 1 + 1) and is the third element
            assertThat(w.take()).containsExactly("[0, 30)=[0, 10, 20]");
            w.watermark(Long.MAX_VALUE); // count triggers never fire on time, but state goes
            assertThat(w.take()).isEmpty();
            assertThat(w.stateEntries()).isZero();
        }
    }

    static final OutputTag<Long> LATE = new OutputTag<>("late") {};

    @Test
    void aLateElementWithinTheLatenessMergesIntoAFiredSession() throws Exception {
        try (var w =
                WindowHarness.of(
                        Types.LONG,
                        s ->
                                s.keyBy(v -> 0)
                                        .window(GAP_10)
                                        .allowedLateness(Duration.ofMillis(10))
                                        .sideOutputLateData(LATE)
                                        .process(new SortedSession()),
                        LATE)) {
            w.element(0L, 0);
            w.element(5L, 5);
            w.watermark(14);
            assertThat(w.take()).containsExactly("[0, 15)=[0, 5]");
            w.element(12L, 12); // extends the fired session to [0, 22): it fires again at 21
            w.watermark(21);
            assertThat(w.take()).containsExactly("[0, 22)=[0, 5, 12]");
            w.watermark(31); // [0, 22) + 10 lateness: cleaned up
            w.element(3L, 3); // its window [3, 13) is too late
            assertThat(w.take()).isEmpty();
            assertThat(w.h.getSideOutput(LATE))
                    .containsExactly(new OperatorTestHarness.Record<>(3L, 3L));
            w.watermark(Long.MAX_VALUE);
            assertThat(w.stateEntries()).isZero();
        }
    }

    @Test
    void dynamicGapsComeFromTheElements() throws Exception {
        try (var w =
                WindowHarness.of(
                        Types.LONG,
                        s ->
                                s.keyBy(v -> 0)
                                        .window(
                                                EventTimeSessionWindows.<Long>withDynamicGap(
                                                        v -> v >= 100 ? 50 : 2))
                                        .process(new WindowAndElements()))) {
            w.element(1L, 1); // [1, 3)
            w.element(4L, 4); // [4, 6): apart
            w.element(100L, 10); // [10, 60)
            w.element(7L, 40); // [40, 42): inside
            w.watermark(Long.MAX_VALUE);
            assertThat(w.take()).containsExactly("[1, 3)=[1]", "[4, 6)=[4]", "[10, 60)=[100, 7]");
        }
    }

    @Test
    void processingTimeSessionsCloseAfterAGapOfTheClock() throws Exception {
        try (var w =
                WindowHarness.of(
                        Types.LONG,
                        s ->
                                s.keyBy(v -> 0)
                                        .window(
                                                ProcessingTimeSessionWindows.withGap(
                                                        Duration.ofMillis(10)))
                                        .process(new WindowAndElements()))) {
            w.element(1L, 0);
            w.h.advanceProcessingTime(Duration.ofMillis(8));
            w.element(2L, 0); // [8, 18) merges with [0, 10)
            w.h.advanceProcessingTime(Duration.ofMillis(8)); // 16: still open
            assertThat(w.take()).isEmpty();
            w.h.advanceProcessingTime(Duration.ofMillis(1)); // 17, the session's max timestamp
            assertThat(w.take()).containsExactly("[0, 18)=[1, 2]");
            w.watermark(0);
            assertThat(w.stateEntries()).isZero();
        }
    }

    @Test
    void perWindowStateIsRefusedForSessions() throws Exception {
        try (var w =
                WindowHarness.of(
                        Types.LONG,
                        s -> s.keyBy(v -> 0).window(GAP_10).process(new UsesWindowState()))) {
            w.element(1L, 1);
            assertThatThrownBy(() -> w.watermark(Long.MAX_VALUE))
                    .isInstanceOf(OperatorException.class)
                    .rootCause()
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("merging windows");
        }
    }

    /** "key [start, end): sum" for the sessions that sorting and cutting at gaps gives. */
    private static List<String> sessions(long key, List<Long> timestamps, long gap) {
        List<Long> sorted = new ArrayList<>(timestamps);
        sorted.sort(null);
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            long sum = sorted.get(i);
            while (j + 1 < sorted.size() && sorted.get(j + 1) - sorted.get(j) <= gap) {
                sum += sorted.get(++j);
            }
            out.add(key + " [" + sorted.get(i) + ", " + (sorted.get(j) + gap) + "): " + sum);
            i = j + 1;
        }
        return out;
    }

    static final class SortedSession
            extends ProcessWindowFunction<Long, String, Integer, TimeWindow> {
        @Override
        public void process(
                Integer key, Context ctx, Iterable<Long> elements, Collector<String> out) {
            List<Long> all = new ArrayList<>();
            elements.forEach(all::add);
            all.sort(null);
            out.collect("[" + ctx.window().getStart() + ", " + ctx.window().getEnd() + ")=" + all);
        }
    }

    static final class SessionSum extends ProcessWindowFunction<Long, String, Long, TimeWindow> {
        @Override
        public void process(Long key, Context ctx, Iterable<Long> sums, Collector<String> out) {
            TimeWindow w = ctx.window();
            out.collect(
                    key + " [" + w.getStart() + ", " + w.getEnd() + "): " + sums.iterator().next());
        }
    }

    static final class CountAndSum implements AggregateFunction<Long, long[], long[]> {
        @Override
        public long[] createAccumulator() {
            return new long[2];
        }

        @Override
        public long[] add(Long value, long[] acc) {
            return new long[] {acc[0] + 1, acc[1] + value};
        }

        @Override
        public long[] getResult(long[] acc) {
            return acc;
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            return new long[] {a[0] + b[0], a[1] + b[1]};
        }
    }

    static final class SessionOf extends ProcessWindowFunction<long[], String, Long, TimeWindow> {
        @Override
        public void process(
                Long key, Context ctx, Iterable<long[]> results, Collector<String> out) {
            long[] r = results.iterator().next();
            TimeWindow w = ctx.window();
            out.collect(
                    key
                            + " ["
                            + w.getStart()
                            + ", "
                            + w.getEnd()
                            + "): "
                            + r[0]
                            + " elements, sum "
                            + r[1]);
        }
    }

    static final class UsesWindowState
            extends ProcessWindowFunction<Long, String, Integer, TimeWindow> {
        @Override
        public void process(
                Integer key, Context ctx, Iterable<Long> elements, Collector<String> out)
                throws Exception {
            ctx.windowState().getState(new ValueStateDescriptor<>("x", Types.INT)).update(1);
        }
    }
}
