package io.spate.api.datastream;

import io.spate.annotations.Public;
import io.spate.api.common.InvalidProgramException;
import io.spate.api.common.functions.KeySelector;
import io.spate.api.common.typeinfo.InvalidTypesException;
import io.spate.api.common.typeinfo.TypeExtractor;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.functions.co.CoFlatMapFunction;
import io.spate.api.functions.co.CoMapFunction;
import io.spate.api.functions.co.CoProcessFunction;
import io.spate.api.functions.co.KeyedCoProcessFunction;
import io.spate.api.graph.CoOperatorSpecs;
import io.spate.api.graph.TwoInputOperatorSpec;
import io.spate.api.graph.TwoInputTransformation;
import java.lang.reflect.Modifier;

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

    /** Maps each element of either input to any number of elements of one output type. */
    public <R> SingleOutputStreamOperator<R> flatMap(CoFlatMapFunction<IN1, IN2, R> flatMapper) {
        return transform(
                "CoFlatMap",
                new CoOperatorSpecs.CoFlatMap(flatMapper),
                outputType(flatMapper, CoFlatMapFunction.class, 0, 2, "CoFlatMap"));
    }

    /**
     * Applies a co-process function to both inputs: each element with its context (timestamp, time,
     * side outputs). Timers need keyed inputs and a {@link KeyedCoProcessFunction}.
     */
    public <R> SingleOutputStreamOperator<R> process(CoProcessFunction<IN1, IN2, R> function) {
        return transform(
                "CoProcess",
                new CoOperatorSpecs.CoProcess(function),
                outputType(function, CoProcessFunction.class, 0, 2, "CoProcess"));
    }

    /**
     * Applies a keyed co-process function to both inputs, which must be keyed ({@link #keyBy}): the
     * elements of either input come with their key current; the function has keyed state shared by
     * both inputs and timers per key.
     */
    public <K, R> SingleOutputStreamOperator<R> process(
            KeyedCoProcessFunction<K, IN1, IN2, R> function) {
        if (!isKeyed()) {
            throw new InvalidProgramException(
                    "A KeyedCoProcessFunction needs both connected streams keyed: call"
                            + " keyBy(key1, key2) on the connected streams first, or connect two"
                            + " keyed streams");
        }
        return transform(
                "KeyedCoProcess",
                new CoOperatorSpecs.KeyedCoProcess(function),
                outputType(function, KeyedCoProcessFunction.class, 1, 3, "KeyedCoProcess"));
    }

    /**
     * Keys both inputs, with keys of one type: elements of either input with equal keys meet at the
     * same subtask and share keyed state and timers.
     *
     * @throws InvalidProgramException when the two selectors give keys of different types
     */
    public <K> ConnectedStreams<IN1, IN2> keyBy(
            KeySelector<IN1, K> keySelector1, KeySelector<IN2, K> keySelector2) {
        TypeInfo<K> type1 = keyType(keySelector1, getType1(), "first");
        TypeInfo<K> type2 = keyType(keySelector2, getType2(), "second");
        if (!type1.equals(type2)) {
            throw new InvalidProgramException(differentKeyTypes(type1, type2));
        }
        Class<?> raw = type1.getRawType();
        if (!raw.isArray()
                && (raw == Object.class
                        || raw.isInterface()
                        || Modifier.isAbstract(raw.getModifiers()))) {
            // Two lambdas returning different types (String and Integer) make Java infer a common
            // supertype for both (Serializable), which is all their serialized form shows.
            throw new InvalidProgramException(
                    "The key selectors of the connected streams give keys of type "
                            + type1
                            + ", which is not a concrete type: they may return keys of different"
                            + " types, whose common supertype Java inferred. Make both return the"
                            + " same concrete type, or give it: keyBy(key1, key2, keyType)");
        }
        return keyBy(keySelector1, keySelector2, type1);
    }

    /** Keys both inputs, with the key type given explicitly. */
    public <K> ConnectedStreams<IN1, IN2> keyBy(
            KeySelector<IN1, K> keySelector1,
            KeySelector<IN2, K> keySelector2,
            TypeInfo<K> keyType) {
        return new ConnectedStreams<>(
                environment,
                first.keyBy(keySelector1, keyType),
                second.keyBy(keySelector2, keyType));
    }

    private static <T, K> TypeInfo<K> keyType(
            KeySelector<T, K> selector, TypeInfo<T> inputType, String input) {
        try {
            return TypeExtractor.extract(
                    selector, KeySelector.class, 0, 1, inputType, "keyBy (" + input + " input)");
        } catch (InvalidTypesException e) {
            throw new InvalidTypesException(
                    e.getMessage() + " For key selectors, use keyBy(key1, key2, keyType).", e);
        }
    }

    private static String differentKeyTypes(TypeInfo<?> type1, TypeInfo<?> type2) {
        return "The connected streams are keyed by keys of different types: "
                + type1
                + " (first input) and "
                + type2
                + " (second input). Elements of the two inputs meet by key only when the keys"
                + " have one type: make both key selectors return the same type";
    }

    /** Whether both inputs are keyed. */
    private boolean isKeyed() {
        return first instanceof KeyedStream && second instanceof KeyedStream;
    }

    /** Adds a two-input operator reading both streams; keyed when both streams are keyed. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected <R> SingleOutputStreamOperator<R> transform(
            String name, TwoInputOperatorSpec spec, DataStream.Result<R> outputType) {
        boolean keyed = isKeyed();
        KeyedStream<IN1, ?> k1 = keyed ? (KeyedStream<IN1, ?>) first : null;
        KeyedStream<IN2, ?> k2 = keyed ? (KeyedStream<IN2, ?>) second : null;
        if (keyed && !k1.getKeyType().equals(k2.getKeyType())) {
            throw new InvalidProgramException(differentKeyTypes(k1.getKeyType(), k2.getKeyType()));
        }
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
