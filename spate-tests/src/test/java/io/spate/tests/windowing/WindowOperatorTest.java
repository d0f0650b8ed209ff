package io.spate.tests.windowing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.functions.AggregateFunction;
import io.spate.api.common.functions.Collector;
import io.spate.api.common.functions.OpenContext;
import io.spate.api.common.state.ValueState;
import io.spate.api.common.state.ValueStateDescriptor;
import io.spate.api.common.tuple.Tuple2;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.datastream.OutputTag;
import io.spate.api.execution.OperatorException;
import io.spate.api.windowing.assigners.SlidingEventTimeWindows;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import io.spate.api.windowing.functions.ProcessWindowFunction;
import io.spate.api.windowing.functions.WindowFunction;
import io.spate.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The window operator's basic contract, one call at a time: windows fire when the watermark passes
 * their end, with one result per key and window stamped with the window's max timestamp; the kinds
 * of window functions; per-window and per-key state; and no state left behind.
 */
class WindowOperatorTest {
    private static final TumblingEventTimeWindows TUMBLING_10 =
            TumblingEventTimeWindows.of(Duration.ofMillis(10));

    @Test
    void aTumblingReduceFiresEachKeysWindowWhenTheWatermarkPassesItsEnd() throws Exception {
        try (var w =
                WindowHarness.of(
                        Ev.TYPE,
                        s ->
                                s.keyBy(Ev::key)
                                        .window(TUMBLING_10)
                                        .reduce((a, b) -> Ev.of(a.key(), a.value() + b.value())))) {
            w.element(Ev.of("a", 1), 0);
            w.element(Ev.of("b", 10), 3);
            w.element(Ev.of("a", 2), 9);
            w.element(Ev.of("a", 4), 10);
            w.watermark(8);
            assertThat(w.take()).isEmpty();
            w.watermark(9);
            assertThat(w.takeWithTimestamps()).containsExactlyInAnyOrder("a3@9", "b10@9");
            w.element(Ev.of("b", 20), 15);
            w.watermark(19);
            assertThat(w.takeWithTimestamps()).containsExactlyInAnyOrder("a4@19", "b20@19");
            assertThat(w.stateEntries()).isZero();
        }
    }

    @Test
    void windowsAlignToTheOffsetAlsoForNegativeTimestamps() throws Exception {
        try (var w =
                WindowHarness.of(
                        Types.LONG,
                        s ->
                                s.keyBy(v -> 0)
                                        .window(
                                                TumblingEventTimeWindows.of(
                                                        Duration.ofMillis(10),
                                                        Duration.ofMillis(-3)))
                                        .process(new Describe<>()))) {
            for (long ts : new long[] {-14, -13, -4, -3, 6, 7}) {
                w.element(ts, ts);
            }
            w.watermark(Long.MAX_VALUE);
            assertThat(w.take())
                    .containsExactly(
                            "[-23, -13)=[-14]",
                            "[-13, -3)=[-13, -4]",
                            "[-3, 7)=[-3, 6]",
                            "[7, 17)=[7]");
        }
    }

    @Test
    void slidingWindowsEvaluateEveryWindowAnElementFallsInto() throws Exception {
        try (var w =
                WindowHarness.of(
                        Types.LONG,
                        s ->
                                s.keyBy(v -> 0)
                                        .window(
                                                SlidingEventTimeWindows.of(
                                                        Duration.ofMillis(10),
                                                        Duration.ofMillis(5)))
                                        .process(new Describe<>()))) {
            w.element(1L, 1);
            w.element(7L, 7);
            w.element(12L, 12);
            w.watermark(9);
            assertThat(w.takeWithTimestamps()).containsExactly("[-5, 5)=[1]@4", "[0, 10)=[1, 7]@9");
            w.watermark(Long.MAX_VALUE);
            assertThat(w.takeWithTimestamps())
                    .containsExactly("[5, 15)=[7, 12]@14", "[10, 20)=[12]@19");
            assertThat(w.stateEntries()).isZero();
        }
    }

    @Test
    void aggregateKeepsAnAccumulatorAndHandsItsResultToTheWindowFunction() throws Exception {
        try (var w =
                WindowHarness.of(
                        Ev.TYPE,
                        s ->
                                s.keyBy(Ev::key)
                                        .window(TUMBLING_10)
                                        .aggregate(new Average(), new Describe<>()))) {
            w.element(Ev.of("a", 1), 1);
            w.element(Ev.of("a", 2), 2);
            w.element(Ev.of("a", 6), 3);
            w.element(Ev.of("b", 5), 4);
            w.watermark(Long.MAX_VALUE);
            assertThat(w.take()).containsExactlyInAnyOrder("[0, 10)=[3.0]", "[0, 10)=[5.0]");
            assertThat(w.stateEntries()).isZero();
        }
    }

