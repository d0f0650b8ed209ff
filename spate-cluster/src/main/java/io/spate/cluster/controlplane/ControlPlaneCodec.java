package io.spate.cluster.controlplane;

import static io.spate.cluster.controlplane.ControlPlaneFields.readBytes;
import static io.spate.cluster.controlplane.ControlPlaneFields.readCounters;
import static io.spate.cluster.controlplane.ControlPlaneFields.readExecutionState;
import static io.spate.cluster.controlplane.ControlPlaneFields.readFailure;
import static io.spate.cluster.controlplane.ControlPlaneFields.readHandles;
import static io.spate.cluster.controlplane.ControlPlaneFields.readJobId;
import static io.spate.cluster.controlplane.ControlPlaneFields.readLocations;
import static io.spate.cluster.controlplane.ControlPlaneFields.readMetrics;
import static io.spate.cluster.controlplane.ControlPlaneFields.readNullableString;
import static io.spate.cluster.controlplane.ControlPlaneFields.readRestore;
import static io.spate.cluster.controlplane.ControlPlaneFields.readTaskKey;
import static io.spate.cluster.controlplane.ControlPlaneFields.readTrigger;
import static io.spate.cluster.controlplane.ControlPlaneFields.writeBytes;
import static io.spate.cluster.controlplane.ControlPlaneFields.writeCounters;
import static io.spate.cluster.controlplane.ControlPlaneFields.writeExecutionState;
import static io.spate.cluster.controlplane.ControlPlaneFields.writeFailure;
import static io.spate.cluster.controlplane.ControlPlaneFields.writeHandles;
import static io.spate.cluster.controlplane.ControlPlaneFields.writeJobId;
import static io.spate.cluster.controlplane.ControlPlaneFields.writeLocations;
import static io.spate.cluster.controlplane.ControlPlaneFields.writeMetrics;
import static io.spate.cluster.controlplane.ControlPlaneFields.writeNullableString;
import static io.spate.cluster.controlplane.ControlPlaneFields.writeRestore;
import static io.spate.cluster.controlplane.ControlPlaneFields.writeTaskKey;
import static io.spate.cluster.controlplane.ControlPlaneFields.writeTrigger;

import io.spate.cluster.controlplane.ControlPlaneMessage.AcknowledgeCheckpoint;
import io.spate.cluster.controlplane.ControlPlaneMessage.ArtifactChunk;
import io.spate.cluster.controlplane.ControlPlaneMessage.CancelTask;
import io.spate.cluster.controlplane.ControlPlaneMessage.DeclineCheckpoint;
import io.spate.cluster.controlplane.ControlPlaneMessage.Disconnect;
import io.spate.cluster.controlplane.ControlPlaneMessage.FetchArtifact;
import io.spate.cluster.controlplane.ControlPlaneMessage.Heartbeat;
import io.spate.cluster.controlplane.ControlPlaneMessage.MetricsResponse;
import io.spate.cluster.controlplane.ControlPlaneMessage.NotifyCheckpointAborted;
import io.spate.cluster.controlplane.ControlPlaneMessage.NotifyCheckpointComplete;
import io.spate.cluster.controlplane.ControlPlaneMessage.RegisterTaskManager;
import io.spate.cluster.controlplane.ControlPlaneMessage.RegistrationAck;
import io.spate.cluster.controlplane.ControlPlaneMessage.RegistrationRefusal;
import io.spate.cluster.controlplane.ControlPlaneMessage.ReleaseJob;
import io.spate.cluster.controlplane.ControlPlaneMessage.RequestMetrics;
import io.spate.cluster.controlplane.ControlPlaneMessage.ResourceProfile;
import io.spate.cluster.controlplane.ControlPlaneMessage.SourceExhausted;
import io.spate.cluster.controlplane.ControlPlaneMessage.SubmitTask;
import io.spate.cluster.controlplane.ControlPlaneMessage.SubmitTaskResponse;
import io.spate.cluster.controlplane.ControlPlaneMessage.TriggerCheckpoint;
import io.spate.cluster.controlplane.ControlPlaneMessage.UpdateTaskExecutionState;
import io.spate.cluster.messages.TaskExecutionState;
import io.spate.cluster.messages.TaskMetricsReport;
import io.spate.common.io.MemoryDataInput;
import io.spate.common.io.MemoryDataOutput;
import io.spate.network.ControlMessage;
import java.io.IOException;
import java.util.Map;

