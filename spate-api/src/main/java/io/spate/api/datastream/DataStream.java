package io.spate.api.datastream;

import io.spate.annotations.Public;
import io.spate.api.common.InvalidProgramException;
import io.spate.api.common.eventtime.WatermarkStrategy;
import io.spate.api.common.functions.FilterFunction;
import io.spate.api.common.functions.FlatMapFunction;
import io.spate.api.common.functions.KeySelector;
import io.spate.api.common.functions.MapFunction;
import io.spate.api.common.functions.Partitioner;
import io.spate.api.common.state.MapStateDescriptor;
import io.spate.api.common.typeinfo.InvalidTypesException;
import io.spate.api.common.typeinfo.TypeExtractor;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.connector.sink.CollectSink;
import io.spate.api.connector.sink.FileSink;
import io.spate.api.connector.sink.PrintSink;
import io.spate.api.connector.sink.SimpleStringEncoder;
import io.spate.api.connector.sink.Sink;
import io.spate.api.execution.JobClient;
import io.spate.api.execution.JobExecutionException;
import io.spate.api.functions.ProcessFunction;
import io.spate.api.graph.OneInputTransformation;
import io.spate.api.graph.OperatorSpec;
import io.spate.api.graph.PartitionSpec;
import io.spate.api.graph.PartitionTransformation;
import io.spate.api.graph.SinkTransformation;
import io.spate.api.graph.Transformation;
import io.spate.api.graph.UnionTransformation;
import io.spate.api.windowing.assigners.GlobalWindows;
import io.spate.api.windowing.assigners.WindowAssigner;
import io.spate.api.windowing.evictors.CountEvictor;
import io.spate.api.windowing.internal.NullByteKeySelector;
import io.spate.api.windowing.triggers.CountTrigger;
import io.spate.api.windowing.triggers.PurgingTrigger;
import io.spate.api.windowing.windows.GlobalWindow;
import io.spate.api.windowing.windows.Window;
import io.spate.common.util.CloseableIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A stream of elements of one type, and the operations that make new streams from it. Building a
 * stream runs nothing: it adds to the job's logical graph, which runs when the environment's {@code
 * execute()} is called.
 *
 * @param <T> the element type
 */
@Public
public class DataStream<T> {
    private final StreamExecutionEnvironment environment;
    private final Transformation<T> transformation;

