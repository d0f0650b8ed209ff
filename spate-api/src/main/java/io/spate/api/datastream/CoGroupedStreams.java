package io.spate.api.datastream;

import io.spate.annotations.Public;
import io.spate.api.common.InvalidProgramException;
import io.spate.api.common.functions.CoGroupFunction;
import io.spate.api.common.functions.KeySelector;
import io.spate.api.common.typeinfo.InvalidTypesException;
import io.spate.api.common.typeinfo.TypeExtractor;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.windowing.assigners.WindowAssigner;
import io.spate.api.windowing.evictors.Evictor;
import io.spate.api.windowing.internal.CoGroupWindowFunction;
import io.spate.api.windowing.internal.UnionKeySelector;
import io.spate.api.windowing.internal.UnionTagger;
import io.spate.api.windowing.triggers.Trigger;
import io.spate.api.windowing.windows.Window;
import java.time.Duration;
import java.util.Objects;

/**
 * Two streams grouped together by key and window: for every key and window, a {@link
 * CoGroupFunction} sees the elements of both streams.
 *
 * <pre>{@code
 * orders.coGroup(payments)
 *       .where(Order::id).equalTo(Payment::orderId)
 *       .window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
 *       .apply(new MatchOrders());
 * }</pre>
 *
 * <p>It runs as one window operator over the union of both streams, each element tagged with its
 * side ({@link TaggedUnion}) and keyed by its side's key selector; the window keeps the elements of
 * both sides until it fires.
 *
 * @param <T1> the first stream's type
 * @param <T2> the second stream's type
 */
@Public
public class CoGroupedStreams<T1, T2> {
    private final DataStream<T1> input1;
    private final DataStream<T2> input2;

    public CoGroupedStreams(DataStream<T1> input1, DataStream<T2> input2) {
        this.input1 = Objects.requireNonNull(input1, "input1");
        this.input2 = Objects.requireNonNull(input2, "input2");
        if (input1.getExecutionEnvironment() != input2.getExecutionEnvironment()) {
            throw new InvalidProgramException(
                    "Cannot co-group or join streams of different execution environments");
        }
    }

    /** The key of the first stream's elements. */
    public <KEY> Where<KEY> where(KeySelector<T1, KEY> keySelector) {
        return new Where<>(keySelector, keyType(keySelector, input1.getType()));
    }

    /** The key of the first stream's elements, with its type given. */
    public <KEY> Where<KEY> where(KeySelector<T1, KEY> keySelector, TypeInfo<KEY> keyType) {
        return new Where<>(keySelector, keyType);
    }

    static <T, KEY> TypeInfo<KEY> keyType(KeySelector<T, KEY> selector, TypeInfo<T> inputType) {
        try {
            return TypeExtractor.extract(selector, KeySelector.class, 0, 1, inputType, "where");
        } catch (InvalidTypesException e) {
            throw new InvalidTypesException(
                    e.getMessage() + " Give the key type: where(selector, keyType).", e);
        }
    }

    /** The first stream's key is set; now the second's. */
    public class Where<KEY> {
        private final KeySelector<T1, KEY> keySelector1;
        private final TypeInfo<KEY> keyType;

        Where(KeySelector<T1, KEY> keySelector1, TypeInfo<KEY> keyType) {
            this.keySelector1 = Objects.requireNonNull(keySelector1, "keySelector");
            this.keyType = Objects.requireNonNull(keyType, "keyType");
        }

        /** The key of the second stream's elements; of the same type as the first's. */
        public EqualTo equalTo(KeySelector<T2, KEY> keySelector) {
            return new EqualTo(Objects.requireNonNull(keySelector, "keySelector"));
        }

        /** Both keys are set; now the windows. */
        public class EqualTo {
            private final KeySelector<T2, KEY> keySelector2;

            EqualTo(KeySelector<T2, KEY> keySelector2) {
                this.keySelector2 = keySelector2;
            }

            public <W extends Window> WithWindow<T1, T2, KEY, W> window(
                    WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner) {
                return new WithWindow<>(
                        input1, input2, keySelector1, keySelector2, keyType, assigner);
            }
        }
    }

    /**
     * A co-group with its windows: set a trigger, evictor or lateness if needed, then apply a
     * function.
     */
    public static class WithWindow<T1, T2, KEY, W extends Window> {
        private final DataStream<T1> input1;
        private final DataStream<T2> input2;
        private final KeySelector<T1, KEY> keySelector1;
        private final KeySelector<T2, KEY> keySelector2;
        private final TypeInfo<KEY> keyType;
        private final WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner;
        private Trigger<? super TaggedUnion<T1, T2>, ? super W> trigger;
        private Evictor<? super TaggedUnion<T1, T2>, ? super W> evictor;
        private Duration allowedLateness = Duration.ZERO;

