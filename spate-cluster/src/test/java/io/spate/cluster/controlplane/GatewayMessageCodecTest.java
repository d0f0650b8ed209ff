package io.spate.cluster.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.cluster.controlplane.ControlPlaneMessage.AcknowledgeCheckpoint;
import io.spate.cluster.controlplane.ControlPlaneMessage.ArtifactChunk;
import io.spate.cluster.controlplane.ControlPlaneMessage.CancelTask;
import io.spate.cluster.controlplane.ControlPlaneMessage.DeclineCheckpoint;
import io.spate.cluster.controlplane.ControlPlaneMessage.FetchArtifact;
import io.spate.cluster.controlplane.ControlPlaneMessage.MetricsResponse;
import io.spate.cluster.controlplane.ControlPlaneMessage.NotifyCheckpointAborted;
import io.spate.cluster.controlplane.ControlPlaneMessage.NotifyCheckpointComplete;
import io.spate.cluster.controlplane.ControlPlaneMessage.ReleaseJob;
import io.spate.cluster.controlplane.ControlPlaneMessage.RequestMetrics;
import io.spate.cluster.controlplane.ControlPlaneMessage.SourceExhausted;
import io.spate.cluster.controlplane.ControlPlaneMessage.SubmitTask;
import io.spate.cluster.controlplane.ControlPlaneMessage.SubmitTaskResponse;
import io.spate.cluster.controlplane.ControlPlaneMessage.TriggerCheckpoint;
import io.spate.cluster.controlplane.ControlPlaneMessage.UpdateTaskExecutionState;
import io.spate.cluster.messages.CheckpointTrigger;
import io.spate.cluster.messages.ExecutionState;
import io.spate.cluster.messages.TaskExecutionState;
import io.spate.cluster.messages.TaskKey;
import io.spate.cluster.messages.TaskMetricsReport;
import io.spate.common.JobId;
import io.spate.common.io.MemoryDataOutput;
import io.spate.core.checkpoint.OperatorStateSnapshot;
import io.spate.core.checkpoint.SubtaskStateHandle;
import io.spate.core.state.KeyGroupRange;
import io.spate.network.ControlMessage;
import io.spate.runtime.task.SubtaskLocations;
import io.spate.runtime.task.TaskRestore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The gateway calls (types 6 to 20) of {@link ControlPlaneCodec}. */
class GatewayMessageCodecTest {
    private static final JobId JOB = new JobId(0x0123456789abcdefL, -42L);
    private static final TaskKey TASK = new TaskKey(JOB, 3, 7, 11);
    private static final TaskKey ODD_TASK = new TaskKey(new JobId(0, 0), -1, 0, Integer.MAX_VALUE);

    private static final SubtaskStateHandle KEYED =
            new SubtaskStateHandle(
                    1,
                    "op-a-1.state",
                    new KeyGroupRange(32, 35),
                    new long[] {0, 17, 99, 1L << 40},
                    120);
    private static final SubtaskStateHandle NON_KEYED =
            new SubtaskStateHandle(0, "op-b-0.state", new KeyGroupRange(0, -1), new long[0], 0);

    static final TaskRestore RESTORE =
            new TaskRestore(
                    Path.of("/tmp/checkpoints/job/chk-12"),
                    Map.of(
                            "op-a",
                            new OperatorStateSnapshot(
                                    "op-a",
                                    2,
                                    128,
                                    List.of(
                                            new SubtaskStateHandle(
                                                    0,
                                                    "op-a-0.state",
                                                    new KeyGroupRange(0, 1),
                                                    new long[] {5, 6},
                                                    7),
                                            KEYED)),
                            "op-b",
                            new OperatorStateSnapshot("op-b", 1, 128, List.of(NON_KEYED)),
                            "op-c",
                            new OperatorStateSnapshot("op-c", 4, 4, List.of())));

    static final SubtaskLocations REMOTE =
            new SubtaskLocations(
                    "10.0.0.1:6121",
                    Map.of(
                            1, List.of("10.0.0.1:6121", "10.0.0.2:6121"),
                            2, List.of("10.0.0.2:6121"),
                            3, List.of()));

    static final SubmitTask SUBMIT =
            new SubmitTask(
                    77,
                    TASK,
                    "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                    "the job graph".getBytes(StandardCharsets.UTF_8),
                    new byte[] {0, -1, 127, -128},
                    RESTORE,
                    REMOTE);

