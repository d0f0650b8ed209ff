package io.spate.tests.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.functions.Collector;
import io.spate.api.common.functions.OpenContext;
import io.spate.api.common.functions.RichMapFunction;
import io.spate.api.common.state.ListState;
import io.spate.api.common.state.ListStateDescriptor;
import io.spate.api.common.state.MapState;
import io.spate.api.common.state.MapStateDescriptor;
import io.spate.api.common.state.ReducingState;
import io.spate.api.common.state.ReducingStateDescriptor;
import io.spate.api.common.state.ValueState;
import io.spate.api.common.state.ValueStateDescriptor;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.execution.JobExecutionException;
import io.spate.api.functions.KeyedProcessFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Keyed state: each key sees only its own state, on whichever subtask owns the key. */
class KeyedStateIT {

    private static final String[] WORDS = {
        "apple", "kiwi", "apple", "fig", "kiwi", "apple", "date", "fig", "apple", "kiwi"
    };

    @Test
    void valueStateInARichMapFunctionCountsPerKey() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);

        List<String> out =
                Jobs.collect(env.fromElements(WORDS).keyBy(w -> w).map(new CountPerKey()));

        assertThat(Jobs.groupBy(out, s -> s.substring(0, s.indexOf('#'))))
                .containsOnlyKeys("apple", "kiwi", "fig", "date")
                .containsEntry("apple", List.of("apple#1", "apple#2", "apple#3", "apple#4"))
                .containsEntry("kiwi", List.of("kiwi#1", "kiwi#2", "kiwi#3"))
                .containsEntry("fig", List.of("fig#1", "fig#2"))
                .containsEntry("date", List.of("date#1"));
    }

    @Test
    void valueStateKeepsManyKeysApartOnFewSubtasks() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);

        // 10 000 numbers, 1000 keys: each key sees its 10 numbers, counted 1..10.
        List<String> out =
                Jobs.collect(
                        env.fromSequence(0, 9999)
                                .map(i -> "k" + (i % 1000))
                                .keyBy(k -> k)
                                .map(new CountPerKey()));

        Map<String, List<String>> perKey = Jobs.groupBy(out, s -> s.substring(0, s.indexOf('#')));
        assertThat(perKey).hasSize(1000);
        perKey.forEach(
                (key, counts) ->
                        assertThat(counts)
                                .containsExactly(
                                        LongStream.rangeClosed(1, 10)
                                                .mapToObj(n -> key + "#" + n)
                                                .toArray(String[]::new)));
    }

    @Test
    void aKeyedProcessFunctionKnowsTheCurrentKey() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);

        List<String> out =
                Jobs.collect(env.fromSequence(0, 999).keyBy(i -> i % 7).process(new EchoKey()));

        assertThat(out).hasSize(1000);
        assertThat(out)
                .allSatisfy(
                        s -> {
                            String[] parts = s.split(" ");
                            long value = Long.parseLong(parts[0]);
                            assertThat(parts[1]).isEqualTo("key=" + (value % 7));
                            assertThat(parts[2]).isEqualTo("ts=null");
                        });
    }

    @Test
    void listStateCollectsTheElementsOfEachKey() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);

        List<String> out =
                Jobs.collect(
                        env.fromElements(WORDS)
                                .keyBy(w -> w.substring(0, 1), Types.STRING)
                                .process(new History()));

        assertThat(Jobs.groupBy(out, s -> s.substring(0, 1)))
                .containsEntry(
                        "a",
                        List.of(
                                "a: [apple]",
                                "a: [apple, apple]",
                                "a: [apple, apple, apple]",
                                "a: [apple, apple, apple, apple] (cleared)"))
                .containsEntry(
                        "k", List.of("k: [kiwi]", "k: [kiwi, kiwi]", "k: [kiwi, kiwi, kiwi]"))
                .containsEntry("f", List.of("f: [fig]", "f: [fig, fig]"))
                .containsEntry("d", List.of("d: [date]"));
    }

    @Test
    void mapStateTogglesEntriesPerKey() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        // Key = the first letter; the map holds the words seen an odd number of times.
        List<String> out =
                Jobs.collect(
                        env.fromElements("ab", "ac", "ab", "bx", "ad", "ac", "bx", "bx")
                                .keyBy(w -> w.substring(0, 1), Types.STRING)
                                .process(new OddOnes()));

        assertThat(Jobs.groupBy(out, s -> s.substring(0, 1)))
                .containsEntry(
                        "a",
                        List.of(
                                "a {ab=1}",
                                "a {ab=1, ac=1}",
                                "a {ac=1}",
                                "a {ac=1, ad=1}",
                                "a {ad=1}"))
                .containsEntry("b", List.of("b {bx=1}", "b {}", "b {bx=1}"));
    }

    @Test
    void reducingStateSumsThePerKeyValues() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);

        List<String> out =
                Jobs.collect(
                        env.fromSequence(1, 12)
                                .setParallelism(1)
                                .keyBy(i -> i % 3)
                                .process(new SumSoFar()));

        assertThat(Jobs.groupBy(out, s -> s.substring(0, s.indexOf(':'))))
                .containsEntry("1", List.of("1:1", "1:5", "1:12", "1:22"))
                .containsEntry("2", List.of("2:2", "2:7", "2:15", "2:26"))
                .containsEntry("0", List.of("0:3", "0:9", "0:18", "0:30"));
    }

    @Test
    void keyedStateOnANonKeyedStreamFailsTheJobSayingSo() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromElements("x", "y")
                .map(new CountPerKey())
                .name("Counter")
                .sinkTo(new DiscardSink<>());

        assertThatThrownBy(() -> env.execute("unkeyed state"))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("Keyed state 'count' is only available on a keyed stream")
                .hasMessageContaining("'Counter'");
    }

    /** Counts the elements of each key with a value state. */
    static final class CountPerKey extends RichMapFunction<String, String> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Integer> count;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.INT, 0));
        }

        @Override
        public String map(String value) throws Exception {
            int n = count.value() + 1;
            count.update(n);
            return value + "#" + n;
        }
    }

    /** Emits each element with its key, as the function's context reports it. */
    static final class EchoKey extends KeyedProcessFunction<Long, Long, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(Long value, Context ctx, Collector<String> out) {
            out.collect(value + " key=" + ctx.getCurrentKey() + " ts=" + ctx.timestamp());
        }
    }

    /** Appends each element to its key's list and emits the list; clears it at four. */
    static final class History extends KeyedProcessFunction<String, String, String> {
        private static final long serialVersionUID = 1L;
        private transient ListState<String> seen;

        @Override
        public void open(OpenContext openContext) {
            seen =
                    getRuntimeContext()
                            .getListState(new ListStateDescriptor<>("seen", Types.STRING));
        }

        @Override
        public void processElement(String value, Context ctx, Collector<String> out)
                throws Exception {
            seen.add(value);
            List<String> all = new ArrayList<>();
            seen.get().forEach(all::add);
            if (all.size() == 4) {
                seen.clear();
                out.collect(ctx.getCurrentKey() + ": " + all + " (cleared)");
                assertThat(seen.get()).isEmpty();
            } else {
                out.collect(ctx.getCurrentKey() + ": " + all);
            }
        }
    }

    /** Keeps the words seen an odd number of times per key in a map state. */
    static final class OddOnes extends KeyedProcessFunction<String, String, String> {
        private static final long serialVersionUID = 1L;
        private transient MapState<String, Integer> odd;

        @Override
        public void open(OpenContext openContext) {
            odd =
                    getRuntimeContext()
                            .getMapState(new MapStateDescriptor<>("odd", Types.STRING, Types.INT));
        }

        @Override
        public void processElement(String value, Context ctx, Collector<String> out)
                throws Exception {
            if (odd.contains(value)) {
                odd.remove(value);
            } else {
                odd.put(value, 1);
            }
            Map<String, Integer> sorted = new TreeMap<>();
            odd.entries().forEach(e -> sorted.put(e.getKey(), e.getValue()));
            if (odd.isEmpty() != sorted.isEmpty()) {
                throw new IllegalStateException("isEmpty() disagrees with entries()");
            }
            out.collect(ctx.getCurrentKey() + " " + sorted);
        }
    }

    /** Keeps the sum of the values per key in a reducing state. */
    static final class SumSoFar extends KeyedProcessFunction<Long, Long, String> {
        private static final long serialVersionUID = 1L;
        private transient ReducingState<Long> sum;

        @Override
        public void open(OpenContext openContext) {
            sum =
                    getRuntimeContext()
                            .getReducingState(
                                    new ReducingStateDescriptor<>("sum", Long::sum, Types.LONG));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<String> out)
                throws Exception {
            sum.add(value);
            out.collect(ctx.getCurrentKey() + ":" + sum.get());
        }
    }
}
