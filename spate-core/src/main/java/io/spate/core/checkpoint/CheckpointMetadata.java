package io.spate.core.checkpoint;

import io.spate.annotations.Internal;
import io.spate.common.CheckpointId;
import io.spate.common.JobId;
import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.io.MemoryDataInput;
import io.spate.common.io.MemoryDataOutput;
import io.spate.core.state.KeyGroupRange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a completed checkpoint or savepoint holds: every operator's state handles. Written last, as
 * {@code _metadata}; its presence (verified) is what makes a checkpoint complete.
 */
@Internal
public record CheckpointMetadata(
        JobId jobId,
        CheckpointId checkpointId,
        long timestampMillis,
        boolean savepoint,
        List<OperatorStateSnapshot> operators) {

    /** The file name of the metadata in a checkpoint directory. */
    public static final String FILE_NAME = "_metadata";

    public CheckpointMetadata {
        operators = List.copyOf(operators);
    }

    /** The snapshot of an operator, or {@code null}. */
    public OperatorStateSnapshot operator(String operatorId) {
        for (OperatorStateSnapshot o : operators) {
            if (o.operatorId().equals(operatorId)) {
                return o;
            }
        }
        return null;
    }

    /** Writes this metadata into {@code directory}, atomically. */
    public void write(Path directory) throws IOException {
        MemoryDataOutput out = new MemoryDataOutput(1024);
        out.writeLong(jobId.high());
        out.writeLong(jobId.low());
        out.writeLong(checkpointId.value());
        out.writeLong(timestampMillis);
        out.writeBoolean(savepoint);
        out.writeVarInt(operators.size());
        for (OperatorStateSnapshot op : operators) {
            out.writeString(op.operatorId());
            out.writeVarInt(op.parallelism());
            out.writeVarInt(op.maxParallelism());
            out.writeVarInt(op.subtasks().size());
            for (SubtaskStateHandle h : op.subtasks()) {
                writeHandle(h, out);
            }
        }
        SnapshotFiles.write(
                directory.resolve(FILE_NAME),
                SnapshotFiles.Kind.METADATA,
                out.buffer(),
                out.size());
    }

    /** Reads and verifies the metadata in {@code directory}. */
    public static CheckpointMetadata read(Path directory) throws IOException {
        Path file = directory.resolve(FILE_NAME);
        byte[] payload = SnapshotFiles.read(file, SnapshotFiles.Kind.METADATA);
        DataInputView in = new MemoryDataInput(payload);
        try {
            JobId jobId = new JobId(in.readLong(), in.readLong());
            CheckpointId id = new CheckpointId(in.readLong());
            long timestamp = in.readLong();
            boolean savepoint = in.readBoolean();
            int n = in.readVarInt();
            List<OperatorStateSnapshot> ops = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String opId = in.readString();
                int parallelism = in.readVarInt();
                int maxParallelism = in.readVarInt();
                int subtasks = in.readVarInt();
                List<SubtaskStateHandle> handles = new ArrayList<>(subtasks);
                for (int s = 0; s < subtasks; s++) {
                    handles.add(readHandle(in));
                }
                ops.add(new OperatorStateSnapshot(opId, parallelism, maxParallelism, handles));
            }
            return new CheckpointMetadata(jobId, id, timestamp, savepoint, ops);
        } catch (IOException | RuntimeException e) {
            throw new CorruptSnapshotException(file, "its content cannot be decoded: " + e);
        }
    }

    private static void writeHandle(SubtaskStateHandle h, DataOutputView out) throws IOException {
        out.writeVarInt(h.subtask());
        out.writeString(h.file());
        out.writeVarInt(h.keyGroups().start());
        out.writeSignedVarInt(h.keyGroups().end());
        for (int i = 0; i < h.keyGroups().size(); i++) {
            out.writeVarLong(h.offsetOf(h.keyGroups().start() + i));
        }
        out.writeVarLong(h.operatorStateOffset());
    }

    private static SubtaskStateHandle readHandle(DataInputView in) throws IOException {
        int subtask = in.readVarInt();
        String file = in.readString();
        int start = in.readVarInt();
        int end = in.readSignedVarInt();
        KeyGroupRange range = new KeyGroupRange(start, end);
        long[] offsets = new long[range.size()];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = in.readVarLong();
        }
        return new SubtaskStateHandle(subtask, file, range, offsets, in.readVarLong());
    }
}
