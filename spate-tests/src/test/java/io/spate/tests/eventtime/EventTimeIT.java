package io.spate.tests.eventtime;

import static io.spate.tests.eventtime.ScheduledSource.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spate.api.common.eventtime.WatermarkStrategy;
import io.spate.api.common.functions.Collector;
import io.spate.api.common.functions.Counter;
import io.spate.api.common.functions.OpenContext;
import io.spate.api.common.state.MapState;
import io.spate.api.common.state.MapStateDescriptor;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.connector.sink.DiscardingSink;
import io.spate.api.connector.source.lib.DataGeneratorSource;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.execution.JobClient;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.common.time.ManualClock;
import io.spate.tests.eventtime.ScheduledSource.Reading;
import io.spate.tests.eventtime.ScheduledSource.Split;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Event time on the embedded engine, with its worker threads: per-split watermarks that keep
 * disordered input on time at any parallelism, an idle split that does not stall the others, and
 * the end of a bounded input firing every timer.
 */
class EventTimeIT {

    /** An event of {@code key} at {@code time}. */
    record Event(long key, long time) {}

    /** Event {@code i}: times ascend by 10 ms, each moved back by up to 89 ms. */
    static Event event(long i) {
        long jitter = Math.floorMod(i * 2_654_435_761L, 90);
        return new Event(Math.floorMod(i * 31, 17), i * 10 - jitter);
    }

    /**
     * Counts events per key and second of event time, emitting {@code key/second=count} when the
     * watermark passes the end of the second; counts events that arrive behind the watermark.
     */
    static final class CountPerSecond extends KeyedProcessFunction<Long, Event, String> {
        private transient MapState<Long, Long> counts;
        private transient Counter late;

        @Override
        public void open(OpenContext ctx) {
            counts =
                    getRuntimeContext()
                            .getMapState(
                                    new MapStateDescriptor<>("counts", Types.LONG, Types.LONG));
            late = getRuntimeContext().getCounter("late");
        }

        @Override
        public void processElement(Event e, Context ctx, Collector<String> out) throws Exception {
            if (e.time() <= ctx.timerService().currentWatermark()) {
                late.inc();
                return;
            }
            long second = Math.floorDiv(e.time(), 1000);
            Long n = counts.get(second);
            counts.put(second, n == null ? 1 : n + 1);
            ctx.timerService().registerEventTimeTimer(second * 1000 + 999);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out)
                throws Exception {
            long second = Math.floorDiv(timestamp, 1000);
            out.collect(ctx.getCurrentKey() + "/" + second + "=" + counts.get(second));
            counts.remove(second);
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void disorderWithinTheBoundOfEachSplitIsNeverLateAndCountsEqualABatchComputation(
            int parallelism) throws Exception {
        long n = 200_000;
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        List<String> results =
                env.fromSource(
                                new DataGeneratorSource<>(
                                        EventTimeIT::event, n, TypeInfo.of(Event.class)),
                                WatermarkStrategy.<Event>forBoundedOutOfOrderness(
                                                Duration.ofMillis(90))
                                        .withTimestampAssigner((e, ts) -> e.time()),
                                "Events")
                        .keyBy(Event::key)
                        .process(new CountPerSecond())
                        .returns(Types.STRING)
                        .executeAndCollect((int) n);

        Map<String, Long> expected = new TreeMap<>();
        for (long i = 0; i < n; i++) {
            Event e = event(i);
            expected.merge(e.key() + "/" + Math.floorDiv(e.time(), 1000), 1L, Long::sum);
        }
        Map<String, Long> actual = new TreeMap<>();
        for (String r : results) {
            String[] kv = r.split("=");
            assertThat(actual.put(kv[0], Long.parseLong(kv[1])))
                    .as("each key and second is emitted once: %s", r)
                    .isNull();
        }
        assertThat(actual).isEqualTo(expected);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void anIdleSplitDoesNotStallTheTimersOfTheOthers(int parallelism) throws Exception {
        // The engine reads a manual clock: the test moves it, the worker threads follow.
        ManualClock clock = new ManualClock(0);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.setClock(clock);
        env.fromSource(
                        new ScheduledSource(
                                Split.every("busy", 1_000), Split.open("quiet", at(0, 0))),
                        WatermarkStrategy.<Reading>forMonotonousTimestamps(),
                        "Scheduled",
                        TypeInfo.of(Reading.class))
                .keyBy(Reading::split)
                .process(new SourceWatermarksTest.FireAtTime())
                .returns(Types.STRING)
                .sinkTo(new DiscardingSink<>());
        JobClient client = env.executeAsync("idle split");
        try {
            // Each poll moves processing time on by half a second. The quiet split goes idle after
            // 30 s of it; from then on the busy split's readings fire their timers.
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(5))
                    .until(
                            () -> {
                                clock.advance(Duration.ofMillis(500));
                                return client.getMetrics().get(5, TimeUnit.SECONDS).getRecordsOut()
                                        >= 40;
                            });
            assertThat(clock.millis()).as("not before the idle timeout").isGreaterThan(30_000);
        } finally {
            client.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    /** Registers a timer at the end of time for each key; emits the key when it fires. */
    static final class AtTheEnd extends KeyedProcessFunction<Long, Long, Long> {
        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) {
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE - 1);
            ctx.timerService().registerEventTimeTimer(value);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<Long> out) {
            if (timestamp == Long.MAX_VALUE - 1) {
                out.collect(ctx.getCurrentKey());
            }
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 3})
    void theEndOfABoundedInputFiresEveryEventTimeTimer(int parallelism) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        // No watermarks at all: only the end of the input moves event time.
        List<Long> keys =
                env.fromSequence(0, 9_999)
                        .keyBy(v -> v % 1000)
                        .process(new AtTheEnd())
                        .returns(Types.LONG)
                        .executeAndCollect(100_000);

        Map<Long, Integer> seen = new HashMap<>();
        keys.forEach(k -> seen.merge(k, 1, Integer::sum));
        assertThat(seen).hasSize(1000);
        assertThat(seen.values()).containsOnly(1);
    }
}
