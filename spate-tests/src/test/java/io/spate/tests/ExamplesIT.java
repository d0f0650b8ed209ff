package io.spate.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.connector.source.lib.DataGeneratorSource;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.common.util.CloseableIterator;
import io.spate.examples.aggregation.SensorAggregation;
import io.spate.examples.aggregation.SensorAggregation.Reading;
import io.spate.examples.aggregation.SensorAggregation.Stats;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The examples compute what a plain Java loop computes. */
class ExamplesIT {

    @Test
    void sensorStatisticsEqualAPlainComputation() throws Exception {
        long events = 20_000;
        Map<String, Stats> expected = new HashMap<>();
        for (long i = 0; i < events; i++) {
            Reading r = SensorAggregation.reading(i);
            Stats s = expected.get(r.sensor());
            expected.put(
                    r.sensor(),
                    s == null
                            ? new Stats(r.sensor(), 1, r.value(), r.value())
                            : new Stats(
                                    r.sensor(),
                                    s.count() + 1,
                                    s.sum() + r.value(),
                                    Math.max(s.max(), r.value())));
        }

        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
        var readings =
                env.fromSource(
                        new DataGeneratorSource<>(
                                SensorAggregation::reading, events, TypeInfo.of(Reading.class)),
                        "Readings");
        Map<String, Stats> latest = new HashMap<>();
        long updates = 0;
        try (CloseableIterator<Stats> it =
                SensorAggregation.statistics(readings).executeAndCollect()) {
            while (it.hasNext()) {
                Stats s = it.next();
                updates++;
                latest.merge(s.sensor(), s, (a, b) -> a.count() >= b.count() ? a : b);
            }
        }
        assertThat(updates).isEqualTo(events);
        assertThat(latest.keySet()).isEqualTo(expected.keySet());
        for (Map.Entry<String, Stats> e : expected.entrySet()) {
            Stats actual = latest.get(e.getKey());
            assertThat(actual.count()).isEqualTo(e.getValue().count());
            assertThat(actual.max()).isEqualTo(e.getValue().max());
            // Sums of the same values in a different order may differ in the last bits.
            assertThat(actual.sum())
                    .isCloseTo(e.getValue().sum(), org.assertj.core.data.Offset.offset(1e-6));
        }
    }
}
