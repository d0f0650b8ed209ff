package io.spate.api.datastream;

import io.spate.annotations.Public;
import io.spate.api.common.InvalidProgramException;
import io.spate.api.common.functions.KeySelector;
import io.spate.api.common.functions.ReduceFunction;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.datastream.aggregation.AggregationFunction;
import io.spate.api.datastream.aggregation.FieldAccessor;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.graph.OperatorSpec;
import io.spate.api.graph.PartitionTransformation;
import io.spate.api.windowing.assigners.GlobalWindows;
import io.spate.api.windowing.assigners.WindowAssigner;
import io.spate.api.windowing.evictors.CountEvictor;
import io.spate.api.windowing.triggers.CountTrigger;
import io.spate.api.windowing.triggers.PurgingTrigger;
import io.spate.api.windowing.windows.GlobalWindow;
import io.spate.api.windowing.windows.Window;

/**
 * A stream grouped by key. Operators applied to it run per key: their keyed state and the rolling
 * aggregations are kept separately for every key.
 *
 * @param <T> the element type
 * @param <K> the key type
 */
@Public
public class KeyedStream<T, K> extends DataStream<T> {
    private final KeySelector<T, K> keySelector;
    private final TypeInfo<K> keyType;

    KeyedStream(
            StreamExecutionEnvironment environment,
            PartitionTransformation<T> partition,
            KeySelector<T, K> keySelector,
            TypeInfo<K> keyType) {
        super(environment, partition);
        this.keySelector = keySelector;
        this.keyType = keyType;
    }

    public KeySelector<T, K> getKeySelector() {
        return keySelector;
    }

    public TypeInfo<K> getKeyType() {
        return keyType;
    }

    @Override
    KeySelector<T, ?> keySelector() {
        return keySelector;
    }

    @Override
    TypeInfo<?> keyType() {
        return keyType;
    }

    /**
     * Cuts each key's elements into windows, as {@code assigner} says; evaluate them with the
     * returned stream's {@code reduce}, {@code aggregate} or {@code process}.
     */
    public <W extends Window> WindowedStream<T, K, W> window(
            WindowAssigner<? super T, W> assigner) {
        return new WindowedStream<>(this, assigner);
    }

    /** Windows of {@code size} elements per key; an incomplete last window never fires. */
    public WindowedStream<T, K, GlobalWindow> countWindow(long size) {
        return window(GlobalWindows.create())
                .trigger(PurgingTrigger.of(CountTrigger.<GlobalWindow>of(size)));
    }

    /**
     * Sliding windows of the last {@code size} elements per key, evaluated every {@code slide}
     * elements.
     */
    public WindowedStream<T, K, GlobalWindow> countWindow(long size, long slide) {
        return window(GlobalWindows.create())
                .evictor(CountEvictor.<GlobalWindow>of(size))
                .trigger(CountTrigger.<GlobalWindow>of(slide));
    }

    /** Applies a keyed process function: it sees the current key and keyed state. */
    public <R> SingleOutputStreamOperator<R> process(KeyedProcessFunction<K, T, R> function) {
        return transform(
                "KeyedProcess",
                new OperatorSpec.KeyedProcess(function),
                outputType(function, KeyedProcessFunction.class, 1, 2, "KeyedProcess"));
    }

    /**
     * Starts an interval join with {@code other}, keyed by keys of the same type: each element of
     * this stream meets the elements of {@code other} with the same key whose timestamps lie within
     * bounds relative to its own ({@code .between(lower, upper)}), in event time.
     */
    public <T1> IntervalJoin<T, T1, K> intervalJoin(KeyedStream<T1, K> other) {
        if (other.getExecutionEnvironment() != getExecutionEnvironment()) {
            throw new InvalidProgramException(
                    "Cannot join streams of different execution environments");
        }
        if (!keyType.equals(other.getKeyType())) {
            throw new InvalidProgramException(
                    "Cannot interval-join streams keyed by keys of different types: "
                            + keyType
                            + " (left) and "
                            + other.getKeyType()
                            + " (right); make both key selectors return the same type");
        }
        return new IntervalJoin<>(this, other);
    }

    /**
     * A rolling reduce: for every element, combines it with the key's previous result and emits the
     * new result.
     */
    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
        return transform("Reduce", new OperatorSpec.KeyedReduce(reducer), Result.of(getType()));
    }

    /** Rolling sum of field {@code position} (a tuple field, or 0 for a number stream). */
    public SingleOutputStreamOperator<T> sum(int position) {
        return aggregate(
                AggregationFunction.Kind.SUM, FieldAccessor.of(getType(), position), "Sum");
    }

    /** Rolling sum of the named field of a record or POJO. */
    public SingleOutputStreamOperator<T> sum(String field) {
        return aggregate(AggregationFunction.Kind.SUM, FieldAccessor.of(getType(), field), "Sum");
    }

    /**
     * Rolling minimum of a field; the other fields keep the values of the key's first element. Use
     * {@link #minBy} for the whole element with the minimum.
     */
    public SingleOutputStreamOperator<T> min(int position) {
        return aggregate(
                AggregationFunction.Kind.MIN, FieldAccessor.of(getType(), position), "Min");
    }

    public SingleOutputStreamOperator<T> min(String field) {
        return aggregate(AggregationFunction.Kind.MIN, FieldAccessor.of(getType(), field), "Min");
    }

    /** Rolling maximum of a field; the other fields keep the values of the key's first element. */
    public SingleOutputStreamOperator<T> max(int position) {
        return aggregate(
                AggregationFunction.Kind.MAX, FieldAccessor.of(getType(), position), "Max");
    }

    public SingleOutputStreamOperator<T> max(String field) {
        return aggregate(AggregationFunction.Kind.MAX, FieldAccessor.of(getType(), field), "Max");
    }

    /** The element with the smallest value of a field so far (the first one on ties). */
    public SingleOutputStreamOperator<T> minBy(int position) {
        return aggregate(
                AggregationFunction.Kind.MIN_BY, FieldAccessor.of(getType(), position), "MinBy");
    }

    public SingleOutputStreamOperator<T> minBy(String field) {
        return aggregate(
                AggregationFunction.Kind.MIN_BY, FieldAccessor.of(getType(), field), "MinBy");
    }

    /** The element with the largest value of a field so far (the first one on ties). */
    public SingleOutputStreamOperator<T> maxBy(int position) {
        return aggregate(
                AggregationFunction.Kind.MAX_BY, FieldAccessor.of(getType(), position), "MaxBy");
    }

    public SingleOutputStreamOperator<T> maxBy(String field) {
        return aggregate(
                AggregationFunction.Kind.MAX_BY, FieldAccessor.of(getType(), field), "MaxBy");
    }

    private SingleOutputStreamOperator<T> aggregate(
            AggregationFunction.Kind kind, FieldAccessor<T> field, String name) {
        return transform(
                name,
                new OperatorSpec.KeyedReduce(new AggregationFunction<>(kind, field)),
                Result.of(getType()));
    }
}