    protected DataStream(StreamExecutionEnvironment environment, Transformation<T> transformation) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.transformation = Objects.requireNonNull(transformation, "transformation");
    }

    public StreamExecutionEnvironment getExecutionEnvironment() {
        return environment;
    }

    public Transformation<T> getTransformation() {
        return transformation;
    }

    /** The element type; throws the recorded error when it could not be determined. */
    public TypeInfo<T> getType() {
        return transformation.getOutputType();
    }

    public int getParallelism() {
        return transformation.getParallelism();
    }

    // ------------------------------------------------------------------ element-wise operators

    /** Applies {@code mapper} to every element. */
    public <R> SingleOutputStreamOperator<R> map(MapFunction<T, R> mapper) {
        return transform(
                "Map",
                new OperatorSpec.Map(mapper),
                outputType(mapper, MapFunction.class, 0, 1, "Map"));
    }

    /** Applies {@code flatMapper} to every element; it emits any number of elements. */
    public <R> SingleOutputStreamOperator<R> flatMap(FlatMapFunction<T, R> flatMapper) {
        return transform(
                "FlatMap",
                new OperatorSpec.FlatMap(flatMapper),
                outputType(flatMapper, FlatMapFunction.class, 0, 1, "FlatMap"));
    }

    /** Keeps the elements for which {@code filter} returns true. */
    public SingleOutputStreamOperator<T> filter(FilterFunction<T> filter) {
        return transform("Filter", new OperatorSpec.Filter(filter), Result.of(getType()));
    }

    /** Applies a process function to every element. */
    public <R> SingleOutputStreamOperator<R> process(ProcessFunction<T, R> function) {
        return transform(
                "Process",
                new OperatorSpec.Process(function),
                outputType(function, ProcessFunction.class, 0, 1, "Process"));
    }

    /**
     * Gives the records event time and generates watermarks as {@code strategy} says, replacing the
     * timestamps and watermarks from upstream. Prefer setting the strategy on the source ({@code
     * env.fromSource(source, strategy, name)}), where watermarks are tracked per split.
     */
    public SingleOutputStreamOperator<T> assignTimestampsAndWatermarks(
            WatermarkStrategy<T> strategy) {
        return transform(
                "Timestamps/Watermarks",
                new OperatorSpec.TimestampsAndWatermarks(
                        Objects.requireNonNull(strategy, "strategy")),
                Result.of(getType()));
    }

    /**
     * Connects this stream with another, possibly of another type, so that one operator processes
     * both. Key both streams (with keys of one type) to share keyed state between them.
     */
    public <R> ConnectedStreams<T, R> connect(DataStream<R> other) {
        if (other.environment != environment) {
            throw new InvalidProgramException(
                    "Cannot connect streams of different execution environments");
        }
        return new ConnectedStreams<>(environment, this, other);
    }

    /**
     * Connects this stream (keyed or not) with a broadcast stream: process the result with a {@code
     * BroadcastProcessFunction}, or a {@code KeyedBroadcastProcessFunction} when this stream is
     * keyed.
     */
    public <R> BroadcastConnectedStream<T, R> connect(BroadcastStream<R> broadcastStream) {
        if (broadcastStream.getExecutionEnvironment() != environment) {
            throw new InvalidProgramException(
                    "Cannot connect streams of different execution environments");
        }
        return new BroadcastConnectedStream<>(environment, this, broadcastStream);
    }

    // ------------------------------------------------------------------ partitioning

    /**
     * Groups the stream by key: every element with the same key goes to the same subtask, and the
     * next operator keeps state per key.
     */
    public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> keySelector) {
        TypeInfo<K> keyType;
        try {
            keyType =
                    TypeExtractor.extract(keySelector, KeySelector.class, 0, 1, getType(), "keyBy");
        } catch (InvalidTypesException e) {
            throw new InvalidTypesException(
                    e.getMessage() + " For a key selector, use keyBy(selector, keyType).", e);
        }
        return keyBy(keySelector, keyType);
    }

    /** Groups the stream by key, with the key type given explicitly. */
    public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> keySelector, TypeInfo<K> keyType) {
        Objects.requireNonNull(keySelector, "keySelector");
        Objects.requireNonNull(keyType, "keyType");
        PartitionTransformation<T> partition =
                new PartitionTransformation<>(
                        environment.nextId(),
                        transformation,
                        PartitionSpec.byKey(keySelector, keyType));
        return new KeyedStream<>(environment, partition, keySelector, keyType);
    }

    /** Sends subtask i's elements to subtask i of the next operator (equal parallelism). */
    public DataStream<T> forward() {
        return partition(PartitionSpec.of(PartitionSpec.Kind.FORWARD));
    }

    /** Distributes elements round robin over all subtasks of the next operator. */
    public DataStream<T> rebalance() {
        return partition(PartitionSpec.of(PartitionSpec.Kind.REBALANCE));
    }

    /**
     * Distributes elements round robin over a subset of the next operator's subtasks, so that each
     * upstream subtask talks to few downstream ones.
     */
    public DataStream<T> rescale() {
        return partition(PartitionSpec.of(PartitionSpec.Kind.RESCALE));
    }

    /** Sends every element to every subtask of the next operator. */
    public DataStream<T> broadcast() {
        return partition(PartitionSpec.of(PartitionSpec.Kind.BROADCAST));
    }

    /**
     * Makes this stream a broadcast stream with broadcast state: connected to another stream, every
     * element goes to every parallel instance of the operator, which keeps a copy of each state
     * {@code broadcastStateDescriptors} names ({@code getBroadcastState(descriptor)}).
     *
     * @throws IllegalArgumentException when no descriptor is given or two share a name
     */
    public BroadcastStream<T> broadcast(MapStateDescriptor<?, ?>... broadcastStateDescriptors) {
        if (broadcastStateDescriptors.length == 0) {
            throw new IllegalArgumentException(
                    "broadcast(descriptors...) needs at least one broadcast state descriptor");
        }
        List<MapStateDescriptor<?, ?>> descriptors = new ArrayList<>();
        for (MapStateDescriptor<?, ?> d : broadcastStateDescriptors) {
            Objects.requireNonNull(d, "broadcast state descriptor");
            for (MapStateDescriptor<?, ?> other : descriptors) {
                if (other.getName().equals(d.getName())) {
                    throw new IllegalArgumentException(
                            "Two broadcast state descriptors are named '"
                                    + d.getName()
                                    + "'; broadcast state names must be unique");
                }
            }
            descriptors.add(d);
        }
        return new BroadcastStream<>(environment, this, descriptors);
    }

    /** Sends each element to a random subtask of the next operator. */
    public DataStream<T> shuffle() {
        return partition(PartitionSpec.of(PartitionSpec.Kind.SHUFFLE));
    }

    /** Sends every element to the first subtask of the next operator. */
    public DataStream<T> global() {
        return partition(PartitionSpec.of(PartitionSpec.Kind.GLOBAL));
    }

    /** Sends each element to the subtask that {@code partitioner} picks for its key. */
    public <K> DataStream<T> partitionCustom(
            Partitioner<K> partitioner, KeySelector<T, K> keySelector) {
        return partition(
                PartitionSpec.custom(
                        Objects.requireNonNull(partitioner, "partitioner"),
                        Objects.requireNonNull(keySelector, "keySelector")));
    }

    private DataStream<T> partition(PartitionSpec spec) {
        return new DataStream<>(
                environment,
                new PartitionTransformation<>(environment.nextId(), transformation, spec));
    }

    /** One stream of the elements of this stream and of {@code others}, all of the same type. */
    @SafeVarargs
    public final DataStream<T> union(DataStream<T>... others) {
        List<Transformation<T>> inputs = new ArrayList<>();
        inputs.add(transformation);
        for (DataStream<T> other : others) {
            if (other.environment != environment) {
                throw new InvalidProgramException(
                        "Cannot union streams of different execution environments");
            }
            if (!other.getType().equals(getType())) {
                throw new InvalidProgramException(
                        "Cannot union a stream of "
                                + getType()
                                + " with a stream of "
                                + other.getType()
                                + "; map them to one type first");
            }
            inputs.add(other.transformation);
        }
        return new DataStream<>(
                environment, new UnionTransformation<>(environment.nextId(), inputs, getType()));
    }

    // ------------------------------------------------------------------ sinks

    /** Prints every element on standard output (at least once; for trying things out). */
    public DataStreamSink<T> print() {
        return sinkTo(new PrintSink<>(), "Print to Std. Out");
    }

    /** Prints every element on standard output, each line prefixed with {@code identifier}. */
    public DataStreamSink<T> print(String identifier) {
        return sinkTo(new PrintSink<>(identifier, false), "Print to Std. Out");
    }

    /** Prints every element on standard error. */
    public DataStreamSink<T> printToErr() {
        return sinkTo(new PrintSink<>("", true), "Print to Std. Err");
    }

    /** Prints every element on standard error, each line prefixed with {@code identifier}. */
    public DataStreamSink<T> printToErr(String identifier) {
        return sinkTo(new PrintSink<>(identifier, true), "Print to Std. Err");
    }

    /** Writes each element's {@code toString()} as a line into part files under {@code path}. */
    public DataStreamSink<T> writeAsText(String path) {
        return sinkTo(FileSink.forRowFormat(path, new SimpleStringEncoder<>()), "Text File Sink");
    }

    /** Writes the stream to {@code sink}. */
    public DataStreamSink<T> sinkTo(Sink<T> sink) {
        return sinkTo(sink, "Sink");
    }

    private DataStreamSink<T> sinkTo(Sink<T> sink, String name) {
        SinkTransformation<T> t =
                new SinkTransformation<>(
                        environment.nextId(), name, transformation, Objects.requireNonNull(sink));
        environment.addTransformation(t);
        return new DataStreamSink<>(t);
    }

    /**
     * Runs the job and returns an iterator over this stream's elements as they arrive. Closing the
     * iterator before the end cancels the job. Iterating throws when the job fails.
     */
    public CloseableIterator<T> executeAndCollect() throws JobExecutionException {
        return executeAndCollect("Collect job");
    }

    /** Like {@link #executeAndCollect()}, naming the job. */
    public CloseableIterator<T> executeAndCollect(String jobName) throws JobExecutionException {
        String channelId = UUID.randomUUID().toString();
        DataStreamSink<T> sink = sinkTo(new CollectSink<>(channelId), "Collect Sink");
        sink.setParallelism(1);
        JobClient client = environment.executeAsync(jobName);
        return client.collect(channelId);
    }

    /** Runs the job and returns the first {@code limit} elements; then cancels the job. */
    public List<T> executeAndCollect(int limit) throws JobExecutionException {
        List<T> result = new ArrayList<>();
        try (CloseableIterator<T> it = executeAndCollect()) {
            while (result.size() < limit && it.hasNext()) {
                result.add(it.next());
            }
        }
        return result;
    }

    // ------------------------------------------------------------------ windows and joins

    /**
     * Cuts the whole stream (not keyed) into windows. All elements meet in one subtask: the window
     * operator's parallelism is 1.
     */
    public <W extends Window> AllWindowedStream<T, W> windowAll(
            WindowAssigner<? super T, W> assigner) {
        KeyedStream<T, Byte> keyed = keyBy(new NullByteKeySelector<>(), Types.BYTE);
        return new AllWindowedStream<>(new WindowedStream<>(keyed, assigner, "WindowAll"));
    }

    /** Windows of {@code size} elements of the whole stream; an incomplete last one never fires. */
    public AllWindowedStream<T, GlobalWindow> countWindowAll(long size) {
        return windowAll(GlobalWindows.create())
                .trigger(PurgingTrigger.of(CountTrigger.<GlobalWindow>of(size)));
    }

    /** The last {@code size} elements of the whole stream, evaluated every {@code slide}. */
    public AllWindowedStream<T, GlobalWindow> countWindowAll(long size, long slide) {
        return windowAll(GlobalWindows.create())
                .evictor(CountEvictor.<GlobalWindow>of(size))
                .trigger(CountTrigger.<GlobalWindow>of(slide));
    }

    /**
     * Joins this stream with {@code other} over windows: {@code
     * a.join(b).where(keyA).equalTo(keyB).window(assigner).apply(joinFunction)}.
     */
    public <T2> JoinedStreams<T, T2> join(DataStream<T2> other) {
        return new JoinedStreams<>(this, other);
    }

    /**
     * Groups this stream and {@code other} together by key and window: {@code
     * a.coGroup(b).where(keyA).equalTo(keyB).window(assigner).apply(coGroupFunction)}.
     */
    public <T2> CoGroupedStreams<T, T2> coGroup(DataStream<T2> other) {
        return new CoGroupedStreams<>(this, other);
    }

    // ------------------------------------------------------------------ plumbing

    /** Adds a one-input operator, keyed when this stream is keyed. */
    protected <R> SingleOutputStreamOperator<R> transform(
            String name, OperatorSpec spec, Result<R> outputType) {
        OneInputTransformation<T, R> t =
                new OneInputTransformation<>(
                        environment.nextId(),
                        name,
                        transformation,
                        spec,
                        outputType.type,
                        keySelector(),
                        keyType());
        if (outputType.error != null) {
            t.setOutputTypeError(outputType.error);
        }
        environment.addTransformation(t);
        return new SingleOutputStreamOperator<>(environment, t);
    }

    /** The key selector of a keyed stream; {@code null} here. */
    KeySelector<T, ?> keySelector() {
        return null;
    }

    TypeInfo<?> keyType() {
        return null;
    }

    /** The output type of a function, or the reason it is unknown (reported when needed). */
    protected <R> Result<R> outputType(
            Object function, Class<?> baseType, int inputIndex, int outputIndex, String name) {
        try {
            return Result.of(
                    TypeExtractor.extract(
                            function, baseType, inputIndex, outputIndex, getType(), name));
        } catch (InvalidTypesException e) {
            return new Result<>(null, e);
        }
    }

    /** An output type, or why it could not be determined. */
    protected static final class Result<R> {
        final TypeInfo<R> type;
        final InvalidTypesException error;

        Result(TypeInfo<R> type, InvalidTypesException error) {
            this.type = type;
            this.error = error;
        }

        static <R> Result<R> of(TypeInfo<R> type) {
            return new Result<>(type, null);
        }
    }
}
