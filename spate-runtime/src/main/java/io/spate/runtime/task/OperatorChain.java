package io.spate.runtime.task;

import io.spate.annotations.Internal;
import io.spate.annotations.NotThreadSafe;
import io.spate.api.common.functions.Counter;
import io.spate.api.common.functions.KeySelector;
import io.spate.api.connector.sink.ClientChannel;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.source.Source;
import io.spate.api.connector.source.SourceSplit;
import io.spate.api.datastream.OutputTag;
import io.spate.api.execution.OperatorException;
import io.spate.api.graph.OperatorSpec;
import io.spate.api.graph.SourceSpec;
import io.spate.api.graph.TwoInputOperatorSpec;
import io.spate.common.JobId;
import io.spate.common.config.Configuration;
import io.spate.common.serialization.TypeSerializer;
import io.spate.common.time.Clock;
import io.spate.core.checkpoint.KeyGroupedPart;
import io.spate.core.checkpoint.OperatorListState;
import io.spate.core.operators.OperatorContext;
import io.spate.core.operators.OperatorFactory;
import io.spate.core.operators.OperatorSnapshot;
import io.spate.core.operators.OperatorStateRestore;
import io.spate.core.operators.Output;
import io.spate.core.operators.SinkOperator;
import io.spate.core.operators.SourceOperator;
import io.spate.core.operators.StreamOperator;
import io.spate.core.operators.TwoInputStreamOperator;
import io.spate.core.operators.WatermarkStatus;
import io.spate.core.partition.ExchangePattern;
import io.spate.core.partition.Partitioners;
import io.spate.core.partition.StreamPartitioner;
import io.spate.core.plan.ChainedOperator;
import io.spate.core.plan.JobEdge;
import io.spate.core.plan.JobGraph;
import io.spate.core.plan.JobVertex;
import io.spate.core.plan.OperatorOutput;
import io.spate.core.serialization.SerializerFactory;
import io.spate.core.state.KeyGroupRange;
import io.spate.core.state.KeyGroups;
import io.spate.core.state.KeyedBackendParameters;
import io.spate.core.state.KeyedStateBackend;
import io.spate.core.state.KeyedStateSnapshot;
import io.spate.core.timers.ProcessingTimeService;
import io.spate.runtime.exchange.ChannelId;
import io.spate.runtime.exchange.OutputChannel;
import io.spate.runtime.exchange.RecordWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The operators of one subtask's fused chain, wired together: each operator's output calls the next
 * operators' {@code processElement} directly, and the exchanges that leave the chain get a {@link
 * RecordWriter}. Built and used by the subtask's thread only.
 *
 * <pre>
 *   head ──► op1 ──► op2 ──► RecordWriter (edge 3)
 *              └───► sink
 * </pre>
 */
@Internal
@NotThreadSafe
final class OperatorChain {
    private final TaskDeployment deployment;
    private final JobVertex vertex;
    private final TaskEnvironment env;
    private final TaskMetrics metrics;

    /** Operators in topological order; index 0 is the head (null there for a source). */
    private final StreamOperator<Object, Object>[] operators;

    private final List<KeyedStateBackend<?>> backends = new ArrayList<>();

    /** The keyed state backend of each operator, or null. */
    private final KeyedStateBackend<?>[] backendOf;

    private final List<RecordWriter> writers = new ArrayList<>();
    private final List<StreamOperator<?, ?>> backpressuring = new ArrayList<>();
    private SourceOperator<Object, SourceSplit> source;
    private Output<Object> headInput;
    private Output<Object> headInput2;
    private int opened;

    private final TaskProcessingTimeService processingTime;
    private final FailureInjection failures;

