package io.spate.core.operators;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.Function;
import io.spate.api.common.state.ListState;
import io.spate.api.common.state.ListStateDescriptor;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.TwoPhaseCommittingSink;
import io.spate.api.execution.CheckpointingOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes elements through the subtask's {@link SinkWriter}. Emits nothing.
 *
 * <p>For a {@link TwoPhaseCommittingSink}: at each checkpoint the writer pre-commits, and the
 * committables wait, in operator state, for the checkpoint to complete; then they are committed.
 * Committables restored from a checkpoint are committed when the operator opens (they belong to a
 * completed checkpoint). Without checkpoints, everything is committed when the input ends.
 */
@Internal
public final class SinkOperator<T> extends AbstractStreamOperator<T, Void> {
    private static final String COMMITTABLES = "sink-committables";

    private final Sink<T> sink;
    private SinkWriter<T> writer;
    private long timestamp;
    private boolean ended;
    private final SinkWriter.Context writeContext = () -> StreamElements.userTimestamp(timestamp);

    private TwoPhaseCommittingSink.Committer<Object> committer;
    private ListState<Object> committablesState;
    private final TreeMap<Long, List<Object>> pendingCommits = new TreeMap<>();
    private boolean checkpointing;

    public SinkOperator(Sink<T> sink) {
        this.sink = sink;
    }

    @Override
    protected Function userFunction() {
        return null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open() throws Exception {
        super.open();
        checkpointing = context.jobConfiguration().get(CheckpointingOptions.INTERVAL) != null;
        writer = sink.createWriter(new ConnectorContext(context));
        if (sink instanceof TwoPhaseCommittingSink) {
            TwoPhaseCommittingSink<T, Object> twoPhase = (TwoPhaseCommittingSink<T, Object>) sink;
            committer = twoPhase.createCommitter();
            committablesState =
                    operatorStateStore()
                            .getListState(
                                    new ListStateDescriptor<>(
                                            COMMITTABLES,
                                            (io.spate.api.common.typeinfo.TypeInfo<Object>)
                                                    twoPhase.getCommittableType()));
            List<Object> restored = new ArrayList<>();
            committablesState.get().forEach(restored::add);
            if (!restored.isEmpty()) {
                committer.commit(restored);
            }
            committablesState.clear();
        }
    }

    @Override
    public void processElement(T value, long timestamp) throws Exception {
        this.timestamp = timestamp;
        writer.write(value, writeContext);
    }

    @Override
    public void processWatermark(long watermark) {}

    @Override
    @SuppressWarnings("unchecked")
    public OperatorSnapshot snapshotState(long checkpointId, long timestamp) throws Exception {
        writer.flush(false);
        if (committer != null) {
            Collection<Object> prepared =
                    ((TwoPhaseCommittingSink.PrecommittingSinkWriter<T, Object>) writer)
                            .prepareCommit();
            pendingCommits.put(checkpointId, new ArrayList<>(prepared));
            List<Object> all = new ArrayList<>();
            pendingCommits.values().forEach(all::addAll);
            committablesState.update(all);
        }
        return super.snapshotState(checkpointId, timestamp);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        if (committer != null) {
            List<Object> due = new ArrayList<>();
            Iterator<Map.Entry<Long, List<Object>>> it =
                    pendingCommits.headMap(checkpointId, true).entrySet().iterator();
            while (it.hasNext()) {
                due.addAll(it.next().getValue());
                it.remove();
            }
            if (!due.isEmpty()) {
                committer.commit(due);
            }
        }
        super.notifyCheckpointComplete(checkpointId);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void endInput() throws Exception {
        ended = true;
        writer.flush(true);
        if (committer != null && !checkpointing) {
            Collection<Object> prepared =
                    ((TwoPhaseCommittingSink.PrecommittingSinkWriter<T, Object>) writer)
                            .prepareCommit();
            if (!prepared.isEmpty()) {
                committer.commit(prepared);
            }
        }
    }

    @Override
    public boolean isBackpressured() throws Exception {
        if (!writer.isBackpressured()) {
            return false;
        }
        // A writer that could not hand everything over keeps trying on every call.
        writer.flush(ended);
        return writer.isBackpressured();
    }

    @Override
    public void close() throws Exception {
        try {
            if (writer != null) {
                writer.close();
            }
            if (committer != null) {
                committer.close();
            }
        } finally {
            super.close();
        }
    }
}
