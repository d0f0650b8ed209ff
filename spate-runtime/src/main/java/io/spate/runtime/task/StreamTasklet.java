package io.spate.runtime.task;

import io.spate.annotations.Internal;
import io.spate.annotations.NotThreadSafe;
import io.spate.api.connector.source.InputStatus;
import io.spate.api.execution.OperatorException;
import io.spate.core.operators.Output;
import io.spate.core.operators.StreamElements;
import io.spate.core.partition.ExchangePattern;
import io.spate.core.plan.JobEdge;
import io.spate.core.plan.JobGraph;
import io.spate.core.plan.JobVertex;
import io.spate.runtime.exchange.ChannelId;
import io.spate.runtime.exchange.ControlEvent;
import io.spate.runtime.exchange.InputChannel;
import io.spate.runtime.exchange.RecordBatch;
import io.spate.runtime.exchange.RecordWriter;
import io.spate.runtime.execution.ProgressState;
import io.spate.runtime.execution.Tasklet;
import java.util.ArrayList;
import java.util.List;

/**
 * One subtask of a vertex as a {@link Tasklet}: reads its input channels (or its source), pushes
 * each record through the {@link OperatorChain}, and lets the chain's writers hand batches to the
 * next vertices' channels.
 *
 * <p>Each call first moves output that is waiting for room; while any remains, or a sink is
 * backpressured, it takes no input — that is how a slow consumer slows down its producers without
 * blocking a thread. Otherwise it handles up to {@code recordsPerCall} input records, then offers
 * partly filled batches too, so that records never wait for a batch to fill.
 *
 * <p>Life: RUNNING until every input has ended (or the source reports the end), then the chain's
 * {@code endInput}; FINISHING until the sinks and writers have handed everything over; then the
 * end-of-input marker goes to every output channel, and the tasklet is DONE once it is delivered.
 */
@Internal
@NotThreadSafe
public final class StreamTasklet implements Tasklet {
    private enum Phase {
        RUNNING,
        /** A source read everything and waits for the job's final checkpoint. */
        EXHAUSTED,
        FINISHING,
        SENDING_END,
        /** Everything is delivered; waiting for the final checkpoint to complete. */
        AWAITING_COMMIT,
        DONE
    }

    private final TaskDeployment deployment;
    private final TaskEnvironment env;
    private final TaskMetrics metrics = new TaskMetrics();
    private final boolean cooperative;
    private final String name;

    private OperatorChain chain;
    private final SubtaskCheckpoints checkpoints;
    private TaskProcessingTimeService processingTime;
    private WatermarkValve valve;
    private List<RecordWriter> writers;
    private InputChannel[] inputs;

    /** Which input of the head operator (0 or 1) each channel feeds. */
    private int[] channelInput;

    /** Where the records of the current batch go: the head's first or second input. */
    private Output<Object> batchTarget;

    private boolean[] inputEnded;
    private int endedInputs;
    private int nextInput;
    private RecordBatch batch;
    private int batchPosition;
    private Phase phase = Phase.RUNNING;

    /** The reader is done, but its final watermark waits until the output has room. */
    private boolean sourceExhausted;

    public StreamTasklet(TaskDeployment deployment, TaskEnvironment env) {
        this.deployment = deployment;
        this.env = env;
        JobVertex vertex = deployment.jobGraph().vertex(deployment.vertexId());
        this.cooperative = !vertex.isBlocking();
        this.name = deployment.taskName();
        this.checkpoints = new SubtaskCheckpoints(deployment, env);
    }

    /** Starts checkpoint {@code barrier} at this source subtask. Any thread. */
    public void triggerCheckpoint(ControlEvent.Barrier barrier) {
        checkpoints.trigger(barrier);
    }

    /** Checkpoint {@code checkpointId} completed. Any thread. */
    public void notifyCheckpointComplete(long checkpointId) {
        checkpoints.notifyComplete(checkpointId);
    }