    @SuppressWarnings("unchecked")
    OperatorChain(
            TaskDeployment deployment,
            TaskEnvironment env,
            TaskMetrics metrics,
            TaskProcessingTimeService processingTime) {
        this.processingTime = processingTime;
        this.deployment = deployment;
        this.failures =
                FailureInjection.forTask(
                        deployment.jobGraph().configuration(),
                        deployment.subtaskIndex(),
                        deployment.attempt());
        this.vertex = deployment.jobGraph().vertex(deployment.vertexId());
        this.env = env;
        this.metrics = metrics;
        this.operators = new StreamOperator[vertex.operators().size()];
        this.backendOf = new KeyedStateBackend[vertex.operators().size()];
    }

    /** Instantiates the operators from the job's serialized code and wires them. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void build() throws Exception {
        List<ChainedOperator> ops = vertex.operators();
        Output<Object>[] inputs = new Output[ops.size()];
        // Wire from the tail, so that every operator's targets exist when it is wired.
        for (int i = ops.size() - 1; i >= 0; i--) {
            ChainedOperator spec = ops.get(i);
            Object userCode = spec.userCode().deserialize(env.userClassLoader());
            TaskMetrics.OperatorCounters counters =
                    metrics.operator(
                            spec.metricsName(),
                            spec.kind() == ChainedOperator.Kind.SOURCE,
                            spec.kind() == ChainedOperator.Kind.SINK);
            Output<Object> output = outputOf(spec, inputs, counters.out);
            KeyedStateBackend<Object> backend = null;
            KeySelector<Object, Object> keySelector = null;
            if (spec.isKeyed()) {
                keySelector =
                        (KeySelector<Object, Object>)
                                spec.keySelector().deserialize(env.userClassLoader());
                backend =
                        env.stateBackend()
                                .createKeyedStateBackend(
                                        new KeyedBackendParameters<>(
                                                spec.name(),
                                                KeyGroups.rangeOf(
                                                        deployment.subtaskIndex(),
                                                        vertex.maxParallelism(),
                                                        vertex.parallelism()),
                                                vertex.maxParallelism(),
                                                (TypeSerializer<Object>) spec.keySerializer(),
                                                serializers(),
                                                env.clock(),
                                                env.userClassLoader()));
                backends.add(backend);
                backendOf[i] = backend;
            }
            Context context = new Context(spec, backend);
            if (spec.kind() == ChainedOperator.Kind.SOURCE) {
                SourceSpec<Object> sourceSpec = (SourceSpec<Object>) userCode;
                source =
                        new SourceOperator<>(
                                (Source<Object, SourceSplit>) sourceSpec.source(),
                                sourceSpec.watermarkStrategy(),
                                (List<SourceSplit>) deployment.splits());
                source.setup(context, output);
                continue;
            }
            StreamOperator<Object, Object> op;
            switch (spec.kind()) {
                case SINK:
                    op = (StreamOperator) new SinkOperator<>((Sink<Object>) userCode);
                    break;
                case TWO_INPUT:
                    op = OperatorFactory.create((TwoInputOperatorSpec) userCode, spec.outputType());
                    break;
                default:
                    op = OperatorFactory.create((OperatorSpec) userCode, spec.outputType());
            }
            op.setup(context, output);
            operators[i] = op;
            if (op instanceof SinkOperator) {
                backpressuring.add(op);
            }
            inputs[i] =
                    new ChainedInput(
                            op,
                            spec.name(),
                            counters.in,
                            keySelector,
                            backend,
                            false,
                            failures.targets(spec.name()) ? failures : null);
            if (spec.kind() == ChainedOperator.Kind.TWO_INPUT) {
                KeySelector<Object, Object> keySelector2 =
                        spec.keySelector2() == null
                                ? null
                                : (KeySelector<Object, Object>)
                                        spec.keySelector2().deserialize(env.userClassLoader());
                headInput2 =
                        new ChainedInput(
                                op,
                                spec.name(),
                                counters.in,
                                keySelector2,
                                backend,
                                true,
                                failures.targets(spec.name()) ? failures : null);
            }
        }
        headInput = inputs[0];
    }

    /** The output of one operator: its main targets, and its side outputs' targets by tag id. */
    private Output<Object> outputOf(ChainedOperator spec, Output<Object>[] inputs, Counter out) {
        List<Output<Object>> main = new ArrayList<>();
        Map<String, List<Output<Object>>> sides = new HashMap<>();
        for (OperatorOutput o : spec.outputs()) {
            Output<Object> target;
            if (o.chained()) {
                target = inputs[o.target()];
            } else {
                RecordWriter writer = createWriter(deployment.jobGraph().edge(o.target()));
                writers.add(writer);
                target = writer;
            }
            if (o.sideOutputId() == null) {
                main.add(target);
            } else {
                sides.computeIfAbsent(o.sideOutputId(), k -> new ArrayList<>()).add(target);
            }
        }
        Map<String, Output<Object>> sideOutputs = new HashMap<>();
        sides.forEach((id, targets) -> sideOutputs.put(id, fanOut(targets)));
        return new OperatorOutputs(out, fanOut(main), sideOutputs);
    }

