package io.spate.tests.windowing;

import io.spate.api.common.eventtime.WatermarkGenerator;
import io.spate.api.common.eventtime.WatermarkOutput;
import io.spate.api.common.eventtime.WatermarkStrategy;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.connector.source.lib.DataGeneratorSource;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random keyed events with event time, and streams of them whose disorder stays within a bound.
 *
 * @param key the key
 * @param ts the event time
 * @param value a value to aggregate (unique, so that results name the elements they contain)
 */
record Events(long key, long ts, long value) {
    static final TypeInfo<Events> TYPE = TypeInfo.of(Events.class);

    /** {@code n} events over {@code keys} keys, spread over {@code span} ms from {@code start}. */
    static List<Events> random(SplittableRandom random, int n, int keys, long start, long span) {
        List<Events> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            events.add(new Events(random.nextInt(keys), start + random.nextLong(span), i));
        }
        events.sort(Comparator.comparingLong(Events::ts));
        return events;
    }

    /**
     * The events in an order where each one comes at most {@code bound} ms of event time after an
     * event with a larger timestamp: sorted by timestamp plus a random delay below the bound.
     */
    static List<Events> shuffledWithin(List<Events> events, long bound, SplittableRandom random) {
        List<long[]> keyed = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            keyed.add(new long[] {events.get(i).ts() + random.nextLong(bound + 1), i});
        }
        keyed.sort(Comparator.comparingLong((long[] k) -> k[0]).thenComparingLong(k -> k[1]));
        List<Events> out = new ArrayList<>(events.size());
        for (long[] k : keyed) {
            out.add(events.get((int) k[1]));
        }
        return out;
    }

    /**
     * A parallel source of {@code events} in their order (each subtask reads a contiguous part),
     * with a watermark after each event that trails the largest timestamp by {@code bound}.
     */
    static DataStream<Events> source(
            StreamExecutionEnvironment env, List<Events> events, long bound, String name) {
        long[] keys = new long[events.size()];
        long[] times = new long[events.size()];
        long[] values = new long[events.size()];
        for (int i = 0; i < events.size(); i++) {
            keys[i] = events.get(i).key();
            times[i] = events.get(i).ts();
            values[i] = events.get(i).value();
        }
        return env.fromSource(
                new DataGeneratorSource<>(
                        i ->
                                new Events(
                                        keys[(int) (long) i],
                                        times[(int) (long) i],
                                        values[(int) (long) i]),
                        events.size(),
                        TYPE),
                WatermarkStrategy.<Events>forGenerator(() -> new EveryEvent<>(bound))
                        .withTimestampAssigner((e, ts) -> e.ts()),
                name);
    }

    /**
     * A watermark after every event, trailing the largest timestamp by the bound: as tight as the
     * bound allows, and independent of processing time, so that runs are repeatable.
     */
    static final class EveryEvent<T> implements WatermarkGenerator<T> {
        private final long bound;
        private long max = Long.MIN_VALUE / 2;

        EveryEvent(long bound) {
            this.bound = bound;
        }

        @Override
        public void onEvent(T event, long timestamp, WatermarkOutput output) {
            if (timestamp > max) {
                max = timestamp;
                output.emitWatermark(max - bound - 1);
            }
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {}
    }
}
