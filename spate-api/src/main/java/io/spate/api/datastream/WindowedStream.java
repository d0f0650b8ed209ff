package io.spate.api.datastream;

import io.spate.annotations.Public;
import io.spate.api.common.InvalidProgramException;
import io.spate.api.common.functions.AggregateFunction;
import io.spate.api.common.functions.ReduceFunction;
import io.spate.api.common.functions.RichFunction;
import io.spate.api.common.typeinfo.InvalidTypesException;
import io.spate.api.common.typeinfo.TypeExtractor;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.datastream.aggregation.AggregationFunction;
import io.spate.api.datastream.aggregation.FieldAccessor;
import io.spate.api.graph.WindowOperatorSpec;
import io.spate.api.windowing.assigners.MergingWindowAssigner;
import io.spate.api.windowing.assigners.WindowAssigner;
import io.spate.api.windowing.evictors.Evictor;
import io.spate.api.windowing.evictors.TimestampedValue;
import io.spate.api.windowing.functions.ProcessWindowFunction;
import io.spate.api.windowing.functions.WindowFunction;
import io.spate.api.windowing.internal.AggregateApplyWindowFunction;
import io.spate.api.windowing.internal.PassThroughWindowFunction;
import io.spate.api.windowing.internal.ReduceApplyWindowFunction;
import io.spate.api.windowing.internal.WindowFunctionAdapter;
import io.spate.api.windowing.triggers.Trigger;
import io.spate.api.windowing.windows.Window;
import java.time.Duration;
import java.util.Objects;

/**
 * A keyed stream cut into windows by a {@link WindowAssigner}: set how windows fire ({@link
 * #trigger}), which elements they keep ({@link #evictor}), how late elements may be ({@link
 * #allowedLateness}, {@link #sideOutputLateData}), then say how a window is evaluated — {@link
 * #reduce}, {@link #aggregate} (incremental: one value per key and window), {@link #process} (all
 * elements), or both.
 *
 * <pre>{@code
 * stream.keyBy(Order::city)
 *       .window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
 *       .allowedLateness(Duration.ofSeconds(10))
 *       .sideOutputLateData(lateTag)
 *       .aggregate(new CountOrders());
 * }</pre>
 *
 * <p>Results carry the window's {@code maxTimestamp()} as their timestamp.
 *
 * @param <T> the element type
 * @param <K> the key type
 * @param <W> the window type
 */
@Public
public class WindowedStream<T, K, W extends Window> {
    private final KeyedStream<T, K> input;
    private final WindowAssigner<? super T, W> assigner;
    private final String kind;
    private Trigger<? super T, ? super W> trigger;
    private Evictor<? super T, ? super W> evictor;
    private long allowedLateness;
    private OutputTag<T> lateDataOutputTag;

    WindowedStream(KeyedStream<T, K> input, WindowAssigner<? super T, W> assigner) {
        this(input, assigner, "Window");
    }

    WindowedStream(KeyedStream<T, K> input, WindowAssigner<? super T, W> assigner, String kind) {
        this.input = input;
        this.assigner = Objects.requireNonNull(assigner, "assigner");
        this.kind = kind;
        this.trigger = assigner.getDefaultTrigger();
    }

    /** Replaces the assigner's default trigger. */
    public WindowedStream<T, K, W> trigger(Trigger<? super T, ? super W> trigger) {
        Objects.requireNonNull(trigger, "trigger");
        if (assigner instanceof MergingWindowAssigner && !trigger.canMerge()) {
            throw new InvalidProgramException(
                    "The trigger "
                            + trigger
                            + " cannot merge windows, which the merging assigner "
                            + assigner
                            + " needs; use a trigger whose canMerge() is true");
        }
        this.trigger = trigger;
        return this;
    }

    /**
     * Removes elements from a window before and/or after it is evaluated. A window with an evictor
     * keeps all its elements, also for {@code reduce} and {@code aggregate}.
     */
    public WindowedStream<T, K, W> evictor(Evictor<? super T, ? super W> evictor) {
        this.evictor = Objects.requireNonNull(evictor, "evictor");
        return this;
    }

