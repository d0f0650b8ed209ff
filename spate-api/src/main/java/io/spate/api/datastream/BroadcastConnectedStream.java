package io.spate.api.datastream;

import io.spate.annotations.Public;
import io.spate.api.common.InvalidProgramException;
import io.spate.api.common.functions.KeySelector;
import io.spate.api.common.typeinfo.InvalidTypesException;
import io.spate.api.common.typeinfo.TypeExtractor;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.functions.co.BroadcastProcessFunction;
import io.spate.api.functions.co.KeyedBroadcastProcessFunction;
import io.spate.api.graph.CoOperatorSpecs;
import io.spate.api.graph.TwoInputOperatorSpec;
import io.spate.api.graph.TwoInputTransformation;

/**
 * A stream (keyed or not) connected with a {@link BroadcastStream}: one operator sees its share of
 * the first stream's elements and every element of the broadcast stream, and keeps a copy of the
 * broadcast state in every parallel instance.
 *
 * @param <IN1> the non-broadcast stream's type
 * @param <IN2> the broadcast stream's type
 */
@Public
public class BroadcastConnectedStream<IN1, IN2> {
    private final StreamExecutionEnvironment environment;
    private final DataStream<IN1> nonBroadcast;
    private final BroadcastStream<IN2> broadcast;

    protected BroadcastConnectedStream(
            StreamExecutionEnvironment environment,
            DataStream<IN1> nonBroadcast,
            BroadcastStream<IN2> broadcast) {
        this.environment = environment;
        this.nonBroadcast = nonBroadcast;
        this.broadcast = broadcast;
    }

    public StreamExecutionEnvironment getExecutionEnvironment() {
        return environment;
    }

    /** The non-broadcast stream. */
    public DataStream<IN1> getFirstInput() {
        return nonBroadcast;
    }

    /** The broadcast stream. */
    public BroadcastStream<IN2> getSecondInput() {
        return broadcast;
    }

    public TypeInfo<IN1> getType1() {
        return nonBroadcast.getType();
    }

    public TypeInfo<IN2> getType2() {
        return broadcast.getType();
    }

    /**
     * Processes a non-keyed stream with the broadcast stream.
     *
     * @throws InvalidProgramException when the first stream is keyed (use a {@link
     *     KeyedBroadcastProcessFunction})
     */
    public <OUT> SingleOutputStreamOperator<OUT> process(
            BroadcastProcessFunction<IN1, IN2, OUT> function) {
        if (nonBroadcast instanceof KeyedStream) {
            throw new InvalidProgramException(
                    "A BroadcastProcessFunction is for a non-keyed stream, but this stream is"
                            + " keyed: use a KeyedBroadcastProcessFunction");
        }
        return transform(
                "BroadcastProcess",
                new CoOperatorSpecs.BroadcastProcess(
                        function, broadcast.getBroadcastStateDescriptors()),
                outputType(function, BroadcastProcessFunction.class, 0, 2, "BroadcastProcess"));
    }

    /**
     * Processes a keyed stream with the broadcast stream: keyed state and timers for the keyed
     * stream's elements, broadcast state for all.
     *
     * @throws InvalidProgramException when the first stream is not keyed
     */
    public <KS, OUT> SingleOutputStreamOperator<OUT> process(
            KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function) {
        if (!(nonBroadcast instanceof KeyedStream)) {
            throw new InvalidProgramException(
                    "A KeyedBroadcastProcessFunction needs a keyed stream: call keyBy(...) on the"
                            + " stream before connecting it with the broadcast stream, or use a"
                            + " BroadcastProcessFunction");
        }
        return transform(
                "KeyedBroadcastProcess",
                new CoOperatorSpecs.KeyedBroadcastProcess(
                        function, broadcast.getBroadcastStateDescriptors()),
                outputType(
                        function,
                        KeyedBroadcastProcessFunction.class,
                        1,
                        3,
                        "KeyedBroadcastProcess"));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <OUT> SingleOutputStreamOperator<OUT> transform(
            String name, TwoInputOperatorSpec spec, DataStream.Result<OUT> outputType) {
        KeyedStream<IN1, ?> keyed =
                nonBroadcast instanceof KeyedStream ? (KeyedStream<IN1, ?>) nonBroadcast : null;
        TwoInputTransformation<IN1, IN2, OUT> t =
                new TwoInputTransformation<>(
                        environment.nextId(),
                        name,
                        nonBroadcast.getTransformation(),
                        broadcast.getStream().broadcast().getTransformation(),
                        spec,
                        outputType.type,
                        keyed != null ? (KeySelector) keyed.getKeySelector() : null,
                        null,
                        keyed != null ? keyed.getKeyType() : null);
        if (outputType.error != null) {
            t.setOutputTypeError(outputType.error);
        }
        environment.addTransformation(t);
        return new SingleOutputStreamOperator<>(environment, t);
    }

    private <OUT> DataStream.Result<OUT> outputType(
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