    /** Checkpoint {@code checkpointId} was aborted. Any thread. */
    public void notifyCheckpointAborted(long checkpointId) {
        checkpoints.notifyAborted(checkpointId);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isCooperative() {
        return cooperative;
    }

    public TaskDeployment deployment() {
        return deployment;
    }

    /** The subtask's counters; final once the tasklet is done. */
    public TaskMetrics metrics() {
        return metrics;
    }

    /**
     * When the earliest processing-time callback of the subtask (a timer, a periodic watermark) is
     * due, in milliseconds of the environment's clock; {@code Long.MAX_VALUE} if none waits. A
     * driver that moves a manual clock uses it to stop at every such time on the way.
     */
    public long nextProcessingTime() {
        return processingTime == null ? Long.MAX_VALUE : processingTime.nextTime();
    }

    @Override
    public void init() throws Exception {
        processingTime = new TaskProcessingTimeService(env.clock());
        chain = new OperatorChain(deployment, env, metrics, processingTime);
        chain.build();
        writers = chain.writers();
        connectInputs();
        checkpoints.attach(chain, writers, inputs.length);
        if (chain.source() == null) {
            valve = new WatermarkValve(inputs.length, chain.headInput());
        }
        chain.open();
    }

    @SuppressWarnings("unchecked")
    private void connectInputs() {
        JobGraph graph = deployment.jobGraph();
        JobVertex vertex = graph.vertex(deployment.vertexId());
        List<InputChannel> queues = new ArrayList<>();
        List<Integer> inputIndexes = new ArrayList<>();
        for (int edgeId : vertex.inputEdges()) {
            JobEdge edge = graph.edge(edgeId);
            JobVertex upstream = graph.vertex(edge.sourceVertex());
            for (int producer :
                    ExchangePattern.sources(
                            edge.partitioning().kind(),
                            deployment.subtaskIndex(),
                            upstream.parallelism(),
                            vertex.parallelism())) {
                queues.add(
                        env.inputChannel(
                                new ChannelId(
                                        deployment.jobId(),
                                        deployment.attempt(),
                                        edgeId,
                                        producer,
                                        deployment.subtaskIndex()),
                                deployment.locations().remoteAddressOf(upstream.id(), producer),
                                edge.serializer()));
                inputIndexes.add(edge.targetInput());
            }
        }
        inputs = queues.toArray(new InputChannel[0]);
        channelInput = inputIndexes.stream().mapToInt(Integer::intValue).toArray();
        inputEnded = new boolean[inputs.length];
    }

    @Override
    public ProgressState call() throws Exception {
        boolean progress = flushWriters();
        ControlEvent.Barrier trigger = checkpoints.drainControl();
        if (trigger != null) {
            progress = true;
            checkpointAtSource(trigger);
        }
        switch (phase) {
            case RUNNING:
                if (outputBlocked()) {
                    return ProgressState.of(progress);
                }
                progress |= processingTime.fireDue();
                progress |= chain.source() != null ? pollSource() : pollInputs();
                progress |= flushWriters();
                return ProgressState.of(progress);
            case FINISHING:
                if (outputBlocked() || !allFlushed()) {
                    return ProgressState.of(progress);
                }
                for (RecordWriter w : writers) {
                    w.broadcastEvent(ControlEvent.END_OF_INPUT);
                }
                phase = Phase.SENDING_END;
                flushWriters();
                return ProgressState.MADE_PROGRESS;
            case EXHAUSTED:
                return ProgressState.of(progress);
            case SENDING_END:
                if (!allFlushed()) {
                    return ProgressState.of(progress);
                }
                phase = Phase.AWAITING_COMMIT;
                return call();
            case AWAITING_COMMIT:
                if (!checkpoints.mayFinish()) {
                    return ProgressState.of(progress);
                }
                phase = Phase.DONE;
                return ProgressState.DONE;
            default:
                return ProgressState.DONE;
        }
    }

    private boolean outputBlocked() {
        for (int i = 0; i < writers.size(); i++) {
            if (writers.get(i).hasPending()) {
                return true;
            }
        }
        return chain.isBackpressured();
    }

    private boolean allFlushed() {
        for (RecordWriter w : writers) {
            if (!w.isFlushed()) {
                return false;
            }
        }
        return true;
    }

    private boolean flushWriters() {
        boolean moved = false;
        for (int i = 0; i < writers.size(); i++) {
            moved |= writers.get(i).flush();
        }
        return moved;
    }

    private boolean pollSource() throws Exception {
        if (sourceExhausted) {
            finishSource(); // call() comes here only when the output has room
            return true;
        }
        int budget = env.recordsPerCall();
        long before = metrics.recordsIn();
        while (true) {
            InputStatus status;
            try {
                status = chain.source().emitNext();
            } catch (OperatorException e) {
                throw e;
            } catch (Exception e) {
                throw chain.wrap(0, e);
            }
            if (status == InputStatus.END_OF_INPUT) {
                // The final watermark fires every event-time timer downstream: like any other
                // input, it must wait while a batch waits for room.
                if (outputBlocked()) {
                    sourceExhausted = true;
                } else {
                    finishSource();
                }
                return true;
            }
            long emitted = metrics.recordsIn() - before;
            if (status == InputStatus.NOTHING_AVAILABLE) {
                return emitted > 0;
            }
            if (emitted >= budget || outputBlocked()) {
                return true;
            }
        }
    }

    private void finishSource() throws Exception {
        sourceExhausted = false;
        chain.source().emitFinalWatermark();
        if (checkpoints.isEnabled()) {
            // Stay alive, at the end of the data, until the job's final checkpoint has passed
            // through: a restart before it must find this source's position.
            phase = Phase.EXHAUSTED;
            env.checkpoints().sourceExhausted(deployment);
        } else {
            endInput();
        }
    }

    private boolean pollInputs() throws Exception {
        if (inputs.length == 0) {
            chain.headInput().emitWatermark(StreamElements.MAX_WATERMARK);
            endInput();
            return true;
        }
        int budget = env.recordsPerCall();
        int handled = 0;
        while (handled < budget) {
            if (batch == null) {
                Object item = nextItem();
                if (item == null) {
                    return handled > 0;
                }
                if (item instanceof RecordBatch) {
                    batch = (RecordBatch) item;
                    batchPosition = 0;
                    batchTarget =
                            channelInput[itemChannel] == 0 ? chain.headInput() : chain.headInput2();
                } else {
                    handleEvent((ControlEvent) item);
                    if (phase != Phase.RUNNING || outputBlocked()) {
                        return true; // a watermark may have fired timers that filled the output
                    }
                    handled++;
                    continue;
                }
            }
            int size = batch.size();
            Output<Object> head = batchTarget;
            while (batchPosition < size) {
                head.collect(batch.record(batchPosition), batch.timestamp(batchPosition));
                batchPosition++;
                handled++;
                if (outputBlocked()) {
                    if (batchPosition == size) {
                        batch = null;
                    }
                    return true;
                }
            }
            batch = null;
        }
        return true;
    }

    /**
     * The next item from the input channels, taken round robin; {@code null} when all are empty.
     */
    private Object nextItem() {
        int n = inputs.length;
        for (int tried = 0; tried < n; tried++) {
            int i = nextInput;
            nextInput = i + 1 == n ? 0 : i + 1;
            if (inputEnded[i] || checkpoints.isBlocked(i)) {
                continue;
            }
            Object item = inputs[i].poll();
            if (item != null) {
                if (item == ControlEvent.END_OF_INPUT) {
                    inputEnded[i] = true;
                    endedInputs++;
                }
                itemChannel = i;
                return item;
            }
        }
        return null;
    }

    /** The channel {@link #nextItem} took its last item from. */
    private int itemChannel;

    private void handleEvent(ControlEvent event) throws Exception {
        if (event instanceof ControlEvent.Watermark) {
            valve.onWatermark(itemChannel, ((ControlEvent.Watermark) event).timestamp());
        } else if (event == ControlEvent.IDLE) {
            valve.onIdle(itemChannel);
        } else if (event == ControlEvent.ACTIVE) {
            valve.onActive(itemChannel);
        } else if (event instanceof ControlEvent.Barrier) {
            checkpoints.onBarrier(itemChannel, (ControlEvent.Barrier) event);
        } else if (event == ControlEvent.END_OF_INPUT) {
            valve.onEnd(itemChannel);
            checkpoints.onChannelEnded(itemChannel);
            if (endedInputs == inputs.length) {
                endInput();
            }
        }
    }

    /** Runs a checkpoint the JobManager triggered at this source subtask. */
    private void checkpointAtSource(ControlEvent.Barrier barrier) throws Exception {
        if (chain.source() == null || (phase != Phase.RUNNING && phase != Phase.EXHAUSTED)) {
            env.checkpoints()
                    .decline(
                            deployment,
                            barrier.checkpointId(),
                            new IllegalStateException(
                                    deployment.taskName() + " cannot start a checkpoint now"));
            return;
        }
        checkpoints.snapshotAndForward(barrier);
        if (phase == Phase.EXHAUSTED && barrier.isEndOfData()) {
            endInput();
        }
    }

    private void endInput() throws Exception {
        chain.endInput();
        processingTime.clear();
        phase = Phase.FINISHING;
    }

    /** The engine's counter of the most batches that waited for room in one output channel. */
    public static final String PENDING_BATCHES_MAX = "exchange.pendingBatchesMax";

    @Override
    public void close() throws Exception {
        if (writers != null) {
            for (RecordWriter w : writers) {
                metrics.recordMax(PENDING_BATCHES_MAX, w.pendingHighWaterMark());
            }
        }
        if (chain != null) {
            chain.close();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