    /**
     * How long after its end (in event time) a window still accepts elements; each such element
     * fires the window again. After that the window's state is removed and its elements are late.
     * Default zero. Ignored by processing-time windows.
     */
    public WindowedStream<T, K, W> allowedLateness(Duration lateness) {
        long ms = lateness.toMillis();
        if (ms < 0) {
            throw new IllegalArgumentException("The allowed lateness must not be negative");
        }
        this.allowedLateness = ms;
        return this;
    }

    /**
     * Sends elements that arrive too late for all their windows (later than end + allowed lateness)
     * to the side output {@code tag}, with their timestamps, instead of dropping them. Read them
     * with {@code result.getSideOutput(tag)}.
     */
    public WindowedStream<T, K, W> sideOutputLateData(OutputTag<T> tag) {
        this.lateDataOutputTag = Objects.requireNonNull(tag, "tag");
        return this;
    }

    // ------------------------------------------------------------------ reduce

    /** Reduces each window incrementally to one element: only the running result is kept. */
    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
        return reduce(
                reducer,
                new PassThroughWindowFunction<>(),
                "Reduce",
                DataStream.Result.of(input.getType()));
    }

    /**
     * Reduces each window incrementally; when the window fires, {@code function} gets the single
     * result, with the window's context.
     */
    public <R> SingleOutputStreamOperator<R> reduce(
            ReduceFunction<T> reducer, ProcessWindowFunction<T, R, K, W> function) {
        return reduce(
                reducer,
                function,
                "Reduce",
                outputType(function, ProcessWindowFunction.class, input.getType()));
    }

    /** Reduces each window incrementally and hands the result to a {@link WindowFunction}. */
    public <R> SingleOutputStreamOperator<R> reduce(
            ReduceFunction<T> reducer, WindowFunction<T, R, K, W> function) {
        return reduce(
                reducer,
                new WindowFunctionAdapter<>(function),
                "Reduce",
                outputType(function, WindowFunction.class, input.getType()));
    }

    <R> SingleOutputStreamOperator<R> reduce(
            ReduceFunction<T> reducer,
            ProcessWindowFunction<T, R, K, W> function,
            String name,
            DataStream.Result<R> type) {
        noRichFunction(reducer, "reduce");
        if (evictor != null) {
            return build(
                    name, elements(), new ReduceApplyWindowFunction<>(reducer, function), type);
        }
        return build(name, new WindowOperatorSpec.Reduce(reducer, input.getType()), function, type);
    }

    // ------------------------------------------------------------------ aggregate

    /**
     * Aggregates each window incrementally: one accumulator per key and window, never the elements.
     */
    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function) {
        return aggregate(
                function,
                accumulatorType(function),
                extract(function, AggregateFunction.class, 0, 2, input.getType(), "Aggregate"));
    }

    /** Like {@link #aggregate(AggregateFunction)}, with the types given where Java erases them. */
    public <ACC, R> SingleOutputStreamOperator<R> aggregate(
            AggregateFunction<T, ACC, R> function,
            TypeInfo<ACC> accumulatorType,
            TypeInfo<R> resultType) {
        return aggregate(function, accumulatorType, DataStream.Result.of(resultType));
    }

    private <ACC, R> SingleOutputStreamOperator<R> aggregate(
            AggregateFunction<T, ACC, R> function,
            TypeInfo<ACC> accumulatorType,
            DataStream.Result<R> resultType) {
        return aggregate(function, accumulatorType, new PassThroughWindowFunction<>(), resultType);
    }

    /**
     * Aggregates each window incrementally; when the window fires, {@code windowFunction} gets the
     * aggregate's result, with the window's context.
     */
    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(
            AggregateFunction<T, ACC, V> function,
            ProcessWindowFunction<V, R, K, W> windowFunction) {
        DataStream.Result<V> middle =
                extract(function, AggregateFunction.class, 0, 2, input.getType(), "Aggregate");
        return aggregate(
                function,
                accumulatorType(function),
                windowFunction,
                outputType(windowFunction, ProcessWindowFunction.class, middle.type));
    }

    /** Aggregates each window incrementally and hands the result to a {@link WindowFunction}. */
    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(
            AggregateFunction<T, ACC, V> function, WindowFunction<V, R, K, W> windowFunction) {
        DataStream.Result<V> middle =
                extract(function, AggregateFunction.class, 0, 2, input.getType(), "Aggregate");
        return aggregate(
                function,
                accumulatorType(function),
                new WindowFunctionAdapter<>(windowFunction),
                outputType(windowFunction, WindowFunction.class, middle.type));
    }

    <ACC, V, R> SingleOutputStreamOperator<R> aggregate(
            AggregateFunction<T, ACC, V> function,
            TypeInfo<ACC> accumulatorType,
            ProcessWindowFunction<V, R, K, W> windowFunction,
            DataStream.Result<R> type) {
        noRichFunction(function, "aggregate");
        if (evictor != null) {
            return build(
                    "Aggregate",
                    elements(),
                    new AggregateApplyWindowFunction<>(function, windowFunction),
                    type);
        }
        return build(
                "Aggregate",
                new WindowOperatorSpec.Aggregate(function, accumulatorType),
                windowFunction,
                type);
    }

    // ------------------------------------------------------------------ whole windows

    /** Evaluates each window with all its elements, kept until the window ends. */
    public <R> SingleOutputStreamOperator<R> process(ProcessWindowFunction<T, R, K, W> function) {
        return process(
                "Process",
                function,
                outputType(function, ProcessWindowFunction.class, input.getType()));
    }

    <R> SingleOutputStreamOperator<R> process(
            String name, ProcessWindowFunction<T, R, K, W> function, DataStream.Result<R> type) {
        return build(name, elements(), function, type);
    }

    /** Evaluates each window with all its elements, through a {@link WindowFunction}. */
    public <R> SingleOutputStreamOperator<R> apply(WindowFunction<T, R, K, W> function) {
        return build(
                "Apply",
                elements(),
                new WindowFunctionAdapter<>(function),
                outputType(function, WindowFunction.class, input.getType()));
    }

    // ------------------------------------------------------------------ field aggregations

    /** The sum of field {@code position} per window (a tuple field, or 0 for numbers). */
    public SingleOutputStreamOperator<T> sum(int position) {
        return fieldAggregation(
                AggregationFunction.Kind.SUM, FieldAccessor.of(input.getType(), position), "Sum");
    }

    public SingleOutputStreamOperator<T> sum(String field) {
        return fieldAggregation(
                AggregationFunction.Kind.SUM, FieldAccessor.of(input.getType(), field), "Sum");
    }

    /** The minimum of a field per window; the other fields are those of the window's first. */
    public SingleOutputStreamOperator<T> min(int position) {
        return fieldAggregation(
                AggregationFunction.Kind.MIN, FieldAccessor.of(input.getType(), position), "Min");
    }

    public SingleOutputStreamOperator<T> min(String field) {
        return fieldAggregation(
                AggregationFunction.Kind.MIN, FieldAccessor.of(input.getType(), field), "Min");
    }

    /** The maximum of a field per window; the other fields are those of the window's first. */
    public SingleOutputStreamOperator<T> max(int position) {
        return fieldAggregation(
                AggregationFunction.Kind.MAX, FieldAccessor.of(input.getType(), position), "Max");
    }

    public SingleOutputStreamOperator<T> max(String field) {
        return fieldAggregation(
                AggregationFunction.Kind.MAX, FieldAccessor.of(input.getType(), field), "Max");
    }

    /** The element with the smallest value of a field per window (the first one on ties). */
    public SingleOutputStreamOperator<T> minBy(int position) {
        return fieldAggregation(
                AggregationFunction.Kind.MIN_BY,
                FieldAccessor.of(input.getType(), position),
                "MinBy");
    }

    public SingleOutputStreamOperator<T> minBy(String field) {
        return fieldAggregation(
                AggregationFunction.Kind.MIN_BY, FieldAccessor.of(input.getType(), field), "MinBy");
    }

    /** The element with the largest value of a field per window (the first one on ties). */
    public SingleOutputStreamOperator<T> maxBy(int position) {
        return fieldAggregation(
                AggregationFunction.Kind.MAX_BY,
                FieldAccessor.of(input.getType(), position),
                "MaxBy");
    }

    public SingleOutputStreamOperator<T> maxBy(String field) {
        return fieldAggregation(
                AggregationFunction.Kind.MAX_BY, FieldAccessor.of(input.getType(), field), "MaxBy");
    }

    private SingleOutputStreamOperator<T> fieldAggregation(
            AggregationFunction.Kind aggregation, FieldAccessor<T> field, String name) {
        return reduce(
                new AggregationFunction<>(aggregation, field),
                new PassThroughWindowFunction<>(),
                name,
                DataStream.Result.of(input.getType()));
    }

    // ------------------------------------------------------------------ plumbing

    public StreamExecutionEnvironment getExecutionEnvironment() {
        return input.getExecutionEnvironment();
    }

    /** The element type. */
    public TypeInfo<T> getInputType() {
        return input.getType();
    }

    /** Contents that keep every element; with timestamps when an evictor needs them. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private WindowOperatorSpec.Contents elements() {
        TypeInfo<?> type =
                evictor == null
                        ? input.getType()
                        : TypeInfo.parameterized((Class) TimestampedValue.class, input.getType());
        return new WindowOperatorSpec.Elements(type);
    }

    private <R> SingleOutputStreamOperator<R> build(
            String function,
            WindowOperatorSpec.Contents contents,
            ProcessWindowFunction<?, R, K, W> windowFunction,
            DataStream.Result<R> type) {
        WindowOperatorSpec spec =
                new WindowOperatorSpec(
                        assigner,
                        trigger,
                        evictor,
                        allowedLateness,
                        lateDataOutputTag,
                        contents,
                        windowFunction);
        String name =
                kind
                        + "("
                        + assigner
                        + ", "
                        + trigger
                        + (evictor == null ? "" : ", " + evictor)
                        + ", "
                        + function
                        + ")";
        return input.transform(name, spec, type);
    }

    private static void noRichFunction(Object function, String what) {
        if (function instanceof RichFunction) {
            throw new InvalidProgramException(
                    "The function of a window's "
                            + what
                            + " cannot be a rich function ("
                            + function.getClass().getName()
                            + "): it runs inside the window's state. Put the logic that needs the"
                            + " runtime context into a ProcessWindowFunction passed alongside.");
        }
    }

    <ACC> TypeInfo<ACC> accumulatorType(AggregateFunction<T, ACC, ?> function) {
        DataStream.Result<ACC> acc =
                extract(function, AggregateFunction.class, 0, 1, input.getType(), "Aggregate");
        if (acc.error != null) {
            throw new InvalidTypesException(
                    acc.error.getMessage()
                            + " For a window aggregate, give the accumulator type with"
                            + " aggregate(function, accumulatorType, resultType).",
                    acc.error);
        }
        return acc.type;
    }

    private <R> DataStream.Result<R> outputType(
            Object function, Class<?> baseType, TypeInfo<?> functionInputType) {
        return extract(function, baseType, 0, 1, functionInputType, kind);
    }

    static <R> DataStream.Result<R> extract(
            Object function,
            Class<?> baseType,
            int inputIndex,
            int outputIndex,
            TypeInfo<?> inputType,
            String name) {
        try {
            return DataStream.Result.of(
                    TypeExtractor.extract(
                            function, baseType, inputIndex, outputIndex, inputType, name));
        } catch (InvalidTypesException e) {
            return new DataStream.Result<>(null, e);
        }
    }
}