    @Test
    void processSeesEveryElementInArrivalOrderWithItsKey() throws Exception {
        try (var w =
                WindowHarness.of(
                        Ev.TYPE,
                        s -> s.keyBy(Ev::key).window(TUMBLING_10).process(new KeyAndElements()))) {
            w.element(Ev.of("a", 3), 5);
            w.element(Ev.of("a", 1), 2);
            w.element(Ev.of("a", 2), 8);
            w.watermark(Long.MAX_VALUE);
            assertThat(w.take()).containsExactly("a: [a3, a1, a2]");
        }
    }

    @Test
    void reduceAndApplyWithWindowFunctions() throws Exception {
        try (var w =
                WindowHarness.of(
                        Types.LONG,
                        s ->
                                s.keyBy(v -> v % 2)
                                        .window(TUMBLING_10)
                                        .reduce(Long::sum, new SumWithWindow()))) {
            w.element(1L, 1);
            w.element(3L, 2);
            w.element(4L, 3);
            w.watermark(Long.MAX_VALUE);
            assertThat(w.take()).containsExactlyInAnyOrder("1 in [0, 10): 4", "0 in [0, 10): 4");
        }
        try (var w =
                WindowHarness.of(
                        Types.LONG,
                        s ->
                                s.keyBy(v -> v % 2)
                                        .window(TUMBLING_10)
                                        .apply(new CountWithWindow()))) {
            w.element(1L, 1);
            w.element(3L, 2);
            w.element(4L, 3);
            w.watermark(Long.MAX_VALUE);
            assertThat(w.take()).containsExactlyInAnyOrder("1 in [0, 10): 2", "0 in [0, 10): 1");
        }
    }

    @Test
    void fieldAggregationsPerWindow() throws Exception {
        TypeInfo<Tuple2<String, Integer>> type = Types.TUPLE(Types.STRING, Types.INT);
        List<List<String>> results = new ArrayList<>();
        for (int kind = 0; kind < 5; kind++) {
            int k = kind;
            try (var w =
                    WindowHarness.of(
                            type,
                            s -> {
                                var windowed = s.keyBy(t -> t.f0, Types.STRING).window(TUMBLING_10);
                                switch (k) {
                                    case 0:
                                        return windowed.sum(1);
                                    case 1:
                                        return windowed.min(1);
                                    case 2:
                                        return windowed.max("f1");
                                    case 3:
                                        return windowed.minBy(1);
                                    default:
                                        return windowed.maxBy(1);
                                }
                            })) {
                w.element(Tuple2.of("a", 3), 1);
                w.element(Tuple2.of("a", 1), 2);
                w.element(Tuple2.of("a", 5), 3);
                w.element(Tuple2.of("a", 7), 12);
                w.watermark(Long.MAX_VALUE);
                List<String> out = new ArrayList<>();
                for (Tuple2<String, Integer> t : w.take()) {
                    out.add(t.f0 + t.f1);
                }
                results.add(out);
            }
        }
        assertThat(results)
                .containsExactly(
                        List.of("a9", "a7"),
                        List.of("a1", "a7"),
                        List.of("a5", "a7"),
                        List.of("a1", "a7"),
                        List.of("a5", "a7"));
    }

    static final OutputTag<String> NOTES = new OutputTag<>("notes") {};

    @Test
    void windowStateIsPerWindowAndGoneAtCleanupWhileGlobalStateStays() throws Exception {
        try (var w =
                WindowHarness.of(
                        Ev.TYPE,
                        s ->
                                s.keyBy(Ev::key)
                                        .window(TUMBLING_10)
                                        .allowedLateness(Duration.ofMillis(20))
                                        .process(new Firings()),
                        NOTES)) {
            w.element(Ev.of("a", 1), 1);
            w.element(Ev.of("a", 2), 11);
            w.watermark(10);
            w.element(Ev.of("a", 3), 2); // late, within the lateness: fires [0, 10) again
            w.watermark(20);
            assertThat(w.takeWithTimestamps())
                    .containsExactly(
                            "[0, 10) firing 1 of 1 for a@9",
                            "[0, 10) firing 2 of 2 for a@9",
                            "[10, 20) firing 1 of 3 for a@19");
            w.watermark(29); // the end of [0, 10) plus the allowed lateness: its cleanup
            assertThat(w.h.getSideOutput(NOTES))
                    .extracting(r -> r.value() + "@" + r.timestamp())
                    .containsExactly("cleared [0, 10)@9");
            w.watermark(Long.MAX_VALUE);
            // Only the key's global firing count is left: per-window state, contents and trigger
            // timers of both windows are gone.
            assertThat(w.stateEntries()).isEqualTo(1);
        }
    }

