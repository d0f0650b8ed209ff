package io.spate.tests.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.InvalidProgramException;
import io.spate.api.common.tuple.Tuple2;
import io.spate.api.common.tuple.Tuple3;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.KeyedStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Rolling aggregations on keyed streams: for every element, the key's new aggregate. Results are
 * checked per key, in order; keys run on different subtasks, so their interleaving is not defined.
 */
class KeyedAggregationsIT {

    /**
     * Key, value to aggregate, sequence number (to tell which element a result comes from). New
     * tuples for every test, since tuples are mutable.
     */
    private static List<Tuple3<String, Integer, Integer>> triplesInput() {
        return List.of(
                Tuple3.of("a", 3, 1),
                Tuple3.of("b", 7, 1),
                Tuple3.of("a", 1, 2),
                Tuple3.of("b", 7, 2),
                Tuple3.of("a", 1, 3),
                Tuple3.of("b", 2, 3),
                Tuple3.of("a", 5, 4),
                Tuple3.of("a", 2, 5));
    }

    @Test
    void reduceEmitsTheRunningResultOfEveryKey() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
        DataStream<Tuple2<String, Long>> pairs =
                env.fromElements(
                        Tuple2.of("x", 1L),
                        Tuple2.of("y", 10L),
                        Tuple2.of("x", 2L),
                        Tuple2.of("z", 100L),
                        Tuple2.of("x", 3L),
                        Tuple2.of("y", 20L));

        List<Tuple2<String, Long>> out =
                Jobs.collect(
                        pairs.keyBy(t -> t.f0, Types.STRING)
                                .reduce((a, b) -> Tuple2.of(a.f0, a.f1 * 10 + b.f1)));

