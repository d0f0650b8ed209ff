package io.spate.tests.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.functions.Collector;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.connector.source.lib.FromElementsSource;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.IntervalJoined;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.co.ProcessJoinFunction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Interval joins of random data in real jobs equal a nested-loop join of the same data: random
 * timestamps in a disorder within the watermarks' bound, several keys, inclusive and exclusive,
 * negative and positive bounds, at parallelism 1, 2 and 4. Watermarks advance after every element,
 * so the join cleans its buffers while the data still flows.
 */
class IntervalJoinIT {
    private static final int DISORDER = 30;
    private static final int KEYS = 6;

    /** Bounds as [lower, upper] with each end inclusive or not. */
    record Bounds(long lower, boolean lowerInclusive, long upper, boolean upperInclusive) {
        boolean contains(long leftTime, long rightTime) {
            long d = rightTime - leftTime;
            return (lowerInclusive ? d >= lower : d > lower)
                    && (upperInclusive ? d <= upper : d < upper);
        }

        IntervalJoined<Tick, Tick, Integer> apply(IntervalJoined<Tick, Tick, Integer> join) {
            IntervalJoined<Tick, Tick, Integer> j =
                    lowerInclusive ? join : join.lowerBoundExclusive();
            return upperInclusive ? j : j.upperBoundExclusive();
        }

        @Override
        public String toString() {
            return (lowerInclusive ? "[" : "(")
                    + lower
                    + ", "
                    + upper
                    + (upperInclusive ? "]" : ")");
        }
    }

    static Stream<Arguments> cases() {
        List<Bounds> bounds =
                List.of(
                        new Bounds(-20, true, 20, true),
                        new Bounds(-20, false, 20, false),
                        new Bounds(-45, true, -10, false),
                        new Bounds(5, false, 40, true),
                        new Bounds(0, true, 0, true),
                        new Bounds(-7, false, -6, true));
        List<Arguments> cases = new ArrayList<>();
        for (int parallelism : new int[] {1, 2, 4}) {
            for (Bounds b : bounds) {
                cases.add(Arguments.of(parallelism, b));
            }
        }
        return cases.stream();
    }

    /**
     * {@code count} ticks with times rising by 0..3 per tick, each moved up by at most DISORDER.
     */
    static List<Tick> ticks(Random random, String side, int count) {
        List<Tick> ticks = new ArrayList<>();
        long base = 0;
        for (int i = 0; i < count; i++) {
            base += random.nextInt(4);
            ticks.add(
                    new Tick(random.nextInt(KEYS), base + random.nextInt(DISORDER + 1), side + i));
        }
        return ticks;
    }

    @ParameterizedTest(name = "parallelism {0}, bounds {1}")
    @MethodSource("cases")
    void equalsANestedLoopJoin(int parallelism, Bounds bounds) throws Exception {
        Random random = new Random(parallelism * 31L + bounds.hashCode());
        List<Tick> left = ticks(random, "L", 2500);
        List<Tick> right = ticks(random, "R", 2500);

        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        DataStream<Tick> leftStream = source(env, left, "left");
        DataStream<Tick> rightStream = source(env, right, "right");
        List<String> out =
                ConnectIT.collect(
                        bounds.apply(
                                        leftStream
                                                .keyBy(Tick::key)
                                                .intervalJoin(rightStream.keyBy(Tick::key))
                                                .between(
                                                        Duration.ofMillis(bounds.lower()),
                                                        Duration.ofMillis(bounds.upper())))
                                .process(new Describe())
                                .returns(Types.STRING));

        List<String> expected = new ArrayList<>();
        for (Tick l : left) {
            for (Tick r : right) {
                if (l.key() == r.key() && bounds.contains(l.time(), r.time())) {
                    expected.add(Describe.pair(l, r, Math.max(l.time(), r.time())));
                }
            }
        }
        assertThat(expected).as("the data joins something").isNotEmpty();
        assertThat(ConnectIT.sorted(out)).isEqualTo(ConnectIT.sorted(expected));
    }

    private static DataStream<Tick> source(
            StreamExecutionEnvironment env, List<Tick> ticks, String name) {
        return env.fromSource(
                        new FromElementsSource<>(ticks),
                        EveryEventWatermarks.strategy(DISORDER, (t, ts) -> t.time()),
                        name,
                        TypeInfo.of(Tick.class))
                .setParallelism(1);
    }

    /** The pair and the timestamp the join gave it. */
    static final class Describe extends ProcessJoinFunction<Tick, Tick, String> {
        @Override
        public void processElement(Tick left, Tick right, Context ctx, Collector<String> out) {
            out.collect(pair(left, right, ctx.getTimestamp()));
        }

        static String pair(Tick left, Tick right, long timestamp) {
            return left.key() + ":" + left.id() + "+" + right.id() + "@" + timestamp;
        }
    }
}
