package io.spate.cluster.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import io.spate.cluster.controlplane.ControlPlaneMessage.AcknowledgeCheckpoint;
import io.spate.cluster.controlplane.ControlPlaneMessage.ArtifactChunk;
import io.spate.cluster.controlplane.ControlPlaneMessage.SubmitTask;
import io.spate.cluster.messages.TaskKey;
import io.spate.common.JobId;
import io.spate.core.checkpoint.SubtaskStateHandle;
import io.spate.core.state.KeyGroupRange;
import io.spate.network.ControlMessage;
import io.spate.runtime.task.SubtaskLocations;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Round trips and bad input, on generated messages. */
class GatewayMessagePropertiesTest {
    private static final Gen<TaskKey> TASKS =
            longs().all()
                    .zip(longs().all(), JobId::new)
                    .zip(integers().all(), integers().all(), integers().all(), TaskKey::new);

    /** Any UTF-16 text, unpaired surrogates included. */
    private static final Gen<String> TEXT =
            strings().betweenCodePoints(0, 0x10FFFF).ofLengthBetween(0, 24);

    private static final Gen<String> NULLABLE_TEXT = TEXT.toOptionals(20).map(o -> o.orElse(null));

    private static final Gen<byte[]> BYTES =
            Generate.byteArrays(
                    Generate.range(0, 200),
                    Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));

    private static final Gen<SubtaskStateHandle> HANDLES =
            integers()
                    .all()
                    .zip(
                            TEXT,
                            Generate.range(0, 1 << 15),
                            longs().all(),
                            (subtask, file, start, seed) -> {
                                Random random = new Random(seed);
                                long[] offsets = random.longs(random.nextInt(6)).toArray();
                                return new SubtaskStateHandle(
                                        subtask,
                                        file,
                                        new KeyGroupRange(start, start + offsets.length - 1),
                                        offsets,
                                        random.nextLong());
                            });

    private static final Gen<SubmitTask> SUBMITS =
            longs().all()
                    .zip(
                            TASKS,
                            NULLABLE_TEXT,
                            BYTES,
                            BYTES,
                            (requestId, task, artifact, graph, splits) ->
                                    new SubmitTask(
                                            requestId,
                                            task,
                                            artifact,
                                            graph,
                                            splits,
                                            null,
                                            SubtaskLocations.LOCAL))
                    .zip(
                            NULLABLE_TEXT,
                            lists().of(TEXT).ofSizeBetween(0, 4),
                            (submit, self, addresses) ->
                                    self == null
                                            ? submit
                                            : new SubmitTask(
                                                    submit.requestId(),
                                                    submit.task(),
                                                    submit.artifactId(),
                                                    submit.jobGraph(),
                                                    submit.splits(),
                                                    GatewayMessageCodecTest.RESTORE,
                                                    new SubtaskLocations(
                                                            self, Map.of(1, addresses))));

    @Test
    void submitTasksSurviveARoundTrip() {
        qt().forAll(SUBMITS)
                .checkAssert(m -> assertThat(GatewayMessageCodecTest.roundTrip(m)).isEqualTo(m));
    }

    @Test
    void acknowledgementsSurviveARoundTrip() {
        qt().forAll(TASKS, longs().all(), lists().of(HANDLES).ofSizeBetween(0, 5))
                .checkAssert(
                        (task, checkpointId, handles) -> {
                            Map<String, SubtaskStateHandle> states = new HashMap<>();
                            for (int i = 0; i < handles.size(); i++) {
                                states.put("operator-" + i, handles.get(i));
                            }
                            var m = new AcknowledgeCheckpoint(task, checkpointId, states);
                            assertThat(GatewayMessageCodecTest.roundTrip(m)).isEqualTo(m);
                        });
    }

    @Test
    void artifactChunksSurviveARoundTrip() {
        qt().forAll(longs().all(), integers().all(), booleans().all(), BYTES)
                .checkAssert(
                        (requestId, index, last, bytes) -> {
                            var m = new ArtifactChunk(requestId, index, last, bytes, null);
                            assertThat(GatewayMessageCodecTest.roundTrip(m)).isEqualTo(m);
                        });
    }

    /**
     * A corrupted body decodes to something or fails with a ControlPlaneException, nothing else.
     */
    @Test
    void aCorruptedBodyFailsOnlyWithAControlPlaneException() {
        List<ControlMessage> encoded =
                GatewayMessageCodecTest.EVERY_GATEWAY_CALL.stream()
                        .map(ControlPlaneCodec::encode)
                        .toList();
        qt().withExamples(5_000)
                .forAll(
                        Generate.range(0, encoded.size() - 1),
                        integers().between(1, Integer.MAX_VALUE),
                        integers().between(-128, 127))
                .checkAssert(
                        (which, where, value) -> {
                            ControlMessage m = encoded.get(which);
                            byte[] body = m.body().clone();
                            if (body.length < 2) {
                                return;
                            }
                            body[1 + where % (body.length - 1)] = (byte) (int) value;
                            Throwable thrown =
                                    catchThrowable(
                                            () ->
                                                    ControlPlaneCodec.decode(
                                                            new ControlMessage(m.type(), body),
                                                            "p"));
                            if (thrown != null) {
                                assertThat(thrown).isInstanceOf(ControlPlaneException.class);
                            }
                        });
    }
}
