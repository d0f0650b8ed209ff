package io.spate.cluster.controlplane;

import io.spate.cluster.messages.CheckpointTrigger;
import io.spate.cluster.messages.TaskExecutionState;
import io.spate.cluster.messages.TaskKey;
import io.spate.cluster.messages.TaskMetricsReport;
import io.spate.common.JobId;
import io.spate.core.checkpoint.SubtaskStateHandle;
import io.spate.runtime.task.SubtaskLocations;
import io.spate.runtime.task.TaskRestore;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * The messages between a TaskManager and the JobManager, carried in CONTROL frames of spate-network
 * and encoded by {@link ControlPlaneCodec}. See ADR 0010.
 *
 * <pre>
 *   TaskManager                          JobManager
 *      │ ── RegisterTaskManager ─────────► │
 *      │ ◄───────────── RegistrationAck ── │   (or RegistrationRefusal, then close)
 *      │ ── Heartbeat(seq) ──────────────► │   every heartbeat interval, both ways
 *      │ ◄────────────── Heartbeat(seq) ── │
 *      │ ── Disconnect(reason) ──────────► │   either side, when it leaves in order
 *
 *   gateway calls (TaskExecutorGateway, JobMasterGateway), once registered:
 *      │ ◄────────────────── SubmitTask ── │   answered by SubmitTaskResponse (same request id)
 *      │ ── FetchArtifact ───────────────► │   the job's jar, if not cached; answered by
 *      │ ◄─────────── ArtifactChunk * n ── │   chunks of the same request id, the last flagged
 *      │ ── SubmitTaskResponse ──────────► │
 *      │ ── UpdateTaskExecutionState ────► │   DEPLOYING, RUNNING, then a terminal state
 *      │ ◄─────────── TriggerCheckpoint ── │   at sources
 *      │ ── AcknowledgeCheckpoint ───────► │   or DeclineCheckpoint
 *      │ ◄──── NotifyCheckpointComplete ── │   or NotifyCheckpointAborted
 *      │ ── SourceExhausted ─────────────► │   a source read everything
 *      │ ◄────────────── RequestMetrics ── │   answered by MetricsResponse (same request id)
 *      │ ◄────────────────── CancelTask ── │
 *      │ ◄────────────────── ReleaseJob ── │   the job ended everywhere
 * </pre>
 *
 * <p>A request that expects an answer carries a {@code requestId}, unique per connection and
 * sender, that the answer repeats.
 */
public sealed interface ControlPlaneMessage {

    /**
     * A TaskManager offers its slots.
     *
     * @param address where the TaskManager can be reached by its peers (host, for now the host it
     *     connects from; later its data-plane endpoint)
     * @param slots task slots, at least 1
     */
    record RegisterTaskManager(
            TaskManagerId id, String address, int slots, ResourceProfile resources)
            implements ControlPlaneMessage {
        public RegisterTaskManager {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(resources, "resources");
        }
    }

    /**
     * The JobManager accepted a registration; the heartbeat settings are the JobManager's, so that
     * both sides use the same.
     */
    record RegistrationAck(
            TaskManagerId id, long heartbeatIntervalMillis, long heartbeatTimeoutMillis)
            implements ControlPlaneMessage {
        public RegistrationAck {
            Objects.requireNonNull(id, "id");
        }
    }

