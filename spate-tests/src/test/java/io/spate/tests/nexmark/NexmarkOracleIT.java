package io.spate.tests.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.nexmark.checksum.RowHash;
import io.spate.nexmark.generator.GeneratorConfig;
import io.spate.nexmark.runner.NexmarkRunner;
import io.spate.nexmark.runner.NexmarkRunner.Options;
import io.spate.nexmark.runner.NexmarkRunner.SinkKind;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every query on the oracle profile (seed 42, 1,000,000 events, 10,000 events per second of event
 * time) gives SPEC §9.2's rows and checksum — at parallelism 1, 2 and 4, and again with checkpoints
 * every 500 ms and a task failure injected in the middle of the run.
 */
class NexmarkOracleIT {
    private static final GeneratorConfig ORACLE = GeneratorConfig.oracleProfile();

    /**
     * Events per second of wall-clock time in the failure runs: slow enough that checkpoints every
     * 500 ms complete before the failure (about 1.5 s into the run), so that the restart resumes
     * from one rather than from the first event.
     */
    private static final double THROTTLE = 400_000;

    /** SPEC §9.2, R = 10,000: query, rows, checksum. */
    static Stream<Arguments> oracle() {
        return Stream.of(
                Arguments.of("q0", 920_000L, "7832491804382f46"),
                Arguments.of("q1", 920_000L, "0cae8f540f900ad0"),
                Arguments.of("q2", 6_828L, "4b8b1fb028eb6e04"),
                Arguments.of("q3", 5_669L, "dec4396b5dbbcb47"),
                Arguments.of("q4", 5L, "d3cf1091261353c4"),
                Arguments.of("q5", 59L, "99f9acdf737c1205"),
                Arguments.of("q7", 10L, "7a80c6cefcdcf8eb"),
                Arguments.of("q8", 8_526L, "6f74b2ec5593a232"),
                Arguments.of("q11", 19_925L, "7c385db56f14f7ea"));
    }

    static Stream<Arguments> oracleAtEachParallelism() {
        return oracle().flatMap(
                        a ->
                                Stream.of(1, 2, 4)
                                        .map(
                                                p ->
                                                        Arguments.of(
                                                                a.get()[0],
                                                                a.get()[1],
                                                                a.get()[2],
                                                                p)));
    }

    @ParameterizedTest(name = "{0} at parallelism {3}")
    @MethodSource("oracleAtEachParallelism")
    void givesTheOracleChecksum(String query, long rows, String checksum, int parallelism)
            throws Exception {
        NexmarkRunner.Result result =
                NexmarkRunner.run(
                        Options.of(query, ORACLE)
                                .withParallelism(parallelism)
                                .withSink(SinkKind.CHECKSUM));
        assertThat(result.rows()).as("rows").isEqualTo(rows);
        assertThat(RowHash.hex(result.checksum())).as("checksum").isEqualTo(checksum);
    }

    @ParameterizedTest(name = "{0} at parallelism 2 with a failure")
    @MethodSource("oracle")
    void givesTheOracleChecksumAcrossAFailure(String query, long rows, String checksum)
            throws Exception {
        NexmarkRunner.Result result =
                NexmarkRunner.run(
                        Options.of(query, ORACLE)
                                .withParallelism(2)
                                .withSink(SinkKind.CHECKSUM)
                                .withCheckpoints(Duration.ofMillis(500))
                                .withFailureAfter(300_000L)
                                .withThrottle(THROTTLE));
        assertThat(result.restarts()).as("restarts").isEqualTo(1);
        assertThat(result.restoredFromCheckpoint()).as("restored from a checkpoint").isTrue();
        assertThat(result.rows()).as("rows").isEqualTo(rows);
        assertThat(RowHash.hex(result.checksum())).as("checksum").isEqualTo(checksum);
    }
}
