package io.spate.api.datastream;

import io.spate.annotations.Public;
import io.spate.api.common.ExecutionConfig;
import io.spate.api.common.InvalidProgramException;
import io.spate.api.common.eventtime.WatermarkStrategy;
import io.spate.api.common.tuple.Tuple;
import io.spate.api.common.typeinfo.InvalidTypesException;
import io.spate.api.common.typeinfo.TypeExtractor;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.connector.source.Source;
import io.spate.api.connector.source.lib.DataGeneratorSource;
import io.spate.api.connector.source.lib.FromElementsSource;
import io.spate.api.connector.source.lib.NumberSequenceSource;
import io.spate.api.connector.source.lib.TextLineSource;
import io.spate.api.execution.ExecutionOptions;
import io.spate.api.execution.JobClient;
import io.spate.api.execution.JobExecutionException;
import io.spate.api.execution.JobExecutionResult;
import io.spate.api.execution.JobListener;
import io.spate.api.execution.PipelineExecutor;
import io.spate.api.execution.PipelineExecutorFactory;
import io.spate.api.graph.Pipeline;
import io.spate.api.graph.SinkTransformation;
import io.spate.api.graph.SourceTransformation;
import io.spate.api.graph.Transformation;
import io.spate.common.config.Configuration;
import io.spate.common.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Where a streaming job is written and started: it creates sources, collects the operators the
 * streams add, and runs them with {@link #execute()}.
 *
 * <pre>{@code
 * StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
 * env.fromElements("a", "b", "a")
 *         .map(w -> new WordCount(w, 1))
 *         .keyBy(WordCount::word)
 *         .sum("count")
 *         .print();
 * env.execute("word count");
 * }</pre>
 *
 * <p>By default jobs run on an engine embedded in this JVM, started for the job and stopped after
 * it. Not thread-safe: build and execute a job from one thread.
 */
@Public
public class StreamExecutionEnvironment {
    private static volatile ContextSettings context;

    private final Configuration configuration;
    private final ExecutionConfig executionConfig = new ExecutionConfig();
    private final List<Transformation<?>> transformations = new ArrayList<>();
    private final List<JobListener> jobListeners = new ArrayList<>();
    private Clock clock = Clock.system();
    private int nextId;

    protected StreamExecutionEnvironment(Configuration configuration) {
        this.configuration = new Configuration(configuration);
    }

    /**
     * The environment of this program: the one the command line prepared when it runs the program
     * ({@code spate run}), otherwise an embedded one with default settings.
     */
    public static StreamExecutionEnvironment getExecutionEnvironment() {
        return getExecutionEnvironment(new Configuration());
    }

    /** Like {@link #getExecutionEnvironment()}, with settings that override the context's. */
    public static StreamExecutionEnvironment getExecutionEnvironment(Configuration configuration) {
        ContextSettings ctx = context;
        Configuration merged = new Configuration();
        if (ctx != null) {
            merged.addAll(ctx.configuration);
        }
        merged.addAll(configuration);
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(merged);
        if (ctx != null) {
            env.jobListeners.addAll(ctx.listeners);
        }
        return env;
    }

    /** An environment that runs jobs embedded in this JVM with the given default parallelism. */
    public static StreamExecutionEnvironment createLocalEnvironment(int parallelism) {
        StreamExecutionEnvironment env = getExecutionEnvironment();
        env.configuration.set(ExecutionOptions.TARGET, "embedded");
        env.setParallelism(parallelism);
        return env;
    }

    /**
     * Sets the settings and listeners that {@link #getExecutionEnvironment()} starts from, for the
     * programs a launcher (the command line) runs in this JVM; {@code null} clears them.
     */
    public static void setContext(Configuration configuration, List<JobListener> listeners) {
        context =
                configuration == null
                        ? null
                        : new ContextSettings(
                                new Configuration(configuration), List.copyOf(listeners));
    }

    // ------------------------------------------------------------------ settings

    /** The default parallelism of operators that set none. */
    public StreamExecutionEnvironment setParallelism(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException(
                    "The parallelism must be at least 1, was " + parallelism);
        }
        configuration.set(ExecutionOptions.PARALLELISM, parallelism);
        return this;
    }

    /** The default parallelism, or -1 when unset (the engine then uses the number of cores). */
    public int getParallelism() {
        Integer p = configuration.get(ExecutionOptions.PARALLELISM);
        return p == null ? -1 : p;
    }

    /** The number of key groups: the highest parallelism keyed state can be rescaled to. */
    public StreamExecutionEnvironment setMaxParallelism(int maxParallelism) {
        if (maxParallelism < 1 || maxParallelism > (1 << 15)) {
            throw new IllegalArgumentException(
                    "The max parallelism must be in [1, 32768], was " + maxParallelism);
        }
        configuration.set(ExecutionOptions.MAX_PARALLELISM, maxParallelism);
        return this;
    }

    public int getMaxParallelism() {
        return configuration.get(ExecutionOptions.MAX_PARALLELISM);
    }

    public ExecutionConfig getConfig() {
        return executionConfig;
    }

    /** The settings jobs are built and run with; changes apply to jobs executed afterwards. */
    public Configuration getConfiguration() {
        return configuration;
    }

    /**
     * Turns on checkpoints every {@code interval}: the job's state and source positions are saved,
     * and a failed job restarts from the latest checkpoint with exactly-once state. Further
     * settings: {@link io.spate.api.execution.CheckpointingOptions}.
     */
    public StreamExecutionEnvironment enableCheckpointing(java.time.Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException(
                    "The checkpoint interval must be positive, was " + interval);
        }
        configuration.set(io.spate.api.execution.CheckpointingOptions.INTERVAL, interval);
        return this;
    }

    /** The clock the engine reads processing time from; tests set a manual one. */
    public StreamExecutionEnvironment setClock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    public void registerJobListener(JobListener listener) {
        jobListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    // ------------------------------------------------------------------ sources

    /** A stream of the given elements, in order, from one subtask. */
    @SafeVarargs
    public final <T> DataStreamSource<T> fromElements(T... elements) {
        if (elements.length == 0) {
            throw new IllegalArgumentException(
                    "fromElements needs at least one element; use fromCollection(collection, type) for an empty stream");
        }
        return fromCollection(Arrays.asList(elements), typeOfValues(Arrays.asList(elements)));
    }

    /** A stream of the given elements of a declared type, in order, from one subtask. */
    @SafeVarargs
    public final <T> DataStreamSource<T> fromElements(Class<T> type, T... elements) {
        return fromCollection(Arrays.asList(elements), TypeInfo.of(type));
    }

    /** A stream of the collection's elements, in order, from one subtask. */
    public <T> DataStreamSource<T> fromCollection(Collection<T> elements) {
        if (elements.isEmpty()) {
            throw new IllegalArgumentException(
                    "The collection is empty, so its type is unknown; use fromCollection(collection, type)");
        }
        return fromCollection(elements, typeOfValues(elements));
    }

    public <T> DataStreamSource<T> fromCollection(Collection<T> elements, TypeInfo<T> type) {
        SourceTransformation<T> t =
                new SourceTransformation<>(
                        nextId(),
                        "Collection Source",
                        new FromElementsSource<>(elements),
                        WatermarkStrategy.noWatermarks(),
                        type,
                        true);
        return add(t);
    }

    /** The numbers {@code from} to {@code to} (both included), read in parallel. */
    public DataStreamSource<Long> fromSequence(long from, long to) {
        return add(
                new SourceTransformation<>(
                        nextId(),
                        "Sequence Source",
                        new NumberSequenceSource(from, to),
                        WatermarkStrategy.noWatermarks(),
                        TypeInfo.of(Long.class),
                        false));
    }

    /** The lines of a text file, or of all files under a directory, read in parallel. */
    public DataStreamSource<String> readTextFile(String path) {
        return add(
                new SourceTransformation<>(
                        nextId(),
                        "Text File Source (" + path + ")",
                        new TextLineSource(path),
                        WatermarkStrategy.noWatermarks(),
                        TypeInfo.of(String.class),
                        false));
    }

    /** A stream from any {@link Source}, without event time; its type comes from the source. */
    public <T> DataStreamSource<T> fromSource(Source<T, ?> source, String sourceName) {
        return fromSource(source, WatermarkStrategy.noWatermarks(), sourceName);
    }

    /**
     * A stream from any {@link Source} whose records get event time and watermarks as {@code
     * watermarkStrategy} says, per split of the source.
     */
    public <T> DataStreamSource<T> fromSource(
            Source<T, ?> source, WatermarkStrategy<T> watermarkStrategy, String sourceName) {
        TypeInfo<T> type;
        if (source instanceof DataGeneratorSource) {
            @SuppressWarnings("unchecked")
            TypeInfo<T> generated = ((DataGeneratorSource<T>) source).getType();
            type = generated;
        } else {
            try {
                type = TypeExtractor.extract(source, Source.class, -1, 0, null, sourceName);
            } catch (InvalidTypesException e) {
                throw new InvalidTypesException(
                        e.getMessage() + " For a source, use fromSource(source, name, type).", e);
            }
        }
        return fromSource(source, watermarkStrategy, sourceName, type);
    }

    /** A stream from any {@link Source}, without event time, with the element type given. */
    public <T> DataStreamSource<T> fromSource(
            Source<T, ?> source, String sourceName, TypeInfo<T> type) {
        return fromSource(source, WatermarkStrategy.noWatermarks(), sourceName, type);
    }

    /** A stream from any {@link Source} with event time, with the element type given. */
    public <T> DataStreamSource<T> fromSource(
            Source<T, ?> source,
            WatermarkStrategy<T> watermarkStrategy,
            String sourceName,
            TypeInfo<T> type) {
        return add(
                new SourceTransformation<>(
                        nextId(),
                        sourceName,
                        source,
                        java.util.Objects.requireNonNull(watermarkStrategy, "watermarkStrategy"),
                        type,
                        false));
    }

    private <T> DataStreamSource<T> add(SourceTransformation<T> t) {
        addTransformation(t);
        return new DataStreamSource<>(this, t);
    }

    // ------------------------------------------------------------------ execution

    /** Runs the job, waits for its end and returns its result. */
    public JobExecutionResult execute() throws JobExecutionException {
        return execute(defaultJobName());
    }

    /** Runs the job under a name, waits for its end and returns its result. */
    public JobExecutionResult execute(String jobName) throws JobExecutionException {
        JobClient client = executeAsync(jobName);
        try {
            return client.getJobExecutionResult().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            client.cancel();
            throw new JobExecutionException(
                    client.getJobId(),
                    null,
                    "Interrupted while waiting for the job; it was cancelled",
                    e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof JobExecutionException) {
                // A new exception, so that the stack trace shows this caller too.
                JobExecutionException original = (JobExecutionException) cause;
                JobExecutionException thrown =
                        new JobExecutionException(
                                original.getJobId(),
                                original.getJobName(),
                                original.getStatus(),
                                original.getStopSavepointPath(),
                                original.getMessage(),
                                original.getCause());
                throw thrown;
            }
            throw new JobExecutionException(
                    client.getJobId(), null, "The job could not run: " + cause, cause);
        }
    }

    /** Submits the job and returns at once with a client to watch or cancel it. */
    public JobClient executeAsync() {
        return executeAsync(defaultJobName());
    }

    /** Submits the job under a name and returns at once with a client. */
    public JobClient executeAsync(String jobName) {
        if (transformations.stream().noneMatch(t -> t instanceof SinkTransformation)) {
            throw new InvalidProgramException(
                    "The job has no sinks, so it would compute nothing: add one, e.g. print() or sinkTo(...)");
        }
        Pipeline pipeline =
                new Pipeline(
                        jobName,
                        List.copyOf(transformations),
                        executionConfig,
                        new Configuration(configuration),
                        clock);
        PipelineExecutor executor = findExecutor();
        JobClient client;
        try {
            client = executor.execute(pipeline).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw e;
        }
        transformations.clear();
        for (JobListener listener : jobListeners) {
            listener.onJobSubmitted(client);
        }
        return client;
    }

    private String defaultJobName() {
        String name = configuration.get(ExecutionOptions.JOB_NAME);
        return name != null ? name : "Spate Streaming Job";
    }

    private PipelineExecutor findExecutor() {
        String target = configuration.get(ExecutionOptions.TARGET);
        List<String> available = new ArrayList<>();
        for (PipelineExecutorFactory f :
                ServiceLoader.load(PipelineExecutorFactory.class, classLoader())) {
            if (f.name().equals(target)) {
                return f.create(configuration);
            }
            available.add(f.name());
        }
        throw new InvalidProgramException(
                "No engine for execution target '"
                        + target
                        + "' is on the classpath"
                        + (available.isEmpty()
                                ? "; add the io.spate:spate-cluster dependency to run jobs"
                                : "; available: " + available));
    }

    private static ClassLoader classLoader() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return cl != null ? cl : StreamExecutionEnvironment.class.getClassLoader();
    }

    // ------------------------------------------------------------------ graph building

    /** The next node id. */
    public int nextId() {
        return nextId++;
    }

    /** Adds a node that must run even if nothing downstream reads it (operators, sinks). */
    public void addTransformation(Transformation<?> transformation) {
        transformations.add(transformation);
    }

    public List<Transformation<?>> getTransformations() {
        return List.copyOf(transformations);
    }

    /** The type of a set of elements: their common class; tuples get field types from values. */
    @SuppressWarnings("unchecked")
    static <T> TypeInfo<T> typeOfValues(Collection<T> values) {
        Class<?> common = null;
        int index = 0;
        for (T v : values) {
            if (v == null) {
                throw new IllegalArgumentException(
                        "Element "
                                + index
                                + " of the collection is null; streams cannot carry null");
            }
            common = common == null ? v.getClass() : commonSuperclass(common, v.getClass());
            index++;
        }
        if (Tuple.class.isAssignableFrom(common) && common != Tuple.class) {
            int arity = ((Tuple) values.iterator().next()).getArity();
            TypeInfo<?>[] fields = new TypeInfo<?>[arity];
            for (int i = 0; i < arity; i++) {
                List<Object> column = new ArrayList<>();
                for (T v : values) {
                    Object f = ((Tuple) v).getField(i);
                    if (f != null) {
                        column.add(f);
                    }
                }
                if (column.isEmpty()) {
                    throw new InvalidTypesException(
                            "Field f"
                                    + i
                                    + " is null in every element, so its type is unknown; use fromCollection(collection, type)");
                }
                fields[i] = typeOfValues(column);
            }
            return (TypeInfo<T>) TypeInfo.parameterized((Class<Object>) common, fields);
        }
        if (common.getTypeParameters().length > 0) {
            throw new InvalidTypesException(
                    "The elements are of the generic type "
                            + common.getName()
                            + ", whose type arguments Java erases; use fromCollection(collection, type) with e.g. new TypeHint<...>() {}.getTypeInfo()");
        }
        return (TypeInfo<T>) TypeInfo.of(common);
    }

    private static Class<?> commonSuperclass(Class<?> a, Class<?> b) {
        Class<?> c = a;
        while (!c.isAssignableFrom(b)) {
            c = c.getSuperclass();
        }
        return c;
    }

    private static final class ContextSettings {
        final Configuration configuration;
        final List<JobListener> listeners;

        ContextSettings(Configuration configuration, List<JobListener> listeners) {
            this.configuration = configuration;
            this.listeners = listeners;
        }
    }
}