    /** The JobManager refused a registration and closes the connection. */
    record RegistrationRefusal(String reason) implements ControlPlaneMessage {
        public RegistrationRefusal {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** I am alive: sent by each side every heartbeat interval, numbered from 1 per connection. */
    record Heartbeat(long sequence) implements ControlPlaneMessage {}

    /** The sender leaves in order (shutdown) and closes the connection. */
    record Disconnect(String reason) implements ControlPlaneMessage {
        public Disconnect {
            Objects.requireNonNull(reason, "reason");
        }
    }

    // JobManager -> TaskManager: the TaskExecutorGateway calls.

    /**
     * Deploys one subtask; the TaskManager answers with a {@link SubmitTaskResponse}.
     *
     * @param artifactId the SHA-256 (hex) of the job's jar, which the TaskManager fetches with
     *     {@link FetchArtifact} unless it has it; null when the job needs no jar
     * @param jobGraph the job's plan, encoded by the job graph's own serializer; opaque here
     * @param splits the source splits of this subtask, encoded by their serializer; opaque here
     * @param restore the checkpoint to restore from, or null for a fresh start
     * @param locations where the subtasks of the run are
     */
    record SubmitTask(
            long requestId,
            TaskKey task,
            String artifactId,
            byte[] jobGraph,
            byte[] splits,
            TaskRestore restore,
            SubtaskLocations locations)
            implements ControlPlaneMessage {
        public SubmitTask {
            Objects.requireNonNull(task, "task");
            Objects.requireNonNull(jobGraph, "jobGraph");
            Objects.requireNonNull(splits, "splits");
            Objects.requireNonNull(locations, "locations");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SubmitTask m
                    && m.requestId == requestId
                    && m.task.equals(task)
                    && Objects.equals(m.artifactId, artifactId)
                    && Arrays.equals(m.jobGraph, jobGraph)
                    && Arrays.equals(m.splits, splits)
                    && Objects.equals(m.restore, restore)
                    && m.locations.equals(locations);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(requestId) * 31 + task.hashCode();
        }

        @Override
        public String toString() {
            return "SubmitTask[requestId="
                    + requestId
                    + ", task="
                    + task
                    + ", artifactId="
                    + artifactId
                    + ", jobGraph="
                    + jobGraph.length
                    + " bytes, splits="
                    + splits.length
                    + " bytes, restore="
                    + restore
                    + ", locations="
                    + locations
                    + "]";
        }
    }

    /** Cancels a subtask if it still runs. */
    record CancelTask(TaskKey task) implements ControlPlaneMessage {
        public CancelTask {
            Objects.requireNonNull(task, "task");
        }
    }

    /** Starts a checkpoint at a source subtask. */
    record TriggerCheckpoint(TaskKey task, CheckpointTrigger trigger)
            implements ControlPlaneMessage {
        public TriggerCheckpoint {
            Objects.requireNonNull(task, "task");
            Objects.requireNonNull(trigger, "trigger");
            Objects.requireNonNull(trigger.directory(), "trigger.directory");
        }
    }

    /** A checkpoint completed. */
    record NotifyCheckpointComplete(TaskKey task, long checkpointId)
            implements ControlPlaneMessage {
        public NotifyCheckpointComplete {
            Objects.requireNonNull(task, "task");
        }
    }

    /** A checkpoint was aborted. */
    record NotifyCheckpointAborted(TaskKey task, long checkpointId) implements ControlPlaneMessage {
        public NotifyCheckpointAborted {
            Objects.requireNonNull(task, "task");
        }
    }

    /** Asks for the record totals of a job's subtasks; answered by {@link MetricsResponse}. */
    record RequestMetrics(long requestId, JobId jobId) implements ControlPlaneMessage {
        public RequestMetrics {
            Objects.requireNonNull(jobId, "jobId");
        }
    }

    /** The job ended: the TaskManager may drop its class loader and its jar. */
    record ReleaseJob(JobId jobId) implements ControlPlaneMessage {
        public ReleaseJob {
            Objects.requireNonNull(jobId, "jobId");
        }
    }

    /**
     * One piece of a jar, in answer to {@link FetchArtifact}; chunks come in order of {@code index}
     * from 0, and the one with {@code last} set ends the answer.
     *
     * @param error why the jar cannot be sent (then {@code last} is set and {@code bytes} empty),
     *     or null
     */
    record ArtifactChunk(long requestId, int index, boolean last, byte[] bytes, String error)
            implements ControlPlaneMessage {
        public ArtifactChunk {
            Objects.requireNonNull(bytes, "bytes");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ArtifactChunk m
                    && m.requestId == requestId
                    && m.index == index
                    && m.last == last
                    && Arrays.equals(m.bytes, bytes)
                    && Objects.equals(m.error, error);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(requestId) * 31 + index;
        }

        @Override
        public String toString() {
            return "ArtifactChunk[requestId="
                    + requestId
                    + ", index="
                    + index
                    + ", last="
                    + last
                    + ", bytes="
                    + bytes.length
                    + " bytes, error="
                    + error
                    + "]";
        }
    }

    // TaskManager -> JobManager: answers, and the JobMasterGateway calls.

    /** Answers {@link SubmitTask}: {@code error} is null when the subtask was accepted. */
    record SubmitTaskResponse(long requestId, String error) implements ControlPlaneMessage {}

    /** Answers {@link RequestMetrics}. */
    record MetricsResponse(long requestId, TaskMetricsReport report)
            implements ControlPlaneMessage {
        public MetricsResponse {
            Objects.requireNonNull(report, "report");
        }
    }

    /**
     * A subtask reached a state. A failure arrives as a {@link RemoteFailure}; null counters and
     * totals are sent as empty ones.
     */
    record UpdateTaskExecutionState(TaskExecutionState state) implements ControlPlaneMessage {
        public UpdateTaskExecutionState {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(state.task(), "state.task");
            Objects.requireNonNull(state.state(), "state.state");
        }
    }

    /** A subtask wrote its state for a checkpoint: a handle per operator id. */
    record AcknowledgeCheckpoint(
            TaskKey task, long checkpointId, Map<String, SubtaskStateHandle> states)
            implements ControlPlaneMessage {
        public AcknowledgeCheckpoint {
            Objects.requireNonNull(task, "task");
            states = Map.copyOf(states);
        }
    }

    /** A subtask could not take part in a checkpoint; {@code reason} may be null. */
    record DeclineCheckpoint(TaskKey task, long checkpointId, String reason)
            implements ControlPlaneMessage {
        public DeclineCheckpoint {
            Objects.requireNonNull(task, "task");
        }
    }

    /** A source subtask read everything and waits for the job's final checkpoint. */
    record SourceExhausted(TaskKey task) implements ControlPlaneMessage {
        public SourceExhausted {
            Objects.requireNonNull(task, "task");
        }
    }

    /**
     * Asks for a job's jar by its SHA-256 (hex); answered by {@link ArtifactChunk}s of the same
     * request id.
     */
    record FetchArtifact(long requestId, String artifactId) implements ControlPlaneMessage {
        public FetchArtifact {
            Objects.requireNonNull(artifactId, "artifactId");
        }
    }

    /**
     * What a TaskManager has to offer besides slots.
     *
     * @param cpuCores processors its worker threads may use
     * @param memoryBytes the most heap its JVM may use
     */
    record ResourceProfile(int cpuCores, long memoryBytes) {}
}
