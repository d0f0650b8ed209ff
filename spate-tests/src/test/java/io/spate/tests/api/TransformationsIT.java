package io.spate.tests.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.InvalidProgramException;
import io.spate.api.common.functions.Collector;
import io.spate.api.common.functions.FlatMapFunction;
import io.spate.api.common.typeinfo.InvalidTypesException;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.SingleOutputStreamOperator;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.ProcessFunction;
import io.spate.common.time.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The element-wise transformations, union, and how chaining leaves results unchanged. */
class TransformationsIT {

    private static final String[] TEXT = {
        "to be or not to be", "", "that is the question", "whether tis nobler"
    };

    @Test
    void flatMapFilterAndMapGiveExactlyTheExpectedElementsInOrder() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);

        List<String> out =
                Jobs.collect(
                        env.fromElements(TEXT)
                                .flatMap(new Words())
                                .filter(w -> w.length() > 2)
                                .map(w -> w.toUpperCase(Locale.ROOT) + ":" + w.length()));

        assertThat(out)
                .containsExactly(
                        "NOT:3", "THAT:4", "THE:3", "QUESTION:8", "WHETHER:7", "TIS:3", "NOBLER:6");
    }

    @Test
    void aFlatMapLambdaWithDeclaredTypeEmitsZeroOrMoreElementsPerInput() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);

        List<Long> out =
                Jobs.collect(
                        env.fromElements(0L, 3L, 1L, 2L)
                                .flatMap(
                                        (Long n, Collector<Long> c) -> {
                                            for (long i = 0; i < n; i++) {
                                                c.collect(n * 10 + i);
                                            }
                                        })
                                .returns(Types.LONG));

        assertThat(out).containsExactly(30L, 31L, 32L, 10L, 20L, 21L);
    }

    @Test
    void aFlatMapLambdaWithoutDeclaredTypeIsRefusedAskingForReturns() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromElements(1L, 2L)
                .flatMap((Long n, Collector<Long> c) -> c.collect(n))
                .name("Erased")
                .map(n -> n + 1)
                .sinkTo(new DiscardSink<>());

        assertThatThrownBy(() -> env.executeAsync("erased"))
                .isInstanceOf(InvalidTypesException.class)
                .hasMessageContaining("'Erased'")
                .hasMessageContaining(".returns(");
    }

    @Test
    void processSeesElementsWithoutTimestampsAndTheEngineClock() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.setClock(new ManualClock(12_345));

        List<String> out = Jobs.collect(env.fromSequence(1, 100).process(new DescribeContext()));

        List<String> expected = new ArrayList<>();
        for (long i = 1; i <= 100; i++) {
            expected.add(i + " ts=null now=12345");
            if (i % 10 == 0) {
                expected.add("tenth " + i);
            }
        }
        assertThat(Jobs.sorted(out)).isEqualTo(Jobs.sorted(expected));
    }

    @Test
    void unionOfThreeStreamsOfDifferentParallelismHasEveryElementOnce() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
        DataStream<Long> one = env.fromElements(-1L, -2L, -3L);
        DataStream<Long> two = env.fromSequence(0, 999).setParallelism(2);
        DataStream<Long> four = env.fromSequence(1000, 4999).setParallelism(4).map(i -> i);

        List<Long> out = Jobs.collect(one.union(two, four).map(i -> i * 2));

        List<Long> expected = new ArrayList<>(List.of(-2L, -4L, -6L));
        LongStream.range(0, 5000).forEach(i -> expected.add(i * 2));
        assertThat(Jobs.sorted(out)).isEqualTo(Jobs.sorted(expected));
    }

    @Test
    void aStreamUnionedWithItselfHasEveryElementTwice() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        DataStream<Long> numbers = env.fromSequence(1, 500);
        DataStream<Long> others = env.fromElements(-7L);

        List<Long> out = Jobs.collect(numbers.union(numbers, others).filter(i -> true));

        List<Long> expected = new ArrayList<>();
        LongStream.rangeClosed(1, 500)
                .forEach(
                        i -> {
                            expected.add(i);
                            expected.add(i);
                        });
        expected.add(-7L);
        assertThat(Jobs.sorted(out)).isEqualTo(Jobs.sorted(expected));
    }

    @Test
    void aSelfUnionAtParallelismOneKeepsEachCopyInOrder() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<String> letters = env.fromElements("a", "b", "c");

        List<String> out = Jobs.collect(letters.union(letters));

        // Each input channel is FIFO; how the two copies interleave is not defined.
        List<String> firstCopy = new ArrayList<>();
        List<String> secondCopy = new ArrayList<>();
        for (String s : out) {
            (firstCopy.contains(s) ? secondCopy : firstCopy).add(s);
        }
        assertThat(firstCopy).containsExactly("a", "b", "c");
        assertThat(secondCopy).containsExactly("a", "b", "c");
    }

    @Test
    void aStreamFeedingSeveralOperatorsGivesEachOfThemEveryElement() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        DataStream<Long> numbers = env.fromSequence(1, 1000);
        // Two branches fused with the source, one behind an exchange.
        DataStream<String> all = numbers.map(i -> "a" + i);
        DataStream<String> even = numbers.filter(i -> i % 2 == 0).map(i -> "b" + i);
        DataStream<String> keyed = numbers.keyBy(i -> i % 10).map(i -> "c" + i);

        List<String> out = Jobs.collect(all.union(even, keyed));

        List<String> expected = new ArrayList<>();
        for (long i = 1; i <= 1000; i++) {
            expected.add("a" + i);
            expected.add("c" + i);
            if (i % 2 == 0) {
                expected.add("b" + i);
            }
        }
        assertThat(Jobs.sorted(out)).isEqualTo(Jobs.sorted(expected));
    }

    @Test
    void unionRefusesStreamsOfAnotherEnvironment() {
        StreamExecutionEnvironment a = StreamExecutionEnvironment.createLocalEnvironment(1);
        StreamExecutionEnvironment b = StreamExecutionEnvironment.createLocalEnvironment(1);

        assertThatThrownBy(() -> a.fromElements(1L).union(b.fromElements(2L)))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessageContaining("different execution environments");
    }

    /** Ways to cut the same pipeline into chains. */
    enum Chaining {
        DEFAULT,
        DISABLE_CHAINING_IN_THE_MIDDLE,
        NEW_CHAIN_AT_EVERY_OPERATOR,
        NOTHING_CHAINED
    }

    @ParameterizedTest
    @EnumSource(Chaining.class)
    void chainingDoesNotChangeTheResultsAtParallelismOne(Chaining chaining) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);

        List<String> out = Jobs.collect(pipeline(env, chaining));

        assertThat(out).containsExactlyElementsOf(expectedPipelineOutput(1, 3000));
    }

    @ParameterizedTest
    @EnumSource(Chaining.class)
    void chainingDoesNotChangeTheResultsAtParallelismThree(Chaining chaining) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);

        List<String> out = Jobs.collect(pipeline(env, chaining));

        assertThat(Jobs.sorted(out)).isEqualTo(Jobs.sorted(expectedPipelineOutput(1, 3000)));
    }

    private static DataStream<String> pipeline(StreamExecutionEnvironment env, Chaining chaining) {
        SingleOutputStreamOperator<Long> source = env.fromSequence(1, 3000);
        SingleOutputStreamOperator<Long> tripled = source.map(i -> i * 3);
        SingleOutputStreamOperator<Long> odd = tripled.filter(i -> i % 2 == 1);
        SingleOutputStreamOperator<String> text =
                odd.flatMap(
                                (Long i, Collector<String> c) -> {
                                    c.collect("v" + i);
                                    if (i % 5 == 0) {
                                        c.collect("five" + i);
                                    }
                                })
                        .returns(Types.STRING);
        SingleOutputStreamOperator<String> result = text.map(s -> s + ".");
        switch (chaining) {
            case DISABLE_CHAINING_IN_THE_MIDDLE:
                odd.disableChaining();
                break;
            case NEW_CHAIN_AT_EVERY_OPERATOR:
                Stream.of(tripled, odd, text, result).forEach(o -> o.startNewChain());
                break;
            case NOTHING_CHAINED:
                Stream.of(source, tripled, odd, text, result).forEach(o -> o.disableChaining());
                break;
            default:
                break;
        }
        return result;
    }

    private static List<String> expectedPipelineOutput(long from, long to) {
        List<String> expected = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            long t = i * 3;
            if (t % 2 == 1) {
                expected.add("v" + t + ".");
                if (t % 5 == 0) {
                    expected.add("five" + t + ".");
                }
            }
        }
        return expected;
    }

    /** Splits lines into words. */
    static final class Words implements FlatMapFunction<String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(String line, Collector<String> out) {
            for (String w : line.split(" ")) {
                if (!w.isEmpty()) {
                    out.collect(w);
                }
            }
        }
    }

    /** Describes each element's context; emits an extra element for every tenth. */
    static final class DescribeContext extends ProcessFunction<Long, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(Long value, Context ctx, Collector<String> out) {
            out.collect(value + " ts=" + ctx.timestamp() + " now=" + ctx.currentProcessingTime());
            if (value % 10 == 0) {
                out.collect("tenth " + value);
            }
        }
    }
}