/**
 * Writes and reads {@link ControlPlaneMessage}s as the {@code (type, body)} of a spate-network
 * {@link ControlMessage}, field by field; nothing is deserialized with Java's native serialization.
 *
 * <p>The type ids below are frozen. Every body starts with a one-byte format version of its
 * message, so that a message can gain fields: a reader refuses a version it does not know with a
 * message that says which, instead of misreading the bytes (ADR 0010). The values inside the
 * messages are encoded by {@link ControlPlaneFields}. Stateless and thread-safe.
 */
public final class ControlPlaneCodec {
    public static final int REGISTER_TASK_MANAGER = 1;
    public static final int REGISTRATION_ACK = 2;
    public static final int REGISTRATION_REFUSAL = 3;
    public static final int HEARTBEAT = 4;
    public static final int DISCONNECT = 5;
    // JobManager -> TaskManager
    public static final int SUBMIT_TASK = 6;
    public static final int CANCEL_TASK = 7;
    public static final int TRIGGER_CHECKPOINT = 8;
    public static final int NOTIFY_CHECKPOINT_COMPLETE = 9;
    public static final int NOTIFY_CHECKPOINT_ABORTED = 10;
    public static final int REQUEST_METRICS = 11;
    public static final int RELEASE_JOB = 12;
    public static final int ARTIFACT_CHUNK = 13;
    // TaskManager -> JobManager
    public static final int SUBMIT_TASK_RESPONSE = 14;
    public static final int METRICS_RESPONSE = 15;
    public static final int UPDATE_TASK_EXECUTION_STATE = 16;
    public static final int ACKNOWLEDGE_CHECKPOINT = 17;
    public static final int DECLINE_CHECKPOINT = 18;
    public static final int SOURCE_EXHAUSTED = 19;
    public static final int FETCH_ARTIFACT = 20;

    private static final int HIGHEST_TYPE = FETCH_ARTIFACT;

    /** The format version of every message body this process writes and the newest it reads. */
    public static final int FORMAT_VERSION = 1;

    private ControlPlaneCodec() {}

    public static ControlMessage encode(ControlPlaneMessage message) {
        MemoryDataOutput out = new MemoryDataOutput(64);
        out.writeByte(FORMAT_VERSION);
        int type;
        if (message instanceof RegisterTaskManager m) {
            type = REGISTER_TASK_MANAGER;
            out.writeString(m.id().value());
            out.writeString(m.address());
            out.writeVarInt(m.slots());
            out.writeVarInt(m.resources().cpuCores());
            out.writeVarLong(m.resources().memoryBytes());
        } else if (message instanceof RegistrationAck m) {
            type = REGISTRATION_ACK;
            out.writeString(m.id().value());
            out.writeVarLong(m.heartbeatIntervalMillis());
            out.writeVarLong(m.heartbeatTimeoutMillis());
        } else if (message instanceof RegistrationRefusal m) {
            type = REGISTRATION_REFUSAL;
            out.writeString(m.reason());
        } else if (message instanceof Heartbeat m) {
            type = HEARTBEAT;
            out.writeVarLong(m.sequence());
        } else if (message instanceof Disconnect m) {
            type = DISCONNECT;
            out.writeString(m.reason());
        } else {
            type = writeGatewayCall(message, out);
        }
        return new ControlMessage(type, out.toByteArray());
    }

    /**
     * Reads a message.
     *
     * @param peer names the sender in errors, e.g. {@code taskmanager-1 at 127.0.0.1:51234}
     * @throws ControlPlaneException for an unknown type, an unknown format version, or a body that
     *     is cut short or too long; the message names the peer and the type
     */
    public static ControlPlaneMessage decode(ControlMessage message, String peer) {
        String name = typeName(message.type());
        if (name == null) {
            throw new ControlPlaneException(
                    "unknown control-plane message type "
                            + message.type()
                            + " from "
                            + peer
                            + "; this process knows types "
                            + REGISTER_TASK_MANAGER
                            + " to "
                            + HIGHEST_TYPE
                            + " (is the peer a newer Spate?)");
        }
        byte[] body = message.body();
        if (body.length == 0) {
            throw new ControlPlaneException("empty " + name + " message from " + peer);
        }
        int version = body[0] & 0xFF;
        if (version != FORMAT_VERSION) {
            throw new ControlPlaneException(
                    name
                            + " message of format version "
                            + version
                            + " from "
                            + peer
                            + "; this process reads version "
                            + FORMAT_VERSION);
        }
        MemoryDataInput in = new MemoryDataInput(body, 1, body.length - 1);
        ControlPlaneMessage decoded;
        try {
            decoded = read(message.type(), in);
        } catch (IOException | IllegalArgumentException e) {
            throw new ControlPlaneException(
                    "malformed " + name + " message from " + peer + ": " + e.getMessage(), e);
        }
        if (in.remaining() != 0) {
            throw new ControlPlaneException(
                    "malformed "
                            + name
                            + " message from "
                            + peer
                            + ": "
                            + in.remaining()
                            + " unexpected bytes after its fields");
        }
        return decoded;
    }

