package io.spate.core.operators;

import io.spate.annotations.Internal;
import io.spate.api.common.eventtime.TimestampAssigner;
import io.spate.api.common.eventtime.WatermarkGenerator;
import io.spate.api.common.eventtime.WatermarkOutput;
import io.spate.api.common.eventtime.WatermarkStrategy;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.connector.source.InputStatus;
import io.spate.api.connector.source.ReaderOutput;
import io.spate.api.connector.source.Source;
import io.spate.api.connector.source.SourceOutput;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceSplit;
import io.spate.api.execution.ExecutionOptions;
import io.spate.common.io.MemoryDataInput;
import io.spate.common.io.MemoryDataOutput;
import io.spate.common.serialization.TypeSerializer;
import io.spate.core.checkpoint.OperatorListState;
import io.spate.core.timers.ProcessingTimeService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The head of a source's chain: drives the subtask's {@link SourceReader}, gives records their
 * event time and generates watermarks <em>per split</em>, emitting the minimum over the active
 * splits. A split silent for the idle timeout stops holding the watermark back; when every split is
 * idle the whole subtask is declared idle downstream.
 *
 * <p>Called by the thread that owns the subtask: {@link #setup}, {@link #open}, {@link #emitNext}
 * repeatedly while there is room downstream, {@link #emitFinalWatermark} when the reader is done,
 * {@link #close}. Periodic watermark emission runs from processing-time callbacks on the same
 * thread.
 *
 * @param <T> the record type
 */
@Internal
public final class SourceOperator<T, SplitT extends SourceSplit> {
    /** The split id of records a reader emits without naming a split. */
    private static final String WHOLE_READER = "";

    private final Source<T, SplitT> source;
    private final WatermarkStrategy<T> strategy;
    private List<SplitT> splits;
    private OperatorContext context;
    private Output<T> output;
    private SourceReader<T, SplitT> reader;
    private ReaderOutputImpl readerOutput;

    private boolean eventTime;
    private TimestampAssigner<T> assigner;
    private long idleTimeoutMillis;
    private long intervalMillis;
    private final Map<String, SplitOutput> splitOutputs = new LinkedHashMap<>();
    private long emittedWatermark = Long.MIN_VALUE;
    private boolean idle;
    private long lastReaderActivity;

    public SourceOperator(
            Source<T, SplitT> source, WatermarkStrategy<T> strategy, List<SplitT> splits) {
        this.source = source;
        this.strategy = strategy;
        this.splits = List.copyOf(splits);
    }

    public void setup(OperatorContext context, Output<T> output) {
        this.context = context;
        this.output = output;
        this.readerOutput = new ReaderOutputImpl();
    }

    public boolean isBlocking() {
        return source.isBlocking();
    }

    public void open() throws Exception {
        eventTime = !strategy.isNoWatermarks();
        assigner = strategy.getTimestampAssigner();
        Duration idle = strategy.getIdleTimeout();
        if (idle == null) {
            idle = context.jobConfiguration().get(ExecutionOptions.WATERMARK_IDLE_TIMEOUT);
        }
        idleTimeoutMillis = strategy.isIdlenessDisabled() ? Long.MAX_VALUE : idle.toMillis();
        intervalMillis =
                Math.max(
                        1,
                        context.jobConfiguration()
                                .get(ExecutionOptions.AUTO_WATERMARK_INTERVAL)
                                .toMillis());
        reader = source.createReader(new ConnectorContext(context));
        reader.addSplits(splits);
        reader.start();
        if (eventTime) {
            ProcessingTimeService time = context.processingTimeService();
            lastReaderActivity = time.currentProcessingTime();
            time.registerTimer(lastReaderActivity + intervalMillis, this::onPeriodicEmit);
        }
    }

    /** The operator-state name under which a source keeps its splits with their positions. */
    public static final String SPLITS_STATE = "source-splits";

    /**
     * Restores the splits, with their positions, that the checkpoint recorded for this subtask;
     * they replace the splits the job would get on a fresh start.
     */
    @SuppressWarnings("unchecked")
    public void initializeState(OperatorStateRestore restore) throws Exception {
        OperatorListState saved = restore.operatorState().get(SPLITS_STATE);
        if (!restore.isRestored() || saved == null) {
            return;
        }
        List<SplitT> restored = new ArrayList<>(saved.elements().size());
        MemoryDataInput in = new MemoryDataInput(new byte[0]);
        for (byte[] bytes : saved.elements()) {
            in.reset(bytes, 0, bytes.length);
            String className = in.readString();
            Class<?> type = Class.forName(className, false, context.userClassLoader());
            TypeSerializer<SplitT> serializer =
                    (TypeSerializer<SplitT>) context.serializers().create(TypeInfo.of(type));
            restored.add(serializer.deserialize(in));
        }
        splits = restored;
    }

    /** Records the reader's splits with their positions, between two polls. */
    @SuppressWarnings("unchecked")
    public OperatorSnapshot snapshotState(long checkpointId) throws Exception {
        List<SplitT> current = reader.snapshotState(checkpointId);
        List<byte[]> elements = new ArrayList<>(current.size());
        MemoryDataOutput out = new MemoryDataOutput(64);
        for (SplitT split : current) {
            out.clear();
            out.writeString(split.getClass().getName());
            TypeSerializer<SplitT> serializer =
                    (TypeSerializer<SplitT>)
                            context.serializers().create(TypeInfo.of(split.getClass()));
            serializer.serialize(split, out);
            elements.add(out.toByteArray());
        }
        return new OperatorSnapshot(
                List.of(),
                Map.of(
                        SPLITS_STATE,
                        new OperatorListState(OperatorListState.Mode.SPLITS, elements)));
    }

    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        reader.notifyCheckpointComplete(checkpointId);
    }

    /** Lets the reader emit what is available and returns what it says. */
    public InputStatus emitNext() throws Exception {
        return reader.pollNext(readerOutput);
    }

    /** The reader is done: event time ends, so that every timer and window downstream fires. */
    public void emitFinalWatermark() {
        emittedWatermark = StreamElements.MAX_WATERMARK;
        if (idle) {
            idle = false;
            output.emitWatermarkStatus(WatermarkStatus.ACTIVE);
        }
        output.emitWatermark(StreamElements.MAX_WATERMARK);
    }

    public void close() throws Exception {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }

    private void onPeriodicEmit(long time) throws Exception {
        if (reader == null || emittedWatermark == StreamElements.MAX_WATERMARK) {
            return;
        }
        long now = context.processingTimeService().currentProcessingTime();
        for (SplitOutput s : splitOutputs.values()) {
            s.generator.onPeriodicEmit(s);
            if (s.active) {
                s.active = false;
                s.lastActivity = now;
                lastReaderActivity = now;
            } else if (!s.idle && now - s.lastActivity >= idleTimeoutMillis) {
                s.idle = true;
            }
        }
        combine(now);
        context.processingTimeService().registerTimer(now + intervalMillis, this::onPeriodicEmit);
    }

    /** Emits the minimum watermark of the active splits, or idleness when none is active. */
    private void combine(long now) {
        long min = Long.MAX_VALUE;
        boolean anyActive = false;
        for (SplitOutput s : splitOutputs.values()) {
            if (!s.idle) {
                anyActive = true;
                min = Math.min(min, s.watermark);
            }
        }
        if (!anyActive) {
            boolean silent =
                    !splitOutputs.isEmpty() || now - lastReaderActivity >= idleTimeoutMillis;
            if (silent && !idle) {
                idle = true;
                output.emitWatermarkStatus(WatermarkStatus.IDLE);
            }
            return;
        }
        if (idle) {
            idle = false;
            output.emitWatermarkStatus(WatermarkStatus.ACTIVE);
        }
        if (min > emittedWatermark) {
            emittedWatermark = min;
            output.emitWatermark(min);
        }
    }

    /** The output, timestamps and watermark of one split. */
    private final class SplitOutput implements SourceOutput<T>, WatermarkOutput {
        final WatermarkGenerator<T> generator = strategy.createWatermarkGenerator();
        long watermark = Long.MIN_VALUE;
        boolean idle;
        boolean active;
        long lastActivity = context.processingTimeService().currentProcessingTime();

        @Override
        public void collect(T record) {
            collect(record, StreamElements.NO_TIMESTAMP);
        }

        @Override
        public void collect(T record, long timestamp) {
            if (!eventTime) {
                output.collect(record, timestamp);
                return;
            }
            long ts = assigner == null ? timestamp : assigner.extractTimestamp(record, timestamp);
            active = true;
            if (idle) {
                idle = false;
                combine(context.processingTimeService().currentProcessingTime());
            }
            output.collect(record, ts);
            generator.onEvent(record, ts, this);
        }

        @Override
        public void emitWatermark(long newWatermark) {
            if (newWatermark > watermark) {
                watermark = newWatermark;
                idle = false;
                combine(context.processingTimeService().currentProcessingTime());
            }
        }

        @Override
        public void markIdle() {
            if (!idle) {
                idle = true;
                combine(context.processingTimeService().currentProcessingTime());
            }
        }

        @Override
        public void markActive() {
            if (idle) {
                idle = false;
                combine(context.processingTimeService().currentProcessingTime());
            }
        }
    }

    private final class ReaderOutputImpl implements ReaderOutput<T> {
        private SplitOutput whole;

        private SplitOutput whole() {
            if (whole == null) {
                whole = splitOutput(WHOLE_READER);
            }
            return whole;
        }

        @Override
        public void collect(T record) {
            if (eventTime) {
                whole().collect(record);
            } else {
                output.collect(record, StreamElements.NO_TIMESTAMP);
            }
        }

        @Override
        public void collect(T record, long timestamp) {
            if (eventTime) {
                whole().collect(record, timestamp);
            } else {
                output.collect(record, timestamp);
            }
        }

        @Override
        public SourceOutput<T> createOutputForSplit(String splitId) {
            if (!eventTime) {
                return this;
            }
            return splitOutput(splitId);
        }

        @Override
        public void releaseOutputForSplit(String splitId) {
            if (eventTime && splitOutputs.remove(splitId) != null) {
                combine(context.processingTimeService().currentProcessingTime());
            }
        }

        private SplitOutput splitOutput(String splitId) {
            return splitOutputs.computeIfAbsent(splitId, id -> new SplitOutput());
        }
    }
}