    @SuppressWarnings("unchecked")
    private static Output<Object> fanOut(List<Output<Object>> targets) {
        if (targets.size() == 1) {
            return targets.get(0);
        }
        return new BroadcastingOutput(targets.toArray(new Output[0]));
    }

    @SuppressWarnings("unchecked")
    private RecordWriter createWriter(JobEdge edge) {
        JobGraph graph = deployment.jobGraph();
        JobVertex target = graph.vertex(edge.targetVertex());
        int[] targets =
                ExchangePattern.targets(
                        edge.partitioning().kind(),
                        deployment.subtaskIndex(),
                        vertex.parallelism(),
                        target.parallelism());
        OutputChannel[] outputs = new OutputChannel[targets.length];
        for (int c = 0; c < targets.length; c++) {
            ChannelId id =
                    new ChannelId(
                            deployment.jobId(),
                            deployment.attempt(),
                            edge.id(),
                            deployment.subtaskIndex(),
                            targets[c]);
            outputs[c] =
                    env.outputChannel(
                            id,
                            deployment.locations().remoteAddressOf(target.id(), targets[c]),
                            edge.serializer());
        }
        StreamPartitioner<Object> partitioner =
                Partitioners.create(
                        edge.partitioning(),
                        deployment.subtaskIndex(),
                        targets.length,
                        target.maxParallelism());
        return new RecordWriter(partitioner, outputs, env.batchSize());
    }

    /** Opens the operators from the tail to the head, so that receivers are ready first. */
    void open() throws Exception {
        restoreState();
        for (int i = operators.length - 1; i >= 0; i--) {
            if (operators[i] != null) {
                try {
                    operators[i].open();
                } catch (Exception e) {
                    throw wrap(i, e);
                }
            } else if (source != null) {
                try {
                    source.open();
                } catch (Exception e) {
                    throw wrap(i, e);
                }
            }
            opened = operators.length - i;
        }
    }

    /**
     * Restores every operator from the deployment's checkpoint (or initializes it fresh): keyed
     * state into the backends, then each operator's own state, before any operator opens.
     */
    private void restoreState() {
        TaskRestore restore = deployment.restore();
        List<ChainedOperator> specs = vertex.operators();
        for (int i = 0; i < specs.size(); i++) {
            OperatorStateRestore r = OperatorStateRestore.NONE;
            if (restore != null && restore.operators().containsKey(specs.get(i).operatorId())) {
                try {
                    r =
                            StateRestorer.restore(
                                    restore.directory(),
                                    restore.operators().get(specs.get(i).operatorId()),
                                    specs.get(i),
                                    deployment.subtaskIndex(),
                                    vertex.parallelism(),
                                    vertex.maxParallelism(),
                                    backendOf[i]);
                } catch (Exception e) {
                    throw wrap(i, e);
                }
            }
            try {
                if (operators[i] != null) {
                    operators[i].initializeState(r);
                } else if (source != null) {
                    source.initializeState(r);
                }
            } catch (Exception e) {
                throw wrap(i, e);
            }
        }
    }