    /** Every gateway call that survives a round trip equal to itself, with nulls and empties. */
    static final List<ControlPlaneMessage> EVERY_GATEWAY_CALL =
            List.of(
                    SUBMIT,
                    new SubmitTask(
                            0,
                            ODD_TASK,
                            null,
                            new byte[0],
                            new byte[0],
                            null,
                            SubtaskLocations.LOCAL),
                    new SubmitTask(
                            Long.MIN_VALUE,
                            TASK,
                            "",
                            new byte[1000],
                            new byte[] {1},
                            new TaskRestore(Path.of("rel/dir"), Map.of()),
                            new SubtaskLocations("host:1", Map.of())),
                    new CancelTask(TASK),
                    new TriggerCheckpoint(
                            TASK,
                            new CheckpointTrigger(12, 1_700_000_000_000L, "/chk", true, false)),
                    new TriggerCheckpoint(ODD_TASK, new CheckpointTrigger(-1, -2, "", false, true)),
                    new NotifyCheckpointComplete(TASK, 12),
                    new NotifyCheckpointAborted(ODD_TASK, Long.MAX_VALUE),
                    new RequestMetrics(5, JOB),
                    new ReleaseJob(JOB),
                    new ArtifactChunk(9, 0, false, new byte[] {1, 2, 3}, null),
                    new ArtifactChunk(9, 1, true, new byte[0], "no such artifact ünïcode"),
                    new SubmitTaskResponse(77, null),
                    new SubmitTaskResponse(78, "no free slot"),
                    new MetricsResponse(5, new TaskMetricsReport(1234, Long.MAX_VALUE)),
                    new MetricsResponse(6, TaskMetricsReport.EMPTY),
                    new UpdateTaskExecutionState(
                            new TaskExecutionState(
                                    TASK,
                                    ExecutionState.RUNNING,
                                    null,
                                    Map.of(),
                                    TaskMetricsReport.EMPTY)),
                    new UpdateTaskExecutionState(
                            new TaskExecutionState(
                                    TASK,
                                    ExecutionState.FINISHED,
                                    null,
                                    Map.of("numRecordsIn", 10L, "numRecordsOut", -1L),
                                    new TaskMetricsReport(10, 20))),
                    new AcknowledgeCheckpoint(TASK, 12, Map.of("op-a", KEYED, "op-b", NON_KEYED)),
                    new AcknowledgeCheckpoint(ODD_TASK, 0, Map.of()),
                    new DeclineCheckpoint(TASK, 12, "the task is not running"),
                    new DeclineCheckpoint(TASK, 13, null),
                    new SourceExhausted(TASK),
                    new FetchArtifact(9, "9f86d081"));

    static ControlPlaneMessage roundTrip(ControlPlaneMessage m) {
        return ControlPlaneCodec.decode(ControlPlaneCodec.encode(m), "test peer");
    }

    @Test
    void everyGatewayCallSurvivesARoundTrip() {
        for (ControlPlaneMessage m : EVERY_GATEWAY_CALL) {
            assertThat(roundTrip(m)).as("%s", m).isEqualTo(m);
        }
    }

    @Test
    void theRestoreAndTheLocationsOfASubmitTaskComeBackWhole() {
        SubmitTask decoded = (SubmitTask) roundTrip(SUBMIT);
        assertThat(decoded.restore().directory()).isEqualTo(RESTORE.directory());
        assertThat(decoded.restore().operators()).isEqualTo(RESTORE.operators());
        assertThat(decoded.restore().operators().get("op-a").subtasks().get(1).offsetOf(34))
                .isEqualTo(99);
        assertThat(decoded.locations().remoteAddressOf(1, 1)).isEqualTo("10.0.0.2:6121");
        assertThat(decoded.locations().remoteAddressOf(1, 0)).isNull();
        assertThat(decoded.locations().vertices().get(3)).isEmpty();
    }

    @Test
    void localLocationsStayLocal() {
        SubmitTask local = (SubmitTask) EVERY_GATEWAY_CALL.get(1);
        assertThat(((SubmitTask) roundTrip(local)).locations()).isSameAs(SubtaskLocations.LOCAL);
    }

    @Test
    void nullCountersAndTotalsAreSentAsEmpty() {
        var decoded =
                (UpdateTaskExecutionState)
                        roundTrip(
                                new UpdateTaskExecutionState(
                                        new TaskExecutionState(
                                                TASK, ExecutionState.DEPLOYING, null, null, null)));
        assertThat(decoded.state().counters()).isEmpty();
        assertThat(decoded.state().totals()).isEqualTo(TaskMetricsReport.EMPTY);
    }