    @Test
    void anElementWithoutTimestampFailsNamingTheCure() throws Exception {
        try (var w =
                WindowHarness.of(Types.LONG, s -> s.keyBy(v -> 0).window(TUMBLING_10).sum(0))) {
            assertThatThrownBy(() -> w.h.processElement(1L))
                    .isInstanceOf(OperatorException.class)
                    .hasMessageContaining("'w'")
                    .rootCause()
                    .hasMessageContaining("without a timestamp")
                    .hasMessageContaining("assignTimestampsAndWatermarks");
        }
    }

    // ------------------------------------------------------------------ functions

    /** "[start, end)=[elements]" for every window. */
    static final class Describe<T, K> extends ProcessWindowFunction<T, String, K, TimeWindow> {
        @Override
        public void process(K key, Context ctx, Iterable<T> elements, Collector<String> out) {
            List<T> all = new ArrayList<>();
            elements.forEach(all::add);
            out.collect("[" + ctx.window().getStart() + ", " + ctx.window().getEnd() + ")=" + all);
        }
    }

    static final class KeyAndElements
            extends ProcessWindowFunction<Ev, String, String, TimeWindow> {
        @Override
        public void process(String key, Context ctx, Iterable<Ev> elements, Collector<String> out) {
            List<Ev> all = new ArrayList<>();
            elements.forEach(all::add);
            out.collect(key + ": " + all);
        }
    }

    static final class Average implements AggregateFunction<Ev, long[], Double> {
        @Override
        public long[] createAccumulator() {
            return new long[2];
        }

        @Override
        public long[] add(Ev value, long[] acc) {
            return new long[] {acc[0] + value.value(), acc[1] + 1};
        }

        @Override
        public Double getResult(long[] acc) {
            return (double) acc[0] / acc[1];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            return new long[] {a[0] + b[0], a[1] + b[1]};
        }
    }

    static final class SumWithWindow extends ProcessWindowFunction<Long, String, Long, TimeWindow> {
        @Override
        public void process(Long key, Context ctx, Iterable<Long> sums, Collector<String> out) {
            TimeWindow w = ctx.window();
            out.collect(
                    key
                            + " in ["
                            + w.getStart()
                            + ", "
                            + w.getEnd()
                            + "): "
                            + sums.iterator().next());
        }
    }

    static final class CountWithWindow implements WindowFunction<Long, String, Long, TimeWindow> {
        @Override
        public void apply(Long key, TimeWindow w, Iterable<Long> input, Collector<String> out) {
            int n = 0;
            for (Long ignored : input) {
                n++;
            }
            out.collect(key + " in [" + w.getStart() + ", " + w.getEnd() + "): " + n);
        }
    }

    /**
     * Counts firings per window (window state) and per key (global state); notes on a side output
     * when a window is cleared.
     */
    static final class Firings extends ProcessWindowFunction<Ev, String, String, TimeWindow> {
        private static final ValueStateDescriptor<Integer> PER_WINDOW =
                new ValueStateDescriptor<>("window-firings", Types.INT);
        private static final ValueStateDescriptor<Integer> PER_KEY =
                new ValueStateDescriptor<>("key-firings", Types.INT);
        private transient boolean opened;

        @Override
        public void open(OpenContext ctx) {
            opened = true;
        }

        @Override
        public void process(String key, Context ctx, Iterable<Ev> elements, Collector<String> out)
                throws Exception {
            assertThat(opened).isTrue();
            int window = increment(ctx.windowState().getState(PER_WINDOW));
            int all = increment(ctx.globalState().getState(PER_KEY));
            TimeWindow w = ctx.window();
            out.collect(
                    "["
                            + w.getStart()
                            + ", "
                            + w.getEnd()
                            + ") firing "
                            + window
                            + " of "
                            + all
                            + " for "
                            + key);
        }

        @Override
        public void clear(Context ctx) throws Exception {
            if (ctx.window().getStart() == 0) {
                assertThat(ctx.windowState().getState(PER_WINDOW).value()).isEqualTo(2);
                ctx.output(NOTES, "cleared [0, 10)");
            }
        }

        private static int increment(ValueState<Integer> state) throws Exception {
            int n = state.value() == null ? 1 : state.value() + 1;
            state.update(n);
            return n;
        }
    }
}
