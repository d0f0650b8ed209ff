package io.spate.examples.aggregation;

import io.spate.api.common.functions.Collector;
import io.spate.api.common.functions.OpenContext;
import io.spate.api.common.state.ValueState;
import io.spate.api.common.state.ValueStateDescriptor;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.connector.source.lib.DataGeneratorSource;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.KeyedProcessFunction;
import java.util.Locale;

/**
 * A keyed running aggregation: for every sensor, the number of readings, their running average and
 * the highest value so far, updated with every reading.
 *
 * <pre>
 *   spate run --class io.spate.examples.aggregation.SensorAggregation spate-examples.jar \
 *       --events 2000 --rate 200
 * </pre>
 */
public final class SensorAggregation {
    private SensorAggregation() {}

    /** One reading of a sensor. */
    public record Reading(String sensor, double value) {}

    /** The running statistics of one sensor. */
    public record Stats(String sensor, long count, double sum, double max) {
        public double average() {
            return sum / count;
        }

        Stats add(double value) {
            return new Stats(sensor, count + 1, sum + value, Math.max(max, value));
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%s: %d readings, avg %.2f, max %.2f",
                    sensor,
                    count,
                    average(),
                    max);
        }
    }

    /** Reading {@code i}: one of ten sensors, a deterministic value between 15 and 35. */
    public static Reading reading(long i) {
        long h = (i * 0x9E3779B97F4A7C15L) ^ (i >>> 7);
        String sensor = "sensor-" + Math.floorMod(h >>> 11, 10);
        double value = 15 + Math.floorMod(h >>> 24, 2000) / 100.0;
        return new Reading(sensor, value);
    }

    /** The running statistics of each sensor, one update per reading. */
    public static DataStream<Stats> statistics(DataStream<Reading> readings) {
        return readings.keyBy(Reading::sensor)
                .process(new RunningStats())
                .name("Running statistics");
    }

    /** Keeps one {@link Stats} per sensor in keyed state. */
    public static final class RunningStats extends KeyedProcessFunction<String, Reading, Stats> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Stats> stats;

        @Override
        public void open(OpenContext openContext) {
            stats = getRuntimeContext().getState(new ValueStateDescriptor<>("stats", Stats.class));
        }

        @Override
        public void processElement(Reading reading, Context ctx, Collector<Stats> out)
                throws Exception {
            Stats current = stats.value();
            Stats next =
                    (current == null
                                    ? new Stats(reading.sensor(), 0, 0, Double.NEGATIVE_INFINITY)
                                    : current)
                            .add(reading.value());
            stats.update(next);
            out.collect(next);
        }
    }

    public static void main(String[] args) throws Exception {
        long events = 1000;
        double rate = 100;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--events":
                    events = Long.parseLong(args[i + 1]);
                    break;
                case "--rate":
                    rate = Double.parseDouble(args[i + 1]);
                    break;
                default:
                    throw new IllegalArgumentException(
                            "Unknown argument '" + args[i] + "'; use --events N and --rate R");
            }
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        DataStream<Reading> readings =
                env.fromSource(
                        new DataGeneratorSource<>(
                                SensorAggregation::reading,
                                events,
                                rate,
                                TypeInfo.of(Reading.class)),
                        "Sensor readings");
        statistics(readings).print();
        env.execute("Sensor statistics");
    }
}