    /** Writes the fields of a gateway call (types 6 on) and returns its type. */
    private static int writeGatewayCall(ControlPlaneMessage message, MemoryDataOutput out) {
        if (message instanceof SubmitTask m) {
            out.writeVarLong(m.requestId());
            writeTaskKey(out, m.task());
            writeNullableString(out, m.artifactId());
            writeBytes(out, m.jobGraph());
            writeBytes(out, m.splits());
            writeRestore(out, m.restore());
            writeLocations(out, m.locations());
            return SUBMIT_TASK;
        } else if (message instanceof CancelTask m) {
            writeTaskKey(out, m.task());
            return CANCEL_TASK;
        } else if (message instanceof TriggerCheckpoint m) {
            writeTaskKey(out, m.task());
            writeTrigger(out, m.trigger());
            return TRIGGER_CHECKPOINT;
        } else if (message instanceof NotifyCheckpointComplete m) {
            writeTaskKey(out, m.task());
            out.writeVarLong(m.checkpointId());
            return NOTIFY_CHECKPOINT_COMPLETE;
        } else if (message instanceof NotifyCheckpointAborted m) {
            writeTaskKey(out, m.task());
            out.writeVarLong(m.checkpointId());
            return NOTIFY_CHECKPOINT_ABORTED;
        } else if (message instanceof RequestMetrics m) {
            out.writeVarLong(m.requestId());
            writeJobId(out, m.jobId());
            return REQUEST_METRICS;
        } else if (message instanceof ReleaseJob m) {
            writeJobId(out, m.jobId());
            return RELEASE_JOB;
        } else if (message instanceof ArtifactChunk m) {
            out.writeVarLong(m.requestId());
            out.writeVarInt(m.index());
            out.writeBoolean(m.last());
            writeBytes(out, m.bytes());
            writeNullableString(out, m.error());
            return ARTIFACT_CHUNK;
        } else if (message instanceof SubmitTaskResponse m) {
            out.writeVarLong(m.requestId());
            writeNullableString(out, m.error());
            return SUBMIT_TASK_RESPONSE;
        } else if (message instanceof MetricsResponse m) {
            out.writeVarLong(m.requestId());
            writeMetrics(out, m.report());
            return METRICS_RESPONSE;
        } else if (message instanceof UpdateTaskExecutionState m) {
            TaskExecutionState s = m.state();
            writeTaskKey(out, s.task());
            writeExecutionState(out, s.state());
            writeFailure(out, s.failure());
            writeCounters(out, s.counters() == null ? Map.of() : s.counters());
            writeMetrics(out, s.totals() == null ? TaskMetricsReport.EMPTY : s.totals());
            return UPDATE_TASK_EXECUTION_STATE;
        } else if (message instanceof AcknowledgeCheckpoint m) {
            writeTaskKey(out, m.task());
            out.writeVarLong(m.checkpointId());
            writeHandles(out, m.states());
            return ACKNOWLEDGE_CHECKPOINT;
        } else if (message instanceof DeclineCheckpoint m) {
            writeTaskKey(out, m.task());
            out.writeVarLong(m.checkpointId());
            writeNullableString(out, m.reason());
            return DECLINE_CHECKPOINT;
        } else if (message instanceof SourceExhausted m) {
            writeTaskKey(out, m.task());
            return SOURCE_EXHAUSTED;
        } else if (message instanceof FetchArtifact m) {
            out.writeVarLong(m.requestId());
            out.writeString(m.artifactId());
            return FETCH_ARTIFACT;
        }
        throw new IllegalArgumentException("not a control-plane message: " + message);
    }

