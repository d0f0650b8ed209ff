package io.spate.cluster.controlplane;

import io.spate.cluster.messages.CheckpointTrigger;
import io.spate.cluster.messages.ExecutionState;
import io.spate.cluster.messages.TaskKey;
import io.spate.cluster.messages.TaskMetricsReport;
import io.spate.common.JobId;
import io.spate.common.io.MemoryDataInput;
import io.spate.common.io.MemoryDataOutput;
import io.spate.core.checkpoint.OperatorStateSnapshot;
import io.spate.core.checkpoint.SubtaskStateHandle;
import io.spate.core.state.KeyGroupRange;
import io.spate.runtime.task.SubtaskLocations;
import io.spate.runtime.task.TaskRestore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The encoding of the values inside {@link ControlPlaneMessage}s, one write and one read method per
 * value, for {@link ControlPlaneCodec}.
 *
 * <p>Ints and longs are varints (negative values work, they only take the full width); a nullable
 * value is preceded by a presence byte; a collection or byte array by its varint count. Every count
 * is checked against the bytes left in the body before anything is allocated for it, since each
 * element takes at least one byte: a forged length cannot make the reader allocate more than the
 * size of the frame. Readers throw {@link IOException} with what is wrong; the codec adds the peer
 * and the message.
 */
final class ControlPlaneFields {
    private ControlPlaneFields() {}

    // Counts and opaque bytes.

    static int readCount(MemoryDataInput in, String what) throws IOException {
        int count = in.readVarInt();
        if (count < 0) {
            throw new IOException("negative length " + count + " of " + what);
        }
        if (count > in.remaining()) {
            throw new IOException(
                    "length "
                            + count
                            + " of "
                            + what
                            + " is larger than the "
                            + in.remaining()
                            + " bytes left");
        }
        return count;
    }

    static void writeBytes(MemoryDataOutput out, byte[] bytes) {
        out.writeVarInt(bytes.length);
        out.write(bytes);
    }

    static byte[] readBytes(MemoryDataInput in, String what) throws IOException {
        byte[] bytes = new byte[readCount(in, what)];
        in.readFully(bytes);
        return bytes;
    }

