package io.spate.api.datastream;

import io.spate.annotations.Public;
import io.spate.api.common.typeinfo.InvalidTypesException;
import io.spate.api.common.typeinfo.TypeExtractor;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.functions.co.CoMapFunction;
import io.spate.api.graph.CoOperatorSpecs;
import io.spate.api.graph.TwoInputOperatorSpec;
import io.spate.api.graph.TwoInputTransformation;

/**
 * Two streams, possibly of different types, processed together by one operator that sees the
 * elements of both (and, when both are keyed, shares keyed state between them).
 *
 * @param <IN1> the first stream's type
 * @param <IN2> the second stream's type
 */
@Public
public class ConnectedStreams<IN1, IN2> {
    private final StreamExecutionEnvironment environment;
    private final DataStream<IN1> first;
    private final DataStream<IN2> second;

    protected ConnectedStreams(
            StreamExecutionEnvironment environment, DataStream<IN1> first, DataStream<IN2> second) {
        this.environment = environment;
        this.first = first;
        this.second = second;
    }

    public StreamExecutionEnvironment getExecutionEnvironment() {
        return environment;
    }

    public DataStream<IN1> getFirstInput() {
        return first;
    }

    public DataStream<IN2> getSecondInput() {
        return second;
    }

    public TypeInfo<IN1> getType1() {
        return first.getType();
    }

    public TypeInfo<IN2> getType2() {
        return second.getType();
    }

    /** Maps both inputs' elements to one output type. */
    public <R> SingleOutputStreamOperator<R> map(CoMapFunction<IN1, IN2, R> mapper) {
        return transform(
                "CoMap",
                new CoOperatorSpecs.CoMap(mapper),
                outputType(mapper, CoMapFunction.class, 0, 2, "CoMap"));
    }

    /** Adds a two-input operator reading both streams; keyed when both streams are keyed. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected <R> SingleOutputStreamOperator<R> transform(
            String name, TwoInputOperatorSpec spec, DataStream.Result<R> outputType) {
        boolean keyed = first instanceof KeyedStream && second instanceof KeyedStream;
        KeyedStream<IN1, ?> k1 = keyed ? (KeyedStream<IN1, ?>) first : null;
        KeyedStream<IN2, ?> k2 = keyed ? (KeyedStream<IN2, ?>) second : null;
        TwoInputTransformation<IN1, IN2, R> t =
                new TwoInputTransformation<>(
                        environment.nextId(),
                        name,
                        first.getTransformation(),
                        second.getTransformation(),
                        spec,
                        outputType.type,
                        keyed
                                ? (io.spate.api.common.functions.KeySelector) k1.getKeySelector()
                                : null,
                        keyed
                                ? (io.spate.api.common.functions.KeySelector) k2.getKeySelector()
                                : null,
                        keyed ? k1.getKeyType() : null);
        if (outputType.error != null) {
            t.setOutputTypeError(outputType.error);
        }
        environment.addTransformation(t);
        return new SingleOutputStreamOperator<>(environment, t);
    }

    /** The output type of a two-input function, or why it is unknown. */
    protected <R> DataStream.Result<R> outputType(
            Object function, Class<?> baseType, int inputIndex, int outputIndex, String name) {
        try {
            return DataStream.Result.of(
                    TypeExtractor.extract(
                            function, baseType, inputIndex, outputIndex, getType1(), name));
        } catch (InvalidTypesException e) {
            return new DataStream.Result<>(null, e);
        }
    }
}
