package io.spate.tests.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.functions.AggregateFunction;
import io.spate.api.common.functions.Collector;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.OutputTag;
import io.spate.api.datastream.SingleOutputStreamOperator;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.execution.JobExecutionException;
import io.spate.api.windowing.assigners.EventTimeSessionWindows;
import io.spate.api.windowing.assigners.SlidingEventTimeWindows;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import io.spate.api.windowing.assigners.WindowAssigner;
import io.spate.api.windowing.functions.ProcessWindowFunction;
import io.spate.api.windowing.windows.TimeWindow;
import io.spate.common.util.CloseableIterator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * For a bounded input whose disorder stays within the watermarks' bound, window results do not
 * depend on the order of the input nor on the parallelism: for every shuffle within the bound, at
 * parallelism 1, 2 and 4, tumbling, sliding and session windows give exactly what a plain batch
 * computation over all events gives, and no element is late.
 */
class WindowResultsIT {
    private static final int EVENTS = 20_000;
    private static final int KEYS = 50;
    private static final long BOUND = 50;
    static final OutputTag<Events> LATE = new OutputTag<>("late") {};

    /** A window's result: its key and bounds, how many elements, and their values' sum. */
    record Result(long key, long start, long end, long count, long sum)
            implements Comparable<Result> {
        @Override
        public int compareTo(Result o) {
            int c = Long.compare(key, o.key);
            c = c != 0 ? c : Long.compare(start, o.start);
            c = c != 0 ? c : Long.compare(end, o.end);
            return c != 0 ? c : Long.compare(count, o.count);
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void resultsEqualABatchComputationForEveryShuffleWithinTheBound(int parallelism)
            throws Exception {
        SplittableRandom random = new SplittableRandom(parallelism);
        List<Events> events = Events.random(random, EVENTS, KEYS, -30_000, 60_000);
        List<Result> tumbling = batchFixedWindows(events, 1000, 1000);
        List<Result> sliding = batchFixedWindows(events, 3000, 1000);
        List<Result> sessions = batchSessions(events, 200);
        for (int shuffle = 0; shuffle < 2; shuffle++) {
            List<Events> input = Events.shuffledWithin(events, BOUND, random);
            assertThat(
                            run(
                                    input,
                                    parallelism,
                                    TumblingEventTimeWindows.of(Duration.ofSeconds(1)),
                                    0))
                    .as("tumbling, shuffle %d", shuffle)
                    .isEqualTo(tumbling);
            assertThat(
                            run(
                                    input,
                                    parallelism,
                                    SlidingEventTimeWindows.of(
                                            Duration.ofSeconds(3), Duration.ofSeconds(1)),
                                    1))
                    .as("sliding, shuffle %d", shuffle)
                    .isEqualTo(sliding);
            assertThat(
                            run(
                                    input,
                                    parallelism,
                                    EventTimeSessionWindows.withGap(Duration.ofMillis(200)),
                                    2))
                    .as("sessions, shuffle %d", shuffle)
                    .isEqualTo(sessions);
        }
    }

    /**
     * Runs the windows over {@code input}, evaluated as an incremental aggregate (0), a reduce (1)
     * or a process function over all elements (2), and returns the sorted results; late elements
     * would arrive as results with count -1.
     */
    private static List<Result> run(
            List<Events> input,
            int parallelism,
            WindowAssigner<Object, TimeWindow> assigner,
            int function)
            throws JobExecutionException {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        DataStream<Events> source = Events.source(env, input, BOUND, "events");
        if (function == 1) {
            // A reduce keeps one element: let its ts field count (timestamps travel apart).
            source = source.map(e -> new Events(e.key(), 1, e.value()));
        }
        var windowed = source.keyBy(Events::key).window(assigner).sideOutputLateData(LATE);
        SingleOutputStreamOperator<Result> results;
        switch (function) {
            case 0:
                results = windowed.aggregate(new CountAndSum(), new ToResult());
                break;
            case 1:
                results =
                        windowed.reduce(
                                (a, b) ->
                                        new Events(a.key(), a.ts() + b.ts(), a.value() + b.value()),
                                new FromReduced());
                break;
            default:
                results = windowed.process(new FromElements());
        }
        var all =
                results.union(
                        results.getSideOutput(LATE)
                                .map(e -> new Result(e.key(), e.ts(), e.ts(), -1, e.value()))
                                .returns(Result.class));
        List<Result> out = new ArrayList<>();
        try (CloseableIterator<Result> it = all.executeAndCollect()) {
            it.forEachRemaining(out::add);
        }
        out.sort(null);
        return out;
    }

    /** Windows of {@code size} starting every {@code slide}, computed per event directly. */
    static List<Result> batchFixedWindows(List<Events> events, long size, long slide) {
        Map<List<Long>, long[]> windows =
                new TreeMap<>(
                        (a, b) -> {
                            for (int i = 0; i < a.size(); i++) {
                                int c = Long.compare(a.get(i), b.get(i));
                                if (c != 0) {
                                    return c;
                                }
                            }
                            return 0;
                        });
        for (Events e : events) {
            for (long start = Math.floorDiv(e.ts(), slide) * slide;
                    start > e.ts() - size;
                    start -= slide) {
                long[] agg = windows.computeIfAbsent(List.of(e.key(), start), k -> new long[2]);
                agg[0]++;
                agg[1] += e.value();
            }
        }
        List<Result> out = new ArrayList<>();
        windows.forEach(
                (k, v) -> out.add(new Result(k.get(0), k.get(1), k.get(1) + size, v[0], v[1])));
        out.sort(null);
        return out;
    }

    /** Sessions per key: sort by time, cut where the distance exceeds the gap. */
    static List<Result> batchSessions(List<Events> events, long gap) {
        Map<Long, List<Events>> perKey = new HashMap<>();
        for (Events e : events) {
            perKey.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e);
        }
        List<Result> out = new ArrayList<>();
        perKey.forEach(
                (key, es) -> {
                    es.sort(java.util.Comparator.comparingLong(Events::ts));
                    int i = 0;
                    while (i < es.size()) {
                        int j = i;
                        long sum = es.get(i).value();
                        while (j + 1 < es.size() && es.get(j + 1).ts() - es.get(j).ts() <= gap) {
                            sum += es.get(++j).value();
                        }
                        out.add(
                                new Result(
                                        key, es.get(i).ts(), es.get(j).ts() + gap, j - i + 1, sum));
                        i = j + 1;
                    }
                });
        out.sort(null);
        return out;
    }

    static final class CountAndSum implements AggregateFunction<Events, long[], long[]> {
        @Override
        public long[] createAccumulator() {
            return new long[2];
        }

        @Override
        public long[] add(Events e, long[] acc) {
            acc[0]++;
            acc[1] += e.value();
            return acc;
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

    static final class ToResult extends ProcessWindowFunction<long[], Result, Long, TimeWindow> {
        @Override
        public void process(Long key, Context ctx, Iterable<long[]> aggs, Collector<Result> out) {
            long[] a = aggs.iterator().next();
            out.collect(
                    new Result(key, ctx.window().getStart(), ctx.window().getEnd(), a[0], a[1]));
        }
    }

    /** The reduced element's ts field holds the count. */
    static final class FromReduced extends ProcessWindowFunction<Events, Result, Long, TimeWindow> {
        @Override
        public void process(Long key, Context ctx, Iterable<Events> sums, Collector<Result> out) {
            Events sum = sums.iterator().next();
            out.collect(
                    new Result(
                            key,
                            ctx.window().getStart(),
                            ctx.window().getEnd(),
                            sum.ts(),
                            sum.value()));
        }
    }

    static final class FromElements
            extends ProcessWindowFunction<Events, Result, Long, TimeWindow> {
        @Override
        public void process(
                Long key, Context ctx, Iterable<Events> elements, Collector<Result> out) {
            long count = 0;
            long sum = 0;
            for (Events e : elements) {
                count++;
                sum += e.value();
            }
            out.collect(
                    new Result(key, ctx.window().getStart(), ctx.window().getEnd(), count, sum));
        }
    }
}