    static void writeNullableString(MemoryDataOutput out, String s) {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeString(s);
        }
    }

    static String readNullableString(MemoryDataInput in) throws IOException {
        return readPresence(in) ? in.readString() : null;
    }

    private static boolean readPresence(MemoryDataInput in) throws IOException {
        int flag = in.readUnsignedByte();
        if (flag > 1) {
            throw new IOException("presence flag " + flag + " is neither 0 nor 1");
        }
        return flag == 1;
    }

    // Identifiers and small values.

    static void writeJobId(MemoryDataOutput out, JobId jobId) {
        out.writeLong(jobId.high());
        out.writeLong(jobId.low());
    }

    static JobId readJobId(MemoryDataInput in) throws IOException {
        return new JobId(in.readLong(), in.readLong());
    }

    static void writeTaskKey(MemoryDataOutput out, TaskKey task) {
        writeJobId(out, task.jobId());
        out.writeVarInt(task.attempt());
        out.writeVarInt(task.vertexId());
        out.writeVarInt(task.subtaskIndex());
    }

    static TaskKey readTaskKey(MemoryDataInput in) throws IOException {
        return new TaskKey(readJobId(in), in.readVarInt(), in.readVarInt(), in.readVarInt());
    }

    static void writeTrigger(MemoryDataOutput out, CheckpointTrigger trigger) {
        out.writeVarLong(trigger.checkpointId());
        out.writeVarLong(trigger.timestamp());
        out.writeString(trigger.directory());
        out.writeBoolean(trigger.savepoint());
        out.writeBoolean(trigger.endOfData());
    }

    static CheckpointTrigger readTrigger(MemoryDataInput in) throws IOException {
        return new CheckpointTrigger(
                in.readVarLong(),
                in.readVarLong(),
                in.readString(),
                in.readBoolean(),
                in.readBoolean());
    }

    static void writeMetrics(MemoryDataOutput out, TaskMetricsReport report) {
        out.writeVarLong(report.recordsIn());
        out.writeVarLong(report.recordsOut());
    }

    static TaskMetricsReport readMetrics(MemoryDataInput in) throws IOException {
        return new TaskMetricsReport(in.readVarLong(), in.readVarLong());
    }

    /** Explicit codes rather than ordinals, so that reordering the enum cannot change the wire. */
    static void writeExecutionState(MemoryDataOutput out, ExecutionState state) {
        out.writeByte(
                switch (state) {
                    case DEPLOYING -> 0;
                    case RUNNING -> 1;
                    case FINISHED -> 2;
                    case FAILED -> 3;
                    case CANCELED -> 4;
                });
    }

    static ExecutionState readExecutionState(MemoryDataInput in) throws IOException {
        int code = in.readUnsignedByte();
        return switch (code) {
            case 0 -> ExecutionState.DEPLOYING;
            case 1 -> ExecutionState.RUNNING;
            case 2 -> ExecutionState.FINISHED;
            case 3 -> ExecutionState.FAILED;
            case 4 -> ExecutionState.CANCELED;
            default -> throw new IOException("unknown ExecutionState code " + code);
        };
    }

    static void writeCounters(MemoryDataOutput out, Map<String, Long> counters) {
        out.writeVarInt(counters.size());
        counters.forEach(
                (name, value) -> {
                    out.writeString(name);
                    out.writeVarLong(value);
                });
    }

    static Map<String, Long> readCounters(MemoryDataInput in) throws IOException {
        int n = readCount(in, "counters");
        Map<String, Long> counters = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            counters.put(in.readString(), in.readVarLong());
        }
        return counters;
    }

    // Checkpoint state.

    static void writeHandle(MemoryDataOutput out, SubtaskStateHandle handle) {
        out.writeVarInt(handle.subtask());
        out.writeString(handle.file());
        out.writeVarInt(handle.keyGroups().start());
        out.writeVarInt(handle.keyGroups().end());
        long[] offsets = handle.keyGroupOffsets();
        out.writeVarInt(offsets.length);
        for (long offset : offsets) {
            out.writeVarLong(offset);
        }
        out.writeVarLong(handle.operatorStateOffset());
    }

    static SubtaskStateHandle readHandle(MemoryDataInput in) throws IOException {
        int subtask = in.readVarInt();
        String file = in.readString();
        KeyGroupRange keyGroups = new KeyGroupRange(in.readVarInt(), in.readVarInt());
        long[] offsets = new long[readCount(in, "key group offsets of " + file)];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = in.readVarLong();
        }
        return new SubtaskStateHandle(subtask, file, keyGroups, offsets, in.readVarLong());
    }

    static void writeHandles(MemoryDataOutput out, Map<String, SubtaskStateHandle> handles) {
        out.writeVarInt(handles.size());
        handles.forEach(
                (operatorId, handle) -> {
                    out.writeString(operatorId);
                    writeHandle(out, handle);
                });
    }

    static Map<String, SubtaskStateHandle> readHandles(MemoryDataInput in) throws IOException {
        int n = readCount(in, "state handles");
        Map<String, SubtaskStateHandle> handles = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            handles.put(in.readString(), readHandle(in));
        }
        return handles;
    }

    static void writeRestore(MemoryDataOutput out, TaskRestore restore) {
        out.writeBoolean(restore != null);
        if (restore == null) {
            return;
        }
        out.writeString(restore.directory().toString());
        out.writeVarInt(restore.operators().size());
        restore.operators()
                .forEach(
                        (operatorId, snapshot) -> {
                            out.writeString(operatorId);
                            out.writeString(snapshot.operatorId());
                            out.writeVarInt(snapshot.parallelism());
                            out.writeVarInt(snapshot.maxParallelism());
                            out.writeVarInt(snapshot.subtasks().size());
                            snapshot.subtasks().forEach(h -> writeHandle(out, h));
                        });
    }

    static TaskRestore readRestore(MemoryDataInput in) throws IOException {
        if (!readPresence(in)) {
            return null;
        }
        Path directory = Path.of(in.readString());
        int n = readCount(in, "restored operators");
        Map<String, OperatorStateSnapshot> operators = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String key = in.readString();
            String operatorId = in.readString();
            int parallelism = in.readVarInt();
            int maxParallelism = in.readVarInt();
            int handleCount = readCount(in, "subtask states of operator " + operatorId);
            List<SubtaskStateHandle> handles = new ArrayList<>(handleCount);
            for (int h = 0; h < handleCount; h++) {
                handles.add(readHandle(in));
            }
            operators.put(
                    key,
                    new OperatorStateSnapshot(operatorId, parallelism, maxParallelism, handles));
        }
        return new TaskRestore(directory, operators);
    }

    // Deployment.

    static void writeLocations(MemoryDataOutput out, SubtaskLocations locations) {
        writeNullableString(out, locations.self());
        out.writeVarInt(locations.vertices().size());
        locations
                .vertices()
                .forEach(
                        (vertexId, addresses) -> {
                            out.writeVarInt(vertexId);
                            out.writeVarInt(addresses.size());
                            addresses.forEach(out::writeString);
                        });
    }

    static SubtaskLocations readLocations(MemoryDataInput in) throws IOException {
        String self = readNullableString(in);
        int n = readCount(in, "vertex locations");
        Map<Integer, List<String>> vertices = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            int vertexId = in.readVarInt();
            int count = readCount(in, "subtask addresses of vertex " + vertexId);
            List<String> addresses = new ArrayList<>(count);
            for (int s = 0; s < count; s++) {
                addresses.add(in.readString());
            }
            vertices.put(vertexId, List.copyOf(addresses));
        }
        return self == null && vertices.isEmpty()
                ? SubtaskLocations.LOCAL
                : new SubtaskLocations(self, vertices);
    }

    // Failures.

    /**
     * Writes a failure and its causes (at most {@link RemoteFailure#MAX_CAUSES}) as class name,
     * message and stack frames each; a {@link RemoteFailure} keeps the class name it carries.
     */
    static void writeFailure(MemoryDataOutput out, Throwable failure) {
        out.writeBoolean(failure != null);
        if (failure == null) {
            return;
        }
        List<RemoteFailure> chain = new ArrayList<>();
        for (RemoteFailure f = RemoteFailure.of(failure); f != null; f = f.getCause()) {
            chain.add(f);
        }
        out.writeVarInt(chain.size());
        for (RemoteFailure f : chain) {
            out.writeString(f.originalClassName());
            writeNullableString(out, f.originalMessage());
            StackTraceElement[] stack = f.getStackTrace();
            out.writeVarInt(stack.length);
            for (StackTraceElement frame : stack) {
                out.writeString(frame.getClassName());
                out.writeString(frame.getMethodName());
                writeNullableString(out, frame.getFileName());
                out.writeVarInt(frame.getLineNumber());
            }
        }
    }

    static RemoteFailure readFailure(MemoryDataInput in) throws IOException {
        if (!readPresence(in)) {
            return null;
        }
        int depth = readCount(in, "failure chain");
        if (depth == 0 || depth > RemoteFailure.MAX_CAUSES + 1) {
            throw new IOException(
                    "a failure chain of "
                            + depth
                            + " exceptions; it has between 1 and "
                            + (RemoteFailure.MAX_CAUSES + 1));
        }
        String[] classNames = new String[depth];
        String[] messages = new String[depth];
        StackTraceElement[][] stacks = new StackTraceElement[depth][];
        for (int i = 0; i < depth; i++) {
            classNames[i] = in.readString();
            messages[i] = readNullableString(in);
            StackTraceElement[] stack =
                    new StackTraceElement[readCount(in, "stack trace of " + classNames[i])];
            for (int f = 0; f < stack.length; f++) {
                stack[f] =
                        new StackTraceElement(
                                in.readString(),
                                in.readString(),
                                readNullableString(in),
                                in.readVarInt());
            }
            stacks[i] = stack;
        }
        RemoteFailure failure = null;
        for (int i = depth - 1; i >= 0; i--) {
            failure = new RemoteFailure(classNames[i], messages[i], stacks[i], failure);
        }
        return failure;
    }
}
