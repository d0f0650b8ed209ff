package io.spate.api.datastream;

import io.spate.annotations.Public;
import io.spate.api.common.functions.AggregateFunction;
import io.spate.api.common.functions.ReduceFunction;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.windowing.evictors.Evictor;
import io.spate.api.windowing.functions.AllWindowFunction;
import io.spate.api.windowing.functions.ProcessAllWindowFunction;
import io.spate.api.windowing.internal.AllWindowFunctionAdapter;
import io.spate.api.windowing.internal.ProcessAllWindowFunctionAdapter;
import io.spate.api.windowing.triggers.Trigger;
import io.spate.api.windowing.windows.Window;
import java.time.Duration;

/**
 * A non-keyed stream cut into windows ({@code windowAll}): every window holds elements of the whole
 * stream, so the window operator runs in a single subtask. Otherwise like {@link WindowedStream}.
 *
 * @param <T> the element type
 * @param <W> the window type
 */
@Public
public class AllWindowedStream<T, W extends Window> {
    private final WindowedStream<T, Byte, W> windowed;

    AllWindowedStream(WindowedStream<T, Byte, W> windowed) {
        this.windowed = windowed;
    }

    public AllWindowedStream<T, W> trigger(Trigger<? super T, ? super W> trigger) {
        windowed.trigger(trigger);
        return this;
    }

    public AllWindowedStream<T, W> evictor(Evictor<? super T, ? super W> evictor) {
        windowed.evictor(evictor);
        return this;
    }

    /** See {@link WindowedStream#allowedLateness}. */
    public AllWindowedStream<T, W> allowedLateness(Duration lateness) {
        windowed.allowedLateness(lateness);
        return this;
    }

    /** See {@link WindowedStream#sideOutputLateData}. */
    public AllWindowedStream<T, W> sideOutputLateData(OutputTag<T> tag) {
        windowed.sideOutputLateData(tag);
        return this;
    }

    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
        return single(windowed.reduce(reducer));
    }

    public <R> SingleOutputStreamOperator<R> reduce(
            ReduceFunction<T> reducer, ProcessAllWindowFunction<T, R, W> function) {
        return single(
                windowed.reduce(
                        reducer,
                        new ProcessAllWindowFunctionAdapter<>(function),
                        "Reduce",
                        outputType(function, ProcessAllWindowFunction.class, getInputType())));
    }

    public <R> SingleOutputStreamOperator<R> reduce(
            ReduceFunction<T> reducer, AllWindowFunction<T, R, W> function) {
        return single(
                windowed.reduce(
                        reducer,
                        new AllWindowFunctionAdapter<>(function),
                        "Reduce",
                        outputType(function, AllWindowFunction.class, getInputType())));
    }

    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function) {
        return single(windowed.aggregate(function));
    }

    public <ACC, R> SingleOutputStreamOperator<R> aggregate(
            AggregateFunction<T, ACC, R> function,
            TypeInfo<ACC> accumulatorType,
            TypeInfo<R> resultType) {
        return single(windowed.aggregate(function, accumulatorType, resultType));
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(
            AggregateFunction<T, ACC, V> function,
            ProcessAllWindowFunction<V, R, W> windowFunction) {
        return single(
                windowed.aggregate(
                        function,
                        windowed.accumulatorType(function),
                        new ProcessAllWindowFunctionAdapter<>(windowFunction),
                        outputType(
                                windowFunction,
                                ProcessAllWindowFunction.class,
                                resultType(function))));
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(
            AggregateFunction<T, ACC, V> function, AllWindowFunction<V, R, W> windowFunction) {
        return single(
                windowed.aggregate(
                        function,
                        windowed.accumulatorType(function),
                        new AllWindowFunctionAdapter<>(windowFunction),
                        outputType(windowFunction, AllWindowFunction.class, resultType(function))));
    }

    /** Evaluates each window with all its elements. */
    public <R> SingleOutputStreamOperator<R> process(ProcessAllWindowFunction<T, R, W> function) {
        return single(
                windowed.process(
                        "Process",
                        new ProcessAllWindowFunctionAdapter<>(function),
                        outputType(function, ProcessAllWindowFunction.class, getInputType())));
    }

    public <R> SingleOutputStreamOperator<R> apply(AllWindowFunction<T, R, W> function) {
        return single(
                windowed.process(
                        "Apply",
                        new AllWindowFunctionAdapter<>(function),
                        outputType(function, AllWindowFunction.class, getInputType())));
    }

    public SingleOutputStreamOperator<T> sum(int position) {
        return single(windowed.sum(position));
    }

    public SingleOutputStreamOperator<T> sum(String field) {
        return single(windowed.sum(field));
    }

    public SingleOutputStreamOperator<T> min(int position) {
        return single(windowed.min(position));
    }

    public SingleOutputStreamOperator<T> min(String field) {
        return single(windowed.min(field));
    }

    public SingleOutputStreamOperator<T> max(int position) {
        return single(windowed.max(position));
    }

    public SingleOutputStreamOperator<T> max(String field) {
        return single(windowed.max(field));
    }

    public SingleOutputStreamOperator<T> minBy(int position) {
        return single(windowed.minBy(position));
    }

    public SingleOutputStreamOperator<T> minBy(String field) {
        return single(windowed.minBy(field));
    }

    public SingleOutputStreamOperator<T> maxBy(int position) {
        return single(windowed.maxBy(position));
    }

    public SingleOutputStreamOperator<T> maxBy(String field) {
        return single(windowed.maxBy(field));
    }

    public TypeInfo<T> getInputType() {
        return windowed.getInputType();
    }

    private static <R> SingleOutputStreamOperator<R> single(SingleOutputStreamOperator<R> op) {
        return op.setParallelism(1);
    }

    private <V> TypeInfo<V> resultType(AggregateFunction<T, ?, V> function) {
        DataStream.Result<V> r =
                WindowedStream.extract(
                        function, AggregateFunction.class, 0, 2, getInputType(), "WindowAll");
        return r.type;
    }

    private static <R> DataStream.Result<R> outputType(
            Object function, Class<?> baseType, TypeInfo<?> inputType) {
        return WindowedStream.extract(function, baseType, 0, 1, inputType, "WindowAll");
    }
}