    @Test
    void aFailureArrivesAsARemoteFailureThatReadsLikeTheOriginal() {
        IllegalStateException boom =
                new IllegalStateException("boom", new java.io.IOException("disk full"));
        var decoded =
                (UpdateTaskExecutionState)
                        roundTrip(
                                new UpdateTaskExecutionState(
                                        new TaskExecutionState(
                                                TASK,
                                                ExecutionState.FAILED,
                                                boom,
                                                Map.of("numRecordsIn", 3L),
                                                new TaskMetricsReport(3, 0))));
        assertThat(decoded.state().task()).isEqualTo(TASK);
        assertThat(decoded.state().state()).isEqualTo(ExecutionState.FAILED);
        assertThat(decoded.state().counters()).containsExactly(Map.entry("numRecordsIn", 3L));
        assertThat(decoded.state().totals()).isEqualTo(new TaskMetricsReport(3, 0));
        RemoteFailure failure = (RemoteFailure) decoded.state().failure();
        assertThat(failure).hasToString("java.lang.IllegalStateException: boom");
        assertThat(failure.getCause()).hasToString("java.io.IOException: disk full");
        RemoteFailureTest.assertSameStack(failure, boom);
    }

    @Test
    void gatewayCallsHaveTheirFrozenTypes() {
        Map<Class<?>, Integer> types = new LinkedHashMap<>();
        EVERY_GATEWAY_CALL.forEach(
                m -> types.put(m.getClass(), ControlPlaneCodec.encode(m).type()));
        assertThat(types)
                .containsExactly(
                        Map.entry(SubmitTask.class, 6),
                        Map.entry(CancelTask.class, 7),
                        Map.entry(TriggerCheckpoint.class, 8),
                        Map.entry(NotifyCheckpointComplete.class, 9),
                        Map.entry(NotifyCheckpointAborted.class, 10),
                        Map.entry(RequestMetrics.class, 11),
                        Map.entry(ReleaseJob.class, 12),
                        Map.entry(ArtifactChunk.class, 13),
                        Map.entry(SubmitTaskResponse.class, 14),
                        Map.entry(MetricsResponse.class, 15),
                        Map.entry(UpdateTaskExecutionState.class, 16),
                        Map.entry(AcknowledgeCheckpoint.class, 17),
                        Map.entry(DeclineCheckpoint.class, 18),
                        Map.entry(SourceExhausted.class, 19),
                        Map.entry(FetchArtifact.class, 20));
    }

    @Test
    void everyTruncationOfEveryGatewayCallIsRejected() {
        for (ControlPlaneMessage m : EVERY_GATEWAY_CALL) {
            ControlMessage encoded = ControlPlaneCodec.encode(m);
            for (int length = 0; length < encoded.body().length; length++) {
                byte[] cut = Arrays.copyOf(encoded.body(), length);
                assertThatThrownBy(
                                () ->
                                        ControlPlaneCodec.decode(
                                                new ControlMessage(encoded.type(), cut), "p"))
                        .as("%s cut to %d bytes", m, length)
                        .isInstanceOf(ControlPlaneException.class)
                        .hasMessageContaining(" message from p");
            }
        }
    }

    @Test
    void aLengthLargerThanTheBodyIsRejectedWithoutAllocatingIt() {
        MemoryDataOutput body = artifactChunkUpToBytes();
        body.writeVarInt(Integer.MAX_VALUE);
        body.write(new byte[] {1, 2, 3});
        assertThatThrownBy(() -> decode(ControlPlaneCodec.ARTIFACT_CHUNK, body))
                .isInstanceOf(ControlPlaneException.class)
                .hasMessage(
                        "malformed ArtifactChunk message from p: length 2147483647 of artifact"
                                + " chunk is larger than the 3 bytes left");
    }

    @Test
    void aNegativeLengthIsRejected() {
        MemoryDataOutput body = artifactChunkUpToBytes();
        body.writeVarInt(-5);
        assertThatThrownBy(() -> decode(ControlPlaneCodec.ARTIFACT_CHUNK, body))
                .isInstanceOf(ControlPlaneException.class)
                .hasMessage(
                        "malformed ArtifactChunk message from p: negative length -5 of artifact"
                                + " chunk");
    }