        assertThat(Jobs.groupBy(out, t -> t.f0))
                .containsOnlyKeys("x", "y", "z")
                .containsEntry(
                        "x", List.of(Tuple2.of("x", 1L), Tuple2.of("x", 12L), Tuple2.of("x", 123L)))
                .containsEntry("y", List.of(Tuple2.of("y", 10L), Tuple2.of("y", 120L)))
                .containsEntry("z", List.of(Tuple2.of("z", 100L)));
    }

    @Test
    void sumByPositionOnTuples() throws Exception {
        assertThat(perKey(triples(3).sum(1), t -> t.f0))
                .containsOnlyKeys("a", "b")
                .containsEntry("a", triples("a", 3, 1, 4, 1, 5, 1, 10, 1, 12, 1))
                .containsEntry("b", triples("b", 7, 1, 14, 1, 16, 1));
    }

    @Test
    void minOfAPositionKeepsTheOtherFieldsOfTheFirstElement() throws Exception {
        assertThat(perKey(triples(2).min(1), t -> t.f0))
                .containsEntry("a", triples("a", 3, 1, 1, 1, 1, 1, 1, 1, 1, 1))
                .containsEntry("b", triples("b", 7, 1, 7, 1, 2, 1));
    }

    @Test
    void maxOfAPositionKeepsTheOtherFieldsOfTheFirstElement() throws Exception {
        assertThat(perKey(triples(2).max(1), t -> t.f0))
                .containsEntry("a", triples("a", 3, 1, 3, 1, 3, 1, 5, 1, 5, 1))
                .containsEntry("b", triples("b", 7, 1, 7, 1, 7, 1));
    }

    @Test
    void minByAndMaxByOfAPositionGiveTheWholeElementAndTheFirstOnTies() throws Exception {
        assertThat(perKey(triples(2).minBy(1), t -> t.f0))
                .containsEntry("a", triples("a", 3, 1, 1, 2, 1, 2, 1, 2, 1, 2))
                .containsEntry("b", triples("b", 7, 1, 7, 1, 2, 3));
        assertThat(perKey(triples(2).maxBy(1), t -> t.f0))
                .containsEntry("a", triples("a", 3, 1, 3, 1, 3, 1, 5, 4, 5, 4))
                .containsEntry("b", triples("b", 7, 1, 7, 1, 7, 1));
    }

    @Test
    void sumOfTheTupleFieldNamedF1() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        DataStream<Tuple2<String, Double>> pairs =
                env.fromElements(Tuple2.of("p", 0.5), Tuple2.of("q", 1.0), Tuple2.of("p", 0.25));

        List<Tuple2<String, Double>> out =
                Jobs.collect(pairs.keyBy(t -> t.f0, Types.STRING).sum("f1"));

        assertThat(Jobs.groupBy(out, t -> t.f0))
                .containsEntry("p", List.of(Tuple2.of("p", 0.5), Tuple2.of("p", 0.75)))
                .containsEntry("q", List.of(Tuple2.of("q", 1.0)));
    }

    @Test
    void sumOfAPlainNumberStreamByPositionZero() throws Exception {
        // Parallelism 1: one subtask for both keys, so the output order is the input order.
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);

        List<Long> out =
                Jobs.collect(env.fromElements(1L, 2L, 3L, 4L, 5L, 6L).keyBy(v -> v % 2).sum(0));

        assertThat(out).containsExactly(1L, 2L, 4L, 6L, 9L, 12L);
    }

    @Test
    void aggregationsByFieldNameOnARecord() throws Exception {
        assertThat(perKey(readings(2).sum("value"), Reading::sensor))
                .containsEntry(
                        "s1", List.of(r("s1", 4, 1), r("s1", 6, 1), r("s1", 15, 1), r("s1", 17, 1)))
                .containsEntry("s2", List.of(r("s2", 5, 1), r("s2", 10, 1)));
        assertThat(perKey(readings(2).min("value"), Reading::sensor))
                .containsEntry(
                        "s1", List.of(r("s1", 4, 1), r("s1", 2, 1), r("s1", 2, 1), r("s1", 2, 1)))
                .containsEntry("s2", List.of(r("s2", 5, 1), r("s2", 5, 1)));
        assertThat(perKey(readings(2).max("value"), Reading::sensor))
                .containsEntry(
                        "s1", List.of(r("s1", 4, 1), r("s1", 4, 1), r("s1", 9, 1), r("s1", 9, 1)))
                .containsEntry("s2", List.of(r("s2", 5, 1), r("s2", 5, 1)));
        assertThat(perKey(readings(2).minBy("value"), Reading::sensor))
                .containsEntry(
                        "s1", List.of(r("s1", 4, 1), r("s1", 2, 2), r("s1", 2, 2), r("s1", 2, 2)))
                .containsEntry("s2", List.of(r("s2", 5, 1), r("s2", 5, 1)));
        assertThat(perKey(readings(2).maxBy("value"), Reading::sensor))
                .containsEntry(
                        "s1", List.of(r("s1", 4, 1), r("s1", 4, 1), r("s1", 9, 3), r("s1", 9, 3)))
                .containsEntry("s2", List.of(r("s2", 5, 1), r("s2", 5, 1)));
    }

    @Test
    void aggregationsByFieldNameOnAPojo() throws Exception {
        assertThat(perKey(measurements(2).sum("value"), m -> m.sensor))
                .containsEntry("m1", List.of(m("m1", 1.5, 1), m("m1", 2.0, 1), m("m1", 4.5, 1)))
                .containsEntry("m2", List.of(m("m2", 3.0, 1), m("m2", 6.0, 1)));
        assertThat(perKey(measurements(2).min("value"), m -> m.sensor))
                .containsEntry("m1", List.of(m("m1", 1.5, 1), m("m1", 0.5, 1), m("m1", 0.5, 1)))
                .containsEntry("m2", List.of(m("m2", 3.0, 1), m("m2", 3.0, 1)));
        assertThat(perKey(measurements(2).max("value"), m -> m.sensor))
                .containsEntry("m1", List.of(m("m1", 1.5, 1), m("m1", 1.5, 1), m("m1", 2.5, 1)))
                .containsEntry("m2", List.of(m("m2", 3.0, 1), m("m2", 3.0, 1)));
        assertThat(perKey(measurements(2).minBy("value"), m -> m.sensor))
                .containsEntry("m1", List.of(m("m1", 1.5, 1), m("m1", 0.5, 2), m("m1", 0.5, 2)))
                .containsEntry("m2", List.of(m("m2", 3.0, 1), m("m2", 3.0, 1)));
        assertThat(perKey(measurements(2).maxBy("value"), m -> m.sensor))
                .containsEntry("m1", List.of(m("m1", 1.5, 1), m("m1", 1.5, 1), m("m1", 2.5, 3)))
                .containsEntry("m2", List.of(m("m2", 3.0, 1), m("m2", 3.0, 1)));
    }

    @Test
    void aggregationsThatCannotWorkAreRefusedWhenTheJobIsBuilt() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        KeyedStream<Tuple3<String, Integer, Integer>, String> keyed =
                env.fromCollection(triplesInput()).keyBy(t -> t.f0, Types.STRING);
        KeyedStream<Reading, String> records =
                env.fromElements(r("s", 1, 1)).keyBy(Reading::sensor);

        assertThatThrownBy(() -> keyed.sum(0))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessageContaining("Cannot sum field f0")
                .hasMessageContaining("not a number");
        assertThatThrownBy(() -> keyed.max(3))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessageContaining("Field position 3 does not exist");
        assertThatThrownBy(() -> records.min("temperature"))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessageContaining("has no component 'temperature'");
    }

    // ------------------------------------------------------------------ inputs and helpers

    private static KeyedStream<Tuple3<String, Integer, Integer>, String> triples(int parallelism) {
        return StreamExecutionEnvironment.createLocalEnvironment(parallelism)
                .fromCollection(triplesInput())
                .keyBy(t -> t.f0, Types.STRING);
    }

    /** Tuple3s of one key from pairs of (value, sequence). */
    private static List<Tuple3<String, Integer, Integer>> triples(String key, int... pairs) {
        Tuple3<String, Integer, Integer>[] out = newTriples(pairs.length / 2);
        for (int i = 0; i < out.length; i++) {
            out[i] = Tuple3.of(key, pairs[2 * i], pairs[2 * i + 1]);
        }
        return List.of(out);
    }

    @SuppressWarnings("unchecked")
    private static Tuple3<String, Integer, Integer>[] newTriples(int n) {
        return new Tuple3[n];
    }

    private static KeyedStream<Reading, String> readings(int parallelism) {
        return StreamExecutionEnvironment.createLocalEnvironment(parallelism)
                .fromElements(
                        r("s1", 4, 1),
                        r("s2", 5, 1),
                        r("s1", 2, 2),
                        r("s1", 9, 3),
                        r("s2", 5, 2),
                        r("s1", 2, 4))
                .keyBy(Reading::sensor);
    }

    private static KeyedStream<Measurement, String> measurements(int parallelism) {
        return StreamExecutionEnvironment.createLocalEnvironment(parallelism)
                .fromElements(
                        m("m1", 1.5, 1),
                        m("m2", 3.0, 1),
                        m("m1", 0.5, 2),
                        m("m2", 3.0, 2),
                        m("m1", 2.5, 3))
                .keyBy(Measurement::getSensor);
    }

    private static <T, K> Map<K, List<T>> perKey(DataStream<T> stream, Function<T, K> key)
            throws Exception {
        return Jobs.groupBy(Jobs.collect(stream), key);
    }

    private static Reading r(String sensor, int value, long seq) {
        return new Reading(sensor, value, seq);
    }

    private static Measurement m(String sensor, double value, int seq) {
        Measurement m = new Measurement();
        m.sensor = sensor;
        m.value = value;
        m.seq = seq;
        return m;
    }

    /** A record to aggregate by component name. */
    public record Reading(String sensor, int value, long seq) implements Serializable {}

    /** A POJO to aggregate by field name. */
    public static class Measurement implements Serializable {
        private static final long serialVersionUID = 1L;

        public String sensor;
        public double value;
        public int seq;

        public Measurement() {}

        public String getSensor() {
            return sensor;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Measurement other
                    && sensor.equals(other.sensor)
                    && value == other.value
                    && seq == other.seq;
        }

        @Override
        public int hashCode() {
            return Objects.hash(sensor, value, seq);
        }

        @Override
        public String toString() {
            return "Measurement(" + sensor + ", " + value + ", " + seq + ")";
        }
    }
}
