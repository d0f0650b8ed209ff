package io.spate.tests.connect;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.InvalidProgramException;
import io.spate.api.common.functions.Collector;
import io.spate.api.common.functions.KeySelector;
import io.spate.api.common.state.MapStateDescriptor;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.KeyedStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.co.BroadcastProcessFunction;
import io.spate.api.functions.co.CoMapFunction;
import io.spate.api.functions.co.KeyedBroadcastProcessFunction;
import io.spate.api.functions.co.KeyedCoProcessFunction;
import io.spate.api.functions.co.ProcessJoinFunction;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Misuse of connected streams, interval joins and broadcast state fails early and says why. */
class ConnectErrorsTest {
    private final StreamExecutionEnvironment env =
            StreamExecutionEnvironment.createLocalEnvironment(2);
    private final DataStream<Long> numbers = env.fromSequence(1, 10);
    private final DataStream<String> words = env.fromElements("a", "b");
    private final MapStateDescriptor<String, Long> rules =
            new MapStateDescriptor<>("rules", Types.STRING, Types.LONG);

    /** The compiler catches this unless generics are bypassed, as raw types do here. */
    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void keyingConnectedStreamsByKeysOfDifferentTypesIsRefused() {
        KeySelector first = new PrefixedNumber();
        KeySelector second = new WordLength();
        assertThatThrownBy(() -> numbers.connect(words).keyBy(first, second))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessageContaining("keys of different types")
                .hasMessageContaining("java.lang.String (first input)")
                .hasMessageContaining("java.lang.Integer (second input)");
    }

    /**
     * Two lambdas returning different types compile, Java inferring a common supertype as the key
     * type; that is refused too.
     */
    @Test
    void keyingConnectedStreamsByLambdasOfDifferentTypesIsRefused() {
        assertThatThrownBy(() -> numbers.connect(words).keyBy(n -> "k" + n, w -> w.length()))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessageContaining("java.io.Serializable, which is not a concrete type")
                .hasMessageContaining("keyBy(key1, key2, keyType)");
    }

    @Test
    void connectingStreamsKeyedByDifferentTypesIsRefusedWhenTheOperatorIsAdded() {
        var connected = numbers.keyBy(n -> n).connect(words.keyBy(w -> w));
        assertThatThrownBy(() -> connected.map(new Both()))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessageContaining("keys of different types")
                .hasMessageContaining("java.lang.Long (first input)");
    }

    @Test
    void aKeyedCoProcessFunctionNeedsKeyedInputs() {
        assertThatThrownBy(() -> numbers.connect(words).process(new Keyed()))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessageContaining("KeyedCoProcessFunction needs both connected streams keyed")
                .hasMessageContaining("keyBy(key1, key2)");
        assertThatThrownBy(() -> numbers.keyBy(n -> "k" + n).connect(words).process(new Keyed()))
                .isInstanceOf(InvalidProgramException.class);
    }

    @Test
    void intervalJoinBoundsMustBeOrderedAndNotEmpty() {
        var left = numbers.keyBy(n -> n);
        var right = numbers.keyBy(n -> n);
        assertThatThrownBy(
                        () ->
                                left.intervalJoin(right)
                                        .between(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lowerBound <= upperBound")
                .hasMessageContaining("lowerBound is PT2S and upperBound is PT1S");
        assertThatThrownBy(
                        () ->
                                left.intervalJoin(right)
                                        .between(Duration.ZERO, Duration.ofMillis(1))
                                        .lowerBoundExclusive()
                                        .upperBoundExclusive()
                                        .process(new Join()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(0 ms, 1 ms)")
                .hasMessageContaining("contain no time");
    }

    /** The compiler catches this unless generics are bypassed, as raw types do here. */
    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void intervalJoinKeysMustHaveOneType() {
        KeyedStream<Long, Object> left = (KeyedStream) numbers.keyBy(n -> n);
        KeyedStream<Long, Object> right = (KeyedStream) numbers.keyBy(n -> "k" + n);
        assertThatThrownBy(() -> left.intervalJoin(right))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessageContaining(
                        "keys of different types: java.lang.Long (left) and java.lang.String (right)");
    }

    @Test
    void broadcastFunctionsMustMatchWhetherTheStreamIsKeyed() {
        var broadcast = words.broadcast(rules);
        assertThatThrownBy(() -> numbers.keyBy(n -> n).connect(broadcast).process(new NonKeyed()))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessageContaining("use a KeyedBroadcastProcessFunction");
        assertThatThrownBy(() -> numbers.connect(broadcast).process(new KeyedBroadcast()))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessageContaining("needs a keyed stream");
    }

    @Test
    void broadcastStateNamesMustBeUniqueAndGiven() {
        assertThatThrownBy(
                        () ->
                                words.broadcast(
                                        rules,
                                        new MapStateDescriptor<>("rules", Types.INT, Types.INT)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("named 'rules'");
        assertThatThrownBy(() -> words.broadcast(new MapStateDescriptor<?, ?>[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one broadcast state descriptor");
    }

    @Test
    void streamsOfAnotherEnvironmentCannotBeConnected() {
        var other = StreamExecutionEnvironment.createLocalEnvironment(1).fromElements("x");
        assertThatThrownBy(() -> numbers.connect(other.broadcast(rules)))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessageContaining("different execution environments");
    }

    static final class PrefixedNumber implements KeySelector<Long, String> {
        @Override
        public String getKey(Long value) {
            return "k" + value;
        }
    }

    static final class WordLength implements KeySelector<String, Integer> {
        @Override
        public Integer getKey(String value) {
            return value.length();
        }
    }

    static final class Both implements CoMapFunction<Long, String, String> {
        @Override
        public String map1(Long value) {
            return "" + value;
        }

        @Override
        public String map2(String value) {
            return value;
        }
    }

    static final class Keyed extends KeyedCoProcessFunction<String, Long, String, String> {
        @Override
        public void processElement1(Long value, Context ctx, Collector<String> out) {}

        @Override
        public void processElement2(String value, Context ctx, Collector<String> out) {}
    }

    static final class Join extends ProcessJoinFunction<Long, Long, String> {
        @Override
        public void processElement(Long left, Long right, Context ctx, Collector<String> out) {}
    }

    static final class NonKeyed extends BroadcastProcessFunction<Long, String, String> {
        @Override
        public void processElement(Long value, ReadOnlyContext ctx, Collector<String> out) {}

        @Override
        public void processBroadcastElement(String value, Context ctx, Collector<String> out) {}
    }

    static final class KeyedBroadcast
            extends KeyedBroadcastProcessFunction<Long, Long, String, String> {
        @Override
        public void processElement(Long value, ReadOnlyContext ctx, Collector<String> out) {}

        @Override
        public void processBroadcastElement(String value, Context ctx, Collector<String> out) {}
    }
}