    @Test
    void aHugeCountOfRestoredOperatorsIsRejected() {
        MemoryDataOutput body = new MemoryDataOutput();
        body.writeByte(ControlPlaneCodec.FORMAT_VERSION);
        body.writeVarLong(1);
        ControlPlaneFields.writeTaskKey(body, TASK);
        ControlPlaneFields.writeNullableString(body, null);
        ControlPlaneFields.writeBytes(body, new byte[0]);
        ControlPlaneFields.writeBytes(body, new byte[0]);
        body.writeBoolean(true);
        body.writeString("/dir");
        body.writeVarInt(1 << 30);
        assertThatThrownBy(() -> decode(ControlPlaneCodec.SUBMIT_TASK, body))
                .isInstanceOf(ControlPlaneException.class)
                .hasMessageContaining("length 1073741824 of restored operators is larger than");
    }

    @Test
    void anUnknownExecutionStateIsRejected() {
        byte[] body = ControlPlaneCodec.encode(EVERY_GATEWAY_CALL.get(16)).body();
        int stateAt = 1 + 16 + 3; // version, job id, attempt, vertex and subtask (1 byte each)
        assertThat(body[stateAt]).isEqualTo((byte) 1); // RUNNING
        body[stateAt] = 9;
        assertThatThrownBy(
                        () ->
                                ControlPlaneCodec.decode(
                                        new ControlMessage(
                                                ControlPlaneCodec.UPDATE_TASK_EXECUTION_STATE,
                                                body),
                                        "p"))
                .isInstanceOf(ControlPlaneException.class)
                .hasMessage(
                        "malformed UpdateTaskExecutionState message from p: unknown"
                                + " ExecutionState code 9");
    }

    @Test
    void aBadPresenceFlagIsRejected() {
        MemoryDataOutput body = new MemoryDataOutput();
        body.writeByte(ControlPlaneCodec.FORMAT_VERSION);
        body.writeVarLong(1);
        body.writeByte(7);
        assertThatThrownBy(() -> decode(ControlPlaneCodec.SUBMIT_TASK_RESPONSE, body))
                .isInstanceOf(ControlPlaneException.class)
                .hasMessageEndingWith("presence flag 7 is neither 0 nor 1");
    }

    @Test
    void aKeyGroupRangeThatCannotExistIsRejected() {
        MemoryDataOutput body = new MemoryDataOutput();
        body.writeByte(ControlPlaneCodec.FORMAT_VERSION);
        ControlPlaneFields.writeTaskKey(body, TASK);
        body.writeVarLong(12);
        body.writeVarInt(1);
        body.writeString("op");
        body.writeVarInt(0);
        body.writeString("f");
        body.writeVarInt(10);
        body.writeVarInt(2);
        assertThatThrownBy(() -> decode(ControlPlaneCodec.ACKNOWLEDGE_CHECKPOINT, body))
                .isInstanceOf(ControlPlaneException.class)
                .hasMessageContaining("bad key group range [10, 2]");
    }

    @Test
    void anUnknownTypeNamesTheHighestKnownType() {
        assertThatThrownBy(
                        () -> ControlPlaneCodec.decode(new ControlMessage(21, new byte[] {1}), "p"))
                .isInstanceOf(ControlPlaneException.class)
                .hasMessageContaining("unknown control-plane message type 21")
                .hasMessageContaining("knows types 1 to 20");
    }

    @Test
    void aTooLongFailureChainIsRejected() {
        MemoryDataOutput body = new MemoryDataOutput();
        body.writeByte(ControlPlaneCodec.FORMAT_VERSION);
        ControlPlaneFields.writeTaskKey(body, TASK);
        ControlPlaneFields.writeExecutionState(body, ExecutionState.FAILED);
        body.writeBoolean(true);
        body.writeVarInt(10);
        IntStream.range(0, 40).forEach(i -> body.writeByte(0));
        assertThatThrownBy(() -> decode(ControlPlaneCodec.UPDATE_TASK_EXECUTION_STATE, body))
                .isInstanceOf(ControlPlaneException.class)
                .hasMessageContaining("a failure chain of 10 exceptions");
    }

    private static MemoryDataOutput artifactChunkUpToBytes() {
        MemoryDataOutput body = new MemoryDataOutput();
        body.writeByte(ControlPlaneCodec.FORMAT_VERSION);
        body.writeVarLong(9);
        body.writeVarInt(0);
        body.writeBoolean(false);
        return body;
    }

    private static ControlPlaneMessage decode(int type, MemoryDataOutput body) {
        return ControlPlaneCodec.decode(new ControlMessage(type, body.toByteArray()), "p");
    }
}