    /** One operator's part of a chain snapshot, captured synchronously. */
    record CapturedOperator(
            ChainedOperator spec,
            KeyGroupRange keyGroups,
            List<KeyGroupedPart> keyedParts,
            Map<String, OperatorListState> operatorState,
            KeyedStateSnapshot keyedState) {

        boolean isEmpty() {
            return keyedParts.isEmpty() && operatorState.isEmpty() && keyedState == null;
        }
    }

    /** The synchronous part of a checkpoint: every operator's state, frozen. */
    List<CapturedOperator> captureSnapshot(long checkpointId, long timestamp) {
        List<CapturedOperator> captured = new ArrayList<>(operators.length);
        for (int i = 0; i < operators.length; i++) {
            ChainedOperator spec = vertex.operators().get(i);
            OperatorSnapshot snapshot;
            try {
                if (failures.targets(spec.name())) {
                    failures.onSnapshot();
                }
                snapshot =
                        operators[i] != null
                                ? operators[i].snapshotState(checkpointId, timestamp)
                                : source.snapshotState(checkpointId);
            } catch (Exception e) {
                throw wrap(i, e);
            }
            KeyedStateBackend<?> backend = backendOf[i];
            List<KeyGroupedPart> parts = new ArrayList<>(snapshot.keyedParts());
            KeyedStateSnapshot keyed = null;
            if (backend != null) {
                keyed = backend.snapshot();
                parts.add(0, keyed);
            }
            captured.add(
                    new CapturedOperator(
                            spec,
                            backend != null ? backend.getKeyGroupRange() : new KeyGroupRange(0, -1),
                            parts,
                            snapshot.operatorState(),
                            keyed));
        }
        return captured;
    }

    /** Tells every operator that a checkpoint completed. */
    void notifyCheckpointComplete(long checkpointId) {
        for (int i = 0; i < operators.length; i++) {
            try {
                if (operators[i] != null) {
                    operators[i].notifyCheckpointComplete(checkpointId);
                } else if (source != null) {
                    source.notifyCheckpointComplete(checkpointId);
                }
            } catch (Exception e) {
                throw wrap(i, e);
            }
        }
    }

    /** Tells every operator that a checkpoint was aborted. */
    void notifyCheckpointAborted(long checkpointId) {
        for (int i = 0; i < operators.length; i++) {
            try {
                if (operators[i] != null) {
                    operators[i].notifyCheckpointAborted(checkpointId);
                }
            } catch (Exception e) {
                throw wrap(i, e);
            }
        }
    }

    /** Tells every operator, head first, that its input has ended. */
    void endInput() {
        for (int i = 0; i < operators.length; i++) {
            if (operators[i] != null) {
                try {
                    operators[i].endInput();
                } catch (Exception e) {
                    throw wrap(i, e);
                }
            }
        }
    }

