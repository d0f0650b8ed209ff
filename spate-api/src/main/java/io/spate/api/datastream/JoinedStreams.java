package io.spate.api.datastream;

import io.spate.annotations.Public;
import io.spate.api.common.functions.FlatJoinFunction;
import io.spate.api.common.functions.JoinFunction;
import io.spate.api.common.functions.KeySelector;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.datastream.CoGroupedStreams.TaggedUnion;
import io.spate.api.windowing.assigners.WindowAssigner;
import io.spate.api.windowing.evictors.Evictor;
import io.spate.api.windowing.internal.FlatJoinCoGroupFunction;
import io.spate.api.windowing.internal.JoinCoGroupFunction;
import io.spate.api.windowing.triggers.Trigger;
import io.spate.api.windowing.windows.Window;
import java.time.Duration;
import java.util.Objects;

/**
 * An inner join of two streams over windows: every pair of elements, one from each stream, with
 * equal keys in the same window goes to a {@link JoinFunction} (or {@link FlatJoinFunction}).
 *
 * <pre>{@code
 * clicks.join(impressions)
 *       .where(Click::adId).equalTo(Impression::adId)
 *       .window(SlidingEventTimeWindows.of(Duration.ofMinutes(10), Duration.ofMinutes(1)))
 *       .apply((click, impression) -> new Match(click, impression));
 * }</pre>
 *
 * <p>Built as a windowed co-group ({@link CoGroupedStreams}) whose function forms every pair. With
 * sliding windows a pair that shares several windows is emitted once per window, as the window
 * semantics say.
 *
 * @param <T1> the first stream's type
 * @param <T2> the second stream's type
 */
@Public
public class JoinedStreams<T1, T2> {
    private final DataStream<T1> input1;
    private final DataStream<T2> input2;

    public JoinedStreams(DataStream<T1> input1, DataStream<T2> input2) {
        this.input1 = Objects.requireNonNull(input1, "input1");
        this.input2 = Objects.requireNonNull(input2, "input2");
    }

    /** The key of the first stream's elements. */
    public <KEY> Where<KEY> where(KeySelector<T1, KEY> keySelector) {
        return new Where<>(keySelector, CoGroupedStreams.keyType(keySelector, input1.getType()));
    }

    /** The key of the first stream's elements, with its type given. */
    public <KEY> Where<KEY> where(KeySelector<T1, KEY> keySelector, TypeInfo<KEY> keyType) {
        return new Where<>(keySelector, keyType);
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
                        new CoGroupedStreams.WithWindow<>(
                                input1, input2, keySelector1, keySelector2, keyType, assigner));
            }
        }
    }

    /** A join with its windows: set a trigger, evictor or lateness if needed, then apply. */
    public static class WithWindow<T1, T2, KEY, W extends Window> {
        private final CoGroupedStreams.WithWindow<T1, T2, KEY, W> coGroup;

        WithWindow(CoGroupedStreams.WithWindow<T1, T2, KEY, W> coGroup) {
            this.coGroup = coGroup;
        }

        public WithWindow<T1, T2, KEY, W> trigger(
                Trigger<? super TaggedUnion<T1, T2>, ? super W> trigger) {
            coGroup.trigger(trigger);
            return this;
        }

        public WithWindow<T1, T2, KEY, W> evictor(
                Evictor<? super TaggedUnion<T1, T2>, ? super W> evictor) {
            coGroup.evictor(evictor);
            return this;
        }

        public WithWindow<T1, T2, KEY, W> allowedLateness(Duration lateness) {
            coGroup.allowedLateness(lateness);
            return this;
        }

        /** Emits {@code function(a, b)} for every pair with equal keys in the same window. */
        public <T> SingleOutputStreamOperator<T> apply(JoinFunction<T1, T2, T> function) {
            return coGroup.apply(
                    new JoinCoGroupFunction<>(function),
                    WindowedStream.extract(
                            function, JoinFunction.class, 0, 2, coGroupInputType(), "Join"),
                    "Join");
        }

        public <T> SingleOutputStreamOperator<T> apply(
                JoinFunction<T1, T2, T> function, TypeInfo<T> resultType) {
            return coGroup.apply(
                    new JoinCoGroupFunction<>(function), DataStream.Result.of(resultType), "Join");
        }

        /** Calls {@code function(a, b, out)} for every pair with equal keys in the same window. */
        public <T> SingleOutputStreamOperator<T> apply(FlatJoinFunction<T1, T2, T> function) {
            return coGroup.apply(
                    new FlatJoinCoGroupFunction<>(function),
                    WindowedStream.extract(
                            function, FlatJoinFunction.class, 0, 2, coGroupInputType(), "Join"),
                    "Join");
        }

        public <T> SingleOutputStreamOperator<T> apply(
                FlatJoinFunction<T1, T2, T> function, TypeInfo<T> resultType) {
            return coGroup.apply(
                    new FlatJoinCoGroupFunction<>(function),
                    DataStream.Result.of(resultType),
                    "Join");
        }

        private TypeInfo<T1> coGroupInputType() {
            return coGroup.input1Type();
        }
    }
}