    private static ControlPlaneMessage read(int type, MemoryDataInput in) throws IOException {
        return switch (type) {
            case REGISTER_TASK_MANAGER ->
                    new RegisterTaskManager(
                            new TaskManagerId(in.readString()),
                            in.readString(),
                            in.readVarInt(),
                            new ResourceProfile(in.readVarInt(), in.readVarLong()));
            case REGISTRATION_ACK ->
                    new RegistrationAck(
                            new TaskManagerId(in.readString()), in.readVarLong(), in.readVarLong());
            case REGISTRATION_REFUSAL -> new RegistrationRefusal(in.readString());
            case HEARTBEAT -> new Heartbeat(in.readVarLong());
            case DISCONNECT -> new Disconnect(in.readString());
            case SUBMIT_TASK ->
                    new SubmitTask(
                            in.readVarLong(),
                            readTaskKey(in),
                            readNullableString(in),
                            readBytes(in, "jobGraph"),
                            readBytes(in, "splits"),
                            readRestore(in),
                            readLocations(in));
            case CANCEL_TASK -> new CancelTask(readTaskKey(in));
            case TRIGGER_CHECKPOINT -> new TriggerCheckpoint(readTaskKey(in), readTrigger(in));
            case NOTIFY_CHECKPOINT_COMPLETE ->
                    new NotifyCheckpointComplete(readTaskKey(in), in.readVarLong());
            case NOTIFY_CHECKPOINT_ABORTED ->
                    new NotifyCheckpointAborted(readTaskKey(in), in.readVarLong());
            case REQUEST_METRICS -> new RequestMetrics(in.readVarLong(), readJobId(in));
            case RELEASE_JOB -> new ReleaseJob(readJobId(in));
            case ARTIFACT_CHUNK ->
                    new ArtifactChunk(
                            in.readVarLong(),
                            in.readVarInt(),
                            in.readBoolean(),
                            readBytes(in, "artifact chunk"),
                            readNullableString(in));
            case SUBMIT_TASK_RESPONSE ->
                    new SubmitTaskResponse(in.readVarLong(), readNullableString(in));
            case METRICS_RESPONSE -> new MetricsResponse(in.readVarLong(), readMetrics(in));
            case UPDATE_TASK_EXECUTION_STATE ->
                    new UpdateTaskExecutionState(
                            new TaskExecutionState(
                                    readTaskKey(in),
                                    readExecutionState(in),
                                    readFailure(in),
                                    readCounters(in),
                                    readMetrics(in)));
            case ACKNOWLEDGE_CHECKPOINT ->
                    new AcknowledgeCheckpoint(readTaskKey(in), in.readVarLong(), readHandles(in));
            case DECLINE_CHECKPOINT ->
                    new DeclineCheckpoint(
                            readTaskKey(in), in.readVarLong(), readNullableString(in));
            case SOURCE_EXHAUSTED -> new SourceExhausted(readTaskKey(in));
            case FETCH_ARTIFACT -> new FetchArtifact(in.readVarLong(), in.readString());
            default -> throw new IllegalStateException("unreachable: type " + type);
        };
    }

    private static String typeName(int type) {
        return switch (type) {
            case REGISTER_TASK_MANAGER -> "RegisterTaskManager";
            case REGISTRATION_ACK -> "RegistrationAck";
            case REGISTRATION_REFUSAL -> "RegistrationRefusal";
            case HEARTBEAT -> "Heartbeat";
            case DISCONNECT -> "Disconnect";
            case SUBMIT_TASK -> "SubmitTask";
            case CANCEL_TASK -> "CancelTask";
            case TRIGGER_CHECKPOINT -> "TriggerCheckpoint";
            case NOTIFY_CHECKPOINT_COMPLETE -> "NotifyCheckpointComplete";
            case NOTIFY_CHECKPOINT_ABORTED -> "NotifyCheckpointAborted";
            case REQUEST_METRICS -> "RequestMetrics";
            case RELEASE_JOB -> "ReleaseJob";
            case ARTIFACT_CHUNK -> "ArtifactChunk";
            case SUBMIT_TASK_RESPONSE -> "SubmitTaskResponse";
            case METRICS_RESPONSE -> "MetricsResponse";
            case UPDATE_TASK_EXECUTION_STATE -> "UpdateTaskExecutionState";
            case ACKNOWLEDGE_CHECKPOINT -> "AcknowledgeCheckpoint";
            case DECLINE_CHECKPOINT -> "DeclineCheckpoint";
            case SOURCE_EXHAUSTED -> "SourceExhausted";
            case FETCH_ARTIFACT -> "FetchArtifact";
            default -> null;
        };
    }
}