        WithWindow(
                DataStream<T1> input1,
                DataStream<T2> input2,
                KeySelector<T1, KEY> keySelector1,
                KeySelector<T2, KEY> keySelector2,
                TypeInfo<KEY> keyType,
                WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner) {
            this.input1 = input1;
            this.input2 = input2;
            this.keySelector1 = keySelector1;
            this.keySelector2 = keySelector2;
            this.keyType = keyType;
            this.assigner = Objects.requireNonNull(assigner, "assigner");
        }

        TypeInfo<T1> input1Type() {
            return input1.getType();
        }

        public WithWindow<T1, T2, KEY, W> trigger(
                Trigger<? super TaggedUnion<T1, T2>, ? super W> trigger) {
            this.trigger = Objects.requireNonNull(trigger, "trigger");
            return this;
        }

        public WithWindow<T1, T2, KEY, W> evictor(
                Evictor<? super TaggedUnion<T1, T2>, ? super W> evictor) {
            this.evictor = Objects.requireNonNull(evictor, "evictor");
            return this;
        }

        public WithWindow<T1, T2, KEY, W> allowedLateness(Duration lateness) {
            this.allowedLateness = Objects.requireNonNull(lateness, "lateness");
            return this;
        }

        /** Calls {@code function} once per key and window with both sides' elements. */
        public <T> SingleOutputStreamOperator<T> apply(CoGroupFunction<T1, T2, T> function) {
            return apply(
                    function,
                    WindowedStream.extract(
                            function, CoGroupFunction.class, 0, 2, input1.getType(), "CoGroup"),
                    "CoGroup");
        }

        /** Like {@link #apply(CoGroupFunction)}, with the result type given. */
        public <T> SingleOutputStreamOperator<T> apply(
                CoGroupFunction<T1, T2, T> function, TypeInfo<T> resultType) {
            return apply(function, DataStream.Result.of(resultType), "CoGroup");
        }

        <T> SingleOutputStreamOperator<T> apply(
                CoGroupFunction<T1, T2, T> function, DataStream.Result<T> type, String name) {
            Objects.requireNonNull(function, "function");
            TypeInfo<TaggedUnion<T1, T2>> unionType =
                    TypeInfo.parameterized(TaggedUnion.class, input1.getType(), input2.getType());
            DataStream<TaggedUnion<T1, T2>> tagged1 =
                    input1.map(UnionTagger.<T1, T2>first())
                            .name("Tag first input")
                            .returns(unionType);
            DataStream<TaggedUnion<T1, T2>> tagged2 =
                    input2.map(UnionTagger.<T1, T2>second())
                            .name("Tag second input")
                            .returns(unionType);
            WindowedStream<TaggedUnion<T1, T2>, KEY, W> windowed =
                    tagged1.union(tagged2)
                            .keyBy(new UnionKeySelector<>(keySelector1, keySelector2), keyType)
                            .window(assigner);
            if (trigger != null) {
                windowed.trigger(trigger);
            }
            if (evictor != null) {
                windowed.evictor(evictor);
            }
            windowed.allowedLateness(allowedLateness);
            return windowed.process(name, new CoGroupWindowFunction<>(function), type);
        }
    }

    /**
     * An element of the union of the two inputs: exactly one of {@code one} (from the first input)
     * and {@code two} (from the second) is set.
     *
     * @param one the first input's element, or {@code null}
     * @param two the second input's element, or {@code null}
     * @param <T1> the first input's type
     * @param <T2> the second input's type
     */
    public record TaggedUnion<T1, T2>(T1 one, T2 two) {
        public TaggedUnion {
            if ((one == null) == (two == null)) {
                throw new IllegalArgumentException(
                        "A TaggedUnion holds exactly one element, of one side");
            }
        }

        public static <T1, T2> TaggedUnion<T1, T2> one(T1 value) {
            return new TaggedUnion<>(Objects.requireNonNull(value, "value"), null);
        }

        public static <T1, T2> TaggedUnion<T1, T2> two(T2 value) {
            return new TaggedUnion<>(null, Objects.requireNonNull(value, "value"));
        }

        public boolean isOne() {
            return one != null;
        }

        public boolean isTwo() {
            return two != null;
        }

        public T1 getOne() {
            return one;
        }

        public T2 getTwo() {
            return two;
        }
    }
}
