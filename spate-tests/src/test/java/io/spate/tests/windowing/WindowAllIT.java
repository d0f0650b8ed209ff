package io.spate.tests.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.functions.Collector;
import io.spate.api.common.state.ValueState;
import io.spate.api.common.state.ValueStateDescriptor;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import io.spate.api.windowing.functions.ProcessAllWindowFunction;
import io.spate.api.windowing.windows.GlobalWindow;
import io.spate.api.windowing.windows.TimeWindow;
import io.spate.common.util.CloseableIterator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Windows over a whole, non-keyed stream ({@code windowAll}, {@code countWindowAll}) and count
 * windows per key, in jobs with parallel sources.
 */
class WindowAllIT {
    private static final int PARALLELISM = 4;
    private static final long BOUND = 10;

    private final List<Events> events =
            Events.random(new SplittableRandom(99), 5_000, 20, -10_000, 20_000);

    @Test
    void windowAllSeesEveryElementOfTheStreamInOneSubtask() throws Exception {
        Map<Long, long[]> expected = new TreeMap<>();
        for (Events e : events) {
            long[] agg =
                    expected.computeIfAbsent(Math.floorDiv(e.ts(), 1000) * 1000, k -> new long[2]);
            agg[0]++;
            agg[1] += e.value();
        }
        List<String> expectedLines = new ArrayList<>();
        long firing = 0;
        for (var e : expected.entrySet()) {
            expectedLines.add(
                    e.getKey()
                            + ": "
                            + e.getValue()[0]
                            + " elements, sum "
                            + e.getValue()[1]
                            + ", firing "
                            + ++firing
                            + " of 1 subtask(s)");
        }

        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(PARALLELISM);
        DataStream<String> out =
                Events.source(
                                env,
                                Events.shuffledWithin(events, BOUND, new SplittableRandom(1)),
                                BOUND,
                                "events")
                        .windowAll(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                        .process(new Totals());
        assertThat(sortedByWindow(collect(out))).isEqualTo(expectedLines);
    }

    @Test
    void windowAllAggregationsAndApply() throws Exception {
        // One window, [-12 h, 12 h), holds all events (they lie within 10 s of the epoch).
        long total = 0;
        for (Events e : events) {
            total += e.value();
        }
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(PARALLELISM);
        DataStream<Long> values =
                Events.source(env, events, BOUND, "events").map(Events::value).returns(Types.LONG);
        List<Long> sums =
                collect(
                        values.windowAll(
                                        TumblingEventTimeWindows.of(
                                                Duration.ofDays(1), Duration.ofHours(-12)))
                                .sum(0));
        assertThat(sums).containsExactly(total);

        StreamExecutionEnvironment env2 =
                StreamExecutionEnvironment.createLocalEnvironment(PARALLELISM);
        List<String> applied =
                collect(
                        Events.source(env2, events, BOUND, "events")
                                .map(Events::value)
                                .returns(Types.LONG)
                                .windowAll(
                                        TumblingEventTimeWindows.of(
                                                Duration.ofDays(1), Duration.ofHours(-12)))
                                .reduce(Math::max, new Describe()));
        assertThat(applied).containsExactly("max " + (events.size() - 1));
    }

    @Test
    void countWindowAllGroupsTheWholeStreamByCount() throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(PARALLELISM);
        List<Long> counts =
                collect(env.fromSequence(1, 1000).map(v -> 1L).countWindowAll(100).sum(0));
        assertThat(counts).hasSize(10).containsOnly(100L);

        StreamExecutionEnvironment env2 =
                StreamExecutionEnvironment.createLocalEnvironment(PARALLELISM);
        List<Long> sliding =
                collect(env2.fromSequence(1, 1000).map(v -> 1L).countWindowAll(100, 50).sum(0));
        // Every 50 elements, the last 100: the first firing sees 50.
        assertThat(sliding).hasSize(20).startsWith(50L).containsOnly(50L, 100L);
    }