    /** Closes what was opened, head first; the first failure is thrown, the rest suppressed. */
    void close() throws Exception {
        Exception failure = null;
        int first = operators.length - opened;
        for (int i = first; i < operators.length; i++) {
            try {
                if (operators[i] != null) {
                    operators[i].close();
                } else if (source != null) {
                    source.close();
                }
            } catch (Exception e) {
                if (failure == null) {
                    failure = wrap(i, e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        opened = 0;
        for (KeyedStateBackend<?> b : backends) {
            b.close();
        }
        if (failure != null) {
            throw failure;
        }
    }

    OperatorException wrap(int operatorIndex, Exception e) {
        if (e instanceof OperatorException) {
            return (OperatorException) e;
        }
        Throwable cause = e instanceof RecordWriter.PartitionException ? e.getCause() : e;
        return new OperatorException(
                vertex.operators().get(operatorIndex).name(),
                deployment.subtaskIndex(),
                vertex.parallelism(),
                cause);
    }

    private SerializerFactory serializers;

    /** The failures injected into this subtask, for tests. */
    FailureInjection failureInjection() {
        return failures;
    }

    /** The serializers of the job, with the user's registrations. */
    SerializerFactory serializers() {
        if (serializers == null) {
            serializers =
                    new SerializerFactory(
                            deployment.jobGraph().executionConfig().getRegisteredSerializers());
        }
        return serializers;
    }

    SourceOperator<Object, SourceSplit> source() {
        return source;
    }

    /** Feeds the head operator (not for a source chain). */
    Output<Object> headInput() {
        return headInput;
    }

    /** Feeds the second input of a two-input head operator; {@code null} for others. */
    Output<Object> headInput2() {
        return headInput2;
    }

    List<RecordWriter> writers() {
        return writers;
    }

    /** Whether a sink in the chain wants no input right now. */
    boolean isBackpressured() {
        for (int i = 0; i < backpressuring.size(); i++) {
            StreamOperator<?, ?> op = backpressuring.get(i);
            try {
                if (op.isBackpressured()) {
                    return true;
                }
            } catch (Exception e) {
                throw wrap(indexOf(op), e);
            }
        }
        return false;
    }

    private int indexOf(StreamOperator<?, ?> op) {
        for (int i = 0; i < operators.length; i++) {
            if (operators[i] == op) {
                return i;
            }
        }
        return 0;
    }

    /** Calls an operator, setting the current key first when it is keyed. */
    private final class ChainedInput implements Output<Object> {
        private final StreamOperator<Object, Object> operator;
        private final String name;
        private final Counter in;
        private final KeySelector<Object, Object> keySelector;
        private final KeyedStateBackend<Object> backend;
        private final boolean secondInput;
        private final FailureInjection injection;

        ChainedInput(
                StreamOperator<Object, Object> operator,
                String name,
                Counter in,
                KeySelector<Object, Object> keySelector,
                KeyedStateBackend<Object> backend,
                boolean secondInput,
                FailureInjection injection) {
            this.secondInput = secondInput;
            this.injection = injection;
            this.operator = operator;
            this.name = name;
            this.in = in;
            this.keySelector = keySelector;
            this.backend = backend;
        }

        @Override
        public void collect(Object record, long timestamp) {
            in.inc();
            try {
                if (injection != null) {
                    injection.onRecord();
                }
                if (keySelector != null) {
                    Object key = keySelector.getKey(record);
                    if (key == null) {
                        throw new NullPointerException(
                                "The key selector returned null for " + record);
                    }
                    backend.setCurrentKey(key);
                }
                if (secondInput) {
                    ((TwoInputStreamOperator<Object, Object, Object>) operator)
                            .processElement2(record, timestamp);
                } else {
                    operator.processElement(record, timestamp);
                }
            } catch (OperatorException e) {
                throw e;
            } catch (Exception e) {
                throw new OperatorException(
                        name, deployment.subtaskIndex(), vertex.parallelism(), e);
            }
        }

        @Override
        public void emitWatermark(long watermark) {
            try {
                operator.processWatermark(watermark);
            } catch (OperatorException e) {
                throw e;
            } catch (Exception e) {
                throw new OperatorException(
                        name, deployment.subtaskIndex(), vertex.parallelism(), e);
            }
        }

        @Override
        public void emitWatermarkStatus(WatermarkStatus status) {
            operator.output().emitWatermarkStatus(status);
        }
    }

    /**
     * An operator's output: counts what it emits, routes side outputs by tag, and sends watermarks
     * to every target.
     */
    private static final class OperatorOutputs implements Output<Object> {
        private final Counter out;
        private final Output<Object> main;
        private final Map<String, Output<Object>> sides;

        OperatorOutputs(Counter out, Output<Object> main, Map<String, Output<Object>> sides) {
            this.out = out;
            this.main = main;
            this.sides = sides;
        }

        @Override
        public void collect(Object record, long timestamp) {
            out.inc();
            main.collect(record, timestamp);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <X> void collect(OutputTag<X> tag, X record, long timestamp) {
            Output<Object> side = sides.get(tag.getId());
            if (side != null) {
                side.collect(record, timestamp);
            }
        }

        @Override
        public void emitWatermark(long watermark) {
            main.emitWatermark(watermark);
            for (Output<Object> side : sides.values()) {
                side.emitWatermark(watermark);
            }
        }

        @Override
        public void emitWatermarkStatus(WatermarkStatus status) {
            main.emitWatermarkStatus(status);
            for (Output<Object> side : sides.values()) {
                side.emitWatermarkStatus(status);
            }
        }
    }

    private static final class BroadcastingOutput implements Output<Object> {
        private final Output<Object>[] targets;

        BroadcastingOutput(Output<Object>[] targets) {
            this.targets = targets;
        }

        @Override
        public void collect(Object record, long timestamp) {
            for (Output<Object> t : targets) {
                t.collect(record, timestamp);
            }
        }

        @Override
        public void emitWatermark(long watermark) {
            for (Output<Object> t : targets) {
                t.emitWatermark(watermark);
            }
        }

        @Override
        public void emitWatermarkStatus(WatermarkStatus status) {
            for (Output<Object> t : targets) {
                t.emitWatermarkStatus(status);
            }
        }
    }

    /** What the runtime tells each operator of the chain. */
    private final class Context implements OperatorContext {
        private final ChainedOperator spec;
        private final KeyedStateBackend<?> backend;

        Context(ChainedOperator spec, KeyedStateBackend<?> backend) {
            this.spec = spec;
            this.backend = backend;
        }

        @Override
        public JobId jobId() {
            return deployment.jobId();
        }

        @Override
        public String operatorName() {
            return spec.name();
        }

        @Override
        public String metricsName() {
            return spec.metricsName();
        }

        @Override
        public int subtaskIndex() {
            return deployment.subtaskIndex();
        }

        @Override
        public int parallelism() {
            return vertex.parallelism();
        }

        @Override
        public int maxParallelism() {
            return vertex.maxParallelism();
        }

        @Override
        public int attemptNumber() {
            return deployment.attempt();
        }

        @Override
        public Clock clock() {
            return env.clock();
        }

        @Override
        public ClassLoader userClassLoader() {
            return env.userClassLoader();
        }

        @Override
        public Counter counter(String name) {
            return metrics.userCounter(name);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <K> KeyedStateBackend<K> keyedStateBackend() {
            return (KeyedStateBackend<K>) backend;
        }

        @Override
        public SerializerFactory serializers() {
            return OperatorChain.this.serializers();
        }

        @Override
        public Configuration jobConfiguration() {
            return deployment.jobGraph().configuration();
        }

        @Override
        public ProcessingTimeService processingTimeService() {
            return processingTimeView;
        }

        /** Callbacks fail naming this operator. */
        private final ProcessingTimeService processingTimeView =
                new ProcessingTimeService() {
                    @Override
                    public long currentProcessingTime() {
                        return processingTime.currentProcessingTime();
                    }

                    @Override
                    public void registerTimer(long time, ProcessingTimeCallback callback) {
                        processingTime.registerTimer(
                                time,
                                t -> {
                                    try {
                                        callback.onProcessingTime(t);
                                    } catch (OperatorException e) {
                                        throw e;
                                    } catch (Exception e) {
                                        throw new OperatorException(
                                                spec.name(),
                                                deployment.subtaskIndex(),
                                                vertex.parallelism(),
                                                e);
                                    }
                                });
                    }
                };

        @Override
        public ClientChannel clientChannel(String channelId) {
            ClientChannel channel = env.clientChannels().apply(channelId);
            if (channel == null) {
                throw new IllegalStateException(
                        "No client channel '" + channelId + "' for this job");
            }
            return channel;
        }
    }
}
