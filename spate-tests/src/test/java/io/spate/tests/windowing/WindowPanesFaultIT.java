package io.spate.tests.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.eventtime.WatermarkStrategy;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.connector.sink.FileSink;
import io.spate.api.connector.sink.SimpleStringEncoder;
import io.spate.api.connector.source.lib.DataGeneratorSource;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.execution.CheckpointingOptions;
import io.spate.api.execution.JobClient;
import io.spate.api.execution.JobFailure;
import io.spate.api.execution.JobStatus;
import io.spate.api.execution.RestartStrategyOptions;
import io.spate.api.windowing.assigners.SlidingEventTimeWindows;
import io.spate.runtime.task.FailureInjection;
import io.spate.tests.windowing.EvictorsTest.Count;
import io.spate.tests.windowing.WindowFaultIT.Line;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sliding windows kept as panes (ADR 0007) survive failures: the job fails again and again, during
 * processing and during snapshots, restores its panes and timers from its checkpoints, and commits
 * exactly the window results of a run without failures.
 */
class WindowPanesFaultIT {
    private static final long RECORDS = 60_000;
    private static final int KEYS = 13;
    private static final long SIZE = 1_000;
    private static final long SLIDE = 250;

    @Test
    void slidingWindowResultsAfterFailuresEqualAFailureFreeRun(@TempDir Path dir) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(Duration.ofMillis(40));
        env.getConfiguration()
                .set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.resolve("chk").toString())
                .set(RestartStrategyOptions.TYPE, RestartStrategyOptions.Type.FIXED_DELAY)
                .set(RestartStrategyOptions.DELAY, Duration.ofMillis(5))
                .set(FailureInjection.OPERATOR, "Sliding")
                .set(FailureInjection.AFTER_RECORDS, 3_000L)
                .set(FailureInjection.SEED, 11L)
                .set(FailureInjection.ON_SNAPSHOT, 3)
                .set(FailureInjection.ATTEMPTS, 10);
        env.fromSource(
                        new DataGeneratorSource<>(i -> i, RECORDS, 30_000, Types.LONG),
                        WatermarkStrategy.<Long>forMonotonousTimestamps()
                                .withTimestampAssigner((i, ts) -> WindowFaultIT.timeOf(i)),
                        "Events")
                .keyBy(i -> i % KEYS)
                .window(
                        SlidingEventTimeWindows.of(
                                Duration.ofMillis(SIZE), Duration.ofMillis(SLIDE)))
                .aggregate(new Count(), new Line())
                .name("Sliding")
                .uid("sliding")
                .sinkTo(
                        FileSink.forRowFormat(
                                dir.resolve("out").toString(), new SimpleStringEncoder<String>()));

        JobClient client = env.executeAsync("sliding windows under failures");
        client.getJobExecutionResult().get(5, TimeUnit.MINUTES);
        assertThat(client.getJobStatus().get()).isEqualTo(JobStatus.FINISHED);
        List<JobFailure> failures = client.getFailureHistory().get();
        assertThat(failures).hasSizeGreaterThanOrEqualTo(6).allMatch(JobFailure::restarted);

        Map<String, long[]> perWindow = new HashMap<>();
        for (long i = 0; i < RECORDS; i++) {
            long t = WindowFaultIT.timeOf(i);
            for (long start = Math.floorDiv(t, SLIDE) * SLIDE; start > t - SIZE; start -= SLIDE) {
                perWindow.computeIfAbsent(i % KEYS + "," + start, k -> new long[1])[0]++;
            }
        }
        Map<String, Integer> expected = new HashMap<>();
        perWindow.forEach((k, v) -> expected.merge(k + "," + v[0], 1, Integer::sum));
        assertThat(committedLines(dir.resolve("out"))).isEqualTo(expected);
    }

    private static Map<String, Integer> committedLines(Path dir) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    lines.merge(l, 1, Integer::sum);
                }
            }
        }
        return lines;
    }
}