    @Test
    void countWindowsPerKeyFollowEachKeysOrder() throws Exception {
        // A single-split source keeps each key's order: count windows are then exact.
        List<Long> input = new ArrayList<>();
        for (long i = 0; i < 3000; i++) {
            input.add(i);
        }
        Map<Long, List<Long>> perKey = new HashMap<>();
        List<Long> expectedTumbling = new ArrayList<>();
        List<Long> expectedSliding = new ArrayList<>();
        for (long v : input) {
            List<Long> seen = perKey.computeIfAbsent(v % 7, k -> new ArrayList<>());
            seen.add(v);
            if (seen.size() % 10 == 0) {
                expectedTumbling.add(sum(seen.subList(seen.size() - 10, seen.size())));
            }
            if (seen.size() % 4 == 0) {
                expectedSliding.add(sum(seen.subList(Math.max(0, seen.size() - 10), seen.size())));
            }
        }
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(PARALLELISM);
        List<Long> tumbling =
                collect(env.fromCollection(input).keyBy(v -> v % 7).countWindow(10).sum(0));
        StreamExecutionEnvironment env2 =
                StreamExecutionEnvironment.createLocalEnvironment(PARALLELISM);
        List<Long> sliding =
                collect(
                        env2.fromCollection(input)
                                .keyBy(v -> v % 7)
                                .countWindow(10, 4)
                                .apply(new SumAll()));
        assertThat(sorted(tumbling)).isEqualTo(sorted(expectedTumbling));
        assertThat(sorted(sliding)).isEqualTo(sorted(expectedSliding));
    }

    private static long sum(List<Long> values) {
        long s = 0;
        for (long v : values) {
            s += v;
        }
        return s;
    }

    private static List<Long> sorted(List<Long> values) {
        List<Long> copy = new ArrayList<>(values);
        copy.sort(null);
        return copy;
    }

    private static List<String> sortedByWindow(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        copy.sort((a, b) -> Long.compare(startOf(a), startOf(b)));
        return copy;
    }

    private static long startOf(String line) {
        return Long.parseLong(line.substring(0, line.indexOf(':')));
    }

    private static <T> List<T> collect(DataStream<T> stream) throws Exception {
        List<T> out = new ArrayList<>();
        try (CloseableIterator<T> it = stream.executeAndCollect()) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    /** Counts and sums each window; counts firings in global state; reports its parallelism. */
    static final class Totals extends ProcessAllWindowFunction<Events, String, TimeWindow> {
        private static final ValueStateDescriptor<Long> FIRINGS =
                new ValueStateDescriptor<>("firings", Types.LONG);

        @Override
        public void process(Context ctx, Iterable<Events> elements, Collector<String> out)
                throws Exception {
            long n = 0;
            long sum = 0;
            for (Events e : elements) {
                n++;
                sum += e.value();
            }
            ValueState<Long> firings = ctx.globalState().getState(FIRINGS);
            long f = firings.value() == null ? 1 : firings.value() + 1;
            firings.update(f);
            out.collect(
                    ctx.window().getStart()
                            + ": "
                            + n
                            + " elements, sum "
                            + sum
                            + ", firing "
                            + f
                            + " of "
                            + getRuntimeContext().getNumberOfParallelSubtasks()
                            + " subtask(s)");
        }
    }

    static final class Describe extends ProcessAllWindowFunction<Long, String, TimeWindow> {
        @Override
        public void process(Context ctx, Iterable<Long> max, Collector<String> out) {
            out.collect("max " + max.iterator().next());
        }
    }

    static final class SumAll
            implements io.spate.api.windowing.functions.WindowFunction<
                    Long, Long, Long, GlobalWindow> {
        @Override
        public void apply(Long key, GlobalWindow w, Iterable<Long> values, Collector<Long> out) {
            long s = 0;
            for (long v : values) {
                s += v;
            }
            out.collect(s);
        }
    }
}
