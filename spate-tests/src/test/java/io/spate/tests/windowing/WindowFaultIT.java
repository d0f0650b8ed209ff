package io.spate.tests.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.eventtime.WatermarkStrategy;
import io.spate.api.common.functions.Collector;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.connector.sink.FileSink;
import io.spate.api.connector.sink.SimpleStringEncoder;
import io.spate.api.connector.source.lib.DataGeneratorSource;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.execution.CheckpointingOptions;
import io.spate.api.execution.JobClient;
import io.spate.api.execution.JobFailure;
import io.spate.api.execution.JobStatus;
import io.spate.api.execution.RestartStrategyOptions;
import io.spate.api.windowing.assigners.EventTimeSessionWindows;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import io.spate.api.windowing.functions.ProcessWindowFunction;
import io.spate.api.windowing.windows.TimeWindow;
import io.spate.runtime.task.FailureInjection;
import io.spate.tests.windowing.EvictorsTest.Count;
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
 * Window state survives failures: a job with tumbling-window aggregates and session windows
 * (contents, accumulators, merging sets and timers, all with windows as namespaces) fails again and
 * again, during processing and during snapshots, restarts from its checkpoints, and commits exactly
 * the window results of a run without failures.
 */
class WindowFaultIT {
    private static final long RECORDS = 60_000;
    private static final int KEYS = 13;

    /** Event i: key i mod 13, time i ms plus a 100 ms pause after every 500 events. */
    static long timeOf(long i) {
        return i + (i / 500) * 100;
    }

    @Test
    void windowResultsAfterFailuresEqualAFailureFreeRun(@TempDir Path dir) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(Duration.ofMillis(40));
        env.getConfiguration()
                .set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.resolve("chk").toString())
                .set(RestartStrategyOptions.TYPE, RestartStrategyOptions.Type.FIXED_DELAY)
                .set(RestartStrategyOptions.DELAY, Duration.ofMillis(5))
                .set(FailureInjection.OPERATOR, "Sessions")
                .set(FailureInjection.AFTER_RECORDS, 3_000L)
                .set(FailureInjection.SEED, 7L)
                .set(FailureInjection.ON_SNAPSHOT, 3)
                .set(FailureInjection.ATTEMPTS, 12);
        DataStream<Long> events =
                env.fromSource(
                        new DataGeneratorSource<>(i -> i, RECORDS, 30_000, Types.LONG),
                        WatermarkStrategy.<Long>forMonotonousTimestamps()
                                .withTimestampAssigner((i, ts) -> timeOf(i)),
                        "Events");
        events.keyBy(i -> i % KEYS)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                .aggregate(new Count(), new Line())
                .name("Tumbling")
                .uid("tumbling")
                .sinkTo(sink(dir.resolve("tumbling")));
        events.keyBy(i -> i % KEYS)
                .window(EventTimeSessionWindows.withGap(Duration.ofMillis(50)))
                .process(new SessionLine())
                .name("Sessions")
                .uid("sessions")
                .sinkTo(sink(dir.resolve("sessions")));

        JobClient client = env.executeAsync("windows under failures");
        client.getJobExecutionResult().get(5, TimeUnit.MINUTES);
        assertThat(client.getJobStatus().get()).isEqualTo(JobStatus.FINISHED);
        List<JobFailure> failures = client.getFailureHistory().get();
        assertThat(failures).hasSizeGreaterThanOrEqualTo(8).allMatch(JobFailure::restarted);
        // Whether a run fails after records or during a snapshot depends on timing; either way
        // the job restarts from the last completed checkpoint and restores the window state.

        Map<String, Integer> tumbling = new HashMap<>();
        Map<String, Integer> sessions = new HashMap<>();
        Map<String, long[]> perWindow = new HashMap<>();
        Map<String, long[]> perSession = new HashMap<>();
        for (long i = 0; i < RECORDS; i++) {
            long key = i % KEYS;
            long t = timeOf(i);
            perWindow
                    .computeIfAbsent(key + "," + Math.floorDiv(t, 1000) * 1000, k -> new long[1])[
                    0]++;
            // Sessions break at the pauses: one per key and block of 500 events.
            long[] s =
                    perSession.computeIfAbsent(
                            key + "," + (i / 500), k -> new long[] {Long.MAX_VALUE, 0, 0});
            s[0] = Math.min(s[0], t);
            s[1] = Math.max(s[1], t);
            s[2]++;
        }
        perWindow.forEach((k, v) -> tumbling.merge(k + "," + v[0], 1, Integer::sum));
        perSession.forEach(
                (k, v) ->
                        sessions.merge(
                                k.substring(0, k.indexOf(','))
                                        + ","
                                        + v[0]
                                        + ","
                                        + (v[1] + 50)
                                        + ","
                                        + v[2],
                                1,
                                Integer::sum));
        assertThat(committedLines(dir.resolve("tumbling"))).isEqualTo(tumbling);
        assertThat(committedLines(dir.resolve("sessions"))).isEqualTo(sessions);
    }

    /** Every committed (visible) line with how often it occurs. */
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

    private static FileSink<String> sink(Path path) {
        return FileSink.forRowFormat(path.toString(), new SimpleStringEncoder<String>());
    }

    /** {@code key,windowStart,count}. */
    static final class Line extends ProcessWindowFunction<Long, String, Long, TimeWindow> {
        @Override
        public void process(Long key, Context ctx, Iterable<Long> counts, Collector<String> out) {
            out.collect(key + "," + ctx.window().getStart() + "," + counts.iterator().next());
        }
    }

    /** {@code key,sessionStart,sessionEnd,elements}. */
    static final class SessionLine extends ProcessWindowFunction<Long, String, Long, TimeWindow> {
        @Override
        public void process(Long key, Context ctx, Iterable<Long> elements, Collector<String> out) {
            long n = 0;
            for (Long ignored : elements) {
                n++;
            }
            out.collect(
                    key + "," + ctx.window().getStart() + "," + ctx.window().getEnd() + "," + n);
        }
    }
}
