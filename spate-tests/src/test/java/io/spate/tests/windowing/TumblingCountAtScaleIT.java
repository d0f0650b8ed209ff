package io.spate.tests.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.eventtime.WatermarkStrategy;
import io.spate.api.common.functions.AggregateFunction;
import io.spate.api.common.functions.Collector;
import io.spate.api.common.functions.Counter;
import io.spate.api.common.functions.OpenContext;
import io.spate.api.common.functions.RichMapFunction;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.connector.sink.DiscardingSink;
import io.spate.api.connector.source.lib.DataGeneratorSource;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.execution.JobExecutionResult;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import io.spate.api.windowing.functions.ProcessWindowFunction;
import io.spate.api.windowing.windows.TimeWindow;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A tumbling count over 10 million events and 1 million keys keeps one accumulator per key and
 * window — not the elements — and leaves no window state behind once the final watermark passed.
 *
 * <p>Event {@code i} has key {@code i mod 1M} and timestamp {@code i / 1000} ms, so the events span
 * 10 s: two 5 s windows, each with 5 events of every key. The stream has no watermarks but the
 * final one, so all windows stay open until the end: at that moment the window state is at its
 * peak, and it must hold exactly one entry per (key, window) — 2 million, for 10 million elements.
 */
class TumblingCountAtScaleIT {
    private static final long EVENTS = 10_000_000;
    private static final long KEYS = 1_000_000;
    private static final long WINDOWS = 2;

    @Test
    void oneAccumulatorPerKeyAndWindowAndNoStateLeftAtTheEnd() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSource(
                        new DataGeneratorSource<>(i -> i, EVENTS, Types.LONG),
                        WatermarkStrategy.<Long>noWatermarks()
                                .withTimestampAssigner((i, ts) -> i / 1000),
                        "events")
                .keyBy(i -> i % KEYS)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(5)))
                .aggregate(new Count(), new WithKey())
                .name("count")
                .map(new Check())
                .sinkTo(new DiscardingSink<>());
        JobExecutionResult result = env.execute("10M events, 1M keys");
        // For the record (the surefire report keeps it): how long, and the state figures.
        System.out.println(
                EVENTS
                        + " events, "
                        + KEYS
                        + " keys: "
                        + result.getNetRuntime()
                        + "; window state entries at the peak "
                        + result.getCounter("count.windowStateEntriesPeak")
                        + ", after the final watermark "
                        + result.getCounter("count.windowStateEntries"));

        assertThat(result.getCounter("windows")).isEqualTo(KEYS * WINDOWS);
        assertThat(result.getCounter("wrong counts")).isZero();
        assertThat(result.getCounter("count.windowStateEntriesPeak")).isEqualTo(KEYS * WINDOWS);
        assertThat(result.getCounter("count.windowStateEntries")).isZero();
        assertThat(result.getCounter("count.numLateRecordsDropped")).isZero();
    }

    static final class Count implements AggregateFunction<Long, long[], Long> {
        @Override
        public long[] createAccumulator() {
            return new long[1];
        }

        @Override
        public long[] add(Long value, long[] acc) {
            acc[0]++;
            return acc;
        }

        @Override
        public Long getResult(long[] acc) {
            return acc[0];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            a[0] += b[0];
            return a;
        }
    }

    record KeyCount(long key, long windowStart, long count) {}

    static final class WithKey extends ProcessWindowFunction<Long, KeyCount, Long, TimeWindow> {
        @Override
        public void process(Long key, Context ctx, Iterable<Long> counts, Collector<KeyCount> out) {
            out.collect(new KeyCount(key, ctx.window().getStart(), counts.iterator().next()));
        }
    }

    static final class Check extends RichMapFunction<KeyCount, KeyCount> {
        private transient Counter windows;
        private transient Counter wrong;

        @Override
        public void open(OpenContext ctx) {
            windows = getRuntimeContext().getCounter("windows");
            wrong = getRuntimeContext().getCounter("wrong counts");
        }

        @Override
        public KeyCount map(KeyCount c) {
            windows.inc();
            if (c.count() != EVENTS / KEYS / WINDOWS) {
                wrong.inc();
            }
            return c;
        }
    }
}
