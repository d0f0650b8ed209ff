package io.spate.nexmark.runner;

import io.spate.annotations.Public;
import io.spate.api.connector.sink.DiscardingSink;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.execution.CheckpointingOptions;
import io.spate.api.execution.ExecutionOptions;
import io.spate.api.execution.JobExecutionResult;
import io.spate.api.execution.JobFailure;
import io.spate.common.config.Configuration;
import io.spate.common.time.Clock;
import io.spate.nexmark.NexmarkSource;
import io.spate.nexmark.checksum.ChecksumFunction;
import io.spate.nexmark.checksum.RowHash;
import io.spate.nexmark.generator.GeneratorConfig;
import io.spate.nexmark.model.Event;
import io.spate.nexmark.queries.NexmarkQuery;
import io.spate.nexmark.queries.ResultRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Runs one Nexmark query on the embedded engine and measures it as SPEC §8 says: the timer starts
 * when the first event leaves a source and stops when the job has finished; events per second, the
 * CPU cores the process used meanwhile, and events per second per core.
 *
 * <p>With {@code execution.target} {@code remote} the job runs on another process, where the first
 * event cannot be timed from here: the wall time is then the job's net run time as the JobManager
 * reports it (from its start, so deployment is included), and the CPU cores are unknown.
 */
@Public
public final class NexmarkRunner {
    private NexmarkRunner() {}

    /** Where the query's rows go. */
    public enum SinkKind {
        /** Discarded, as in timed runs. */
        BLACKHOLE,
        /** Into the checksum of SPEC §7, kept as checkpointed state. */
        CHECKSUM
    }

    /**
     * What to run.
     *
     * @param query the query's name, {@code q0} … {@code q11}
     * @param generator the events
     * @param parallelism the job's parallelism
     * @param sink where the rows go
     * @param checkpointInterval the checkpoint interval, or null for no checkpoints
     * @param stateBackend the state backend's name
     * @param failAfter with checkpoints on, fail one task once this many events reached its first
     *     subtask (once); null for no failure
     * @param throttle events per second of wall-clock time over all sources, or 0 for as fast as
     *     possible (for failure tests, so that checkpoints complete while the data flows)
     * @param config further engine options
     */
    public record Options(
            String query,
            GeneratorConfig generator,
            int parallelism,
            SinkKind sink,
            Duration checkpointInterval,
            String stateBackend,
            Long failAfter,
            double throttle,
            Configuration config) {
        public Options {
            if (throttle < 0) {
                throw new IllegalArgumentException(
                        "The throttle must not be negative, was " + throttle);
            }
            NexmarkQuery.named(query);
            if (parallelism < 1) {
                throw new IllegalArgumentException(
                        "The parallelism must be at least 1, was " + parallelism);
            }
            if (!STATE_BACKENDS.contains(stateBackend)) {
                throw new IllegalArgumentException(
                        "There is no state backend '"
                                + stateBackend
                                + "'; the state backends are "
                                + STATE_BACKENDS);
            }
            if (failAfter != null && checkpointInterval == null) {
                throw new IllegalArgumentException(
                        "Injecting a failure needs checkpoints: give a checkpoint interval too");
            }
            if (failAfter != null && failAfter < 1) {
                throw new IllegalArgumentException(
                        "The failure must come after at least 1 event, was " + failAfter);
            }
        }

        /** The options for {@code query} over {@code generator}'s events, otherwise defaults. */
        public static Options of(String query, GeneratorConfig generator) {
            return new Options(
                    query,
                    generator,
                    1,
                    SinkKind.BLACKHOLE,
                    null,
                    "heap",
                    null,
                    0,
                    new Configuration());
        }

        /** These engine options on top of the runner's own, e.g. a remote execution target. */
        public Options withConfig(Configuration c) {
            return new Options(
                    query,
                    generator,
                    parallelism,
                    sink,
                    checkpointInterval,
                    stateBackend,
                    failAfter,
                    throttle,
                    new Configuration(c));
        }

        public Options withParallelism(int p) {
            return new Options(
                    query,
                    generator,
                    p,
                    sink,
                    checkpointInterval,
                    stateBackend,
                    failAfter,
                    throttle,
                    config);
        }

        public Options withSink(SinkKind s) {
            return new Options(
                    query,
                    generator,
                    parallelism,
                    s,
                    checkpointInterval,
                    stateBackend,
                    failAfter,
                    throttle,
                    config);
        }

        public Options withCheckpoints(Duration interval) {
            return new Options(
                    query,
                    generator,
                    parallelism,
                    sink,
                    interval,
                    stateBackend,
                    failAfter,
                    throttle,
                    config);
        }

        public Options withThrottle(double eventsPerSecond) {
            return new Options(
                    query,
                    generator,
                    parallelism,
                    sink,
                    checkpointInterval,
                    stateBackend,
                    failAfter,
                    eventsPerSecond,
                    config);
        }

        public Options withFailureAfter(Long events) {
            return new Options(
                    query,
                    generator,
                    parallelism,
                    sink,
                    checkpointInterval,
                    stateBackend,
                    events,
                    throttle,
                    config);
        }
    }

    /** The state backends the runner can use. */
    static final List<String> STATE_BACKENDS = List.of("heap");

    /** The operator a {@code failAfter} failure is injected into. */
    static final String FAILURE_POINT = "Failure point";

    /**
     * What a run measured.
     *
     * @param query the query
     * @param events the events generated
     * @param parallelism the parallelism
     * @param wallSeconds the time from the first event to the end of the job; for a job on a remote
     *     JobManager, the job's run time there
     * @param cpuCores the process CPU time in that interval divided by it; NaN when the job ran on
     *     another process (a remote JobManager), printed as {@code -}
     * @param rows the rows the query output (with the checksum sink: inserted minus retracted)
     * @param checksum the checksum, with the checksum sink; otherwise null
     * @param restarts how often the job restarted
     * @param restoredFromCheckpoint whether a restart resumed from a completed checkpoint
     */
    public record Result(
            String query,
            long events,
            int parallelism,
            double wallSeconds,
            double cpuCores,
            long rows,
            Long checksum,
            int restarts,
            boolean restoredFromCheckpoint) {
        public double eventsPerSecond() {
            return events / wallSeconds;
        }

        public double eventsPerSecondPerCore() {
            return eventsPerSecond() / cpuCores;
        }

        /** The line the runner prints (issue 5's format). */
        public String line() {
            return String.format(
                    Locale.ROOT,
                    "RESULT query=%s events=%d parallelism=%d wall_s=%.3f events_per_s=%.0f"
                            + " cpu_cores=%s events_per_s_per_core=%s rows=%d checksum=%s",
                    query,
                    events,
                    parallelism,
                    wallSeconds,
                    eventsPerSecond(),
                    Double.isNaN(cpuCores) ? "-" : String.format(Locale.ROOT, "%.2f", cpuCores),
                    Double.isNaN(cpuCores)
                            ? "-"
                            : String.format(Locale.ROOT, "%.0f", eventsPerSecondPerCore()),
                    rows,
                    checksum == null ? "-" : RowHash.hex(checksum));
        }
    }

    /** Runs the query once. */
    public static Result run(Options options) throws Exception {
        Path checkpoints = null;
        try {
            StreamExecutionEnvironment env =
                    StreamExecutionEnvironment.createLocalEnvironment(options.parallelism());
            env.getConfiguration().addAll(options.config());
            if (options.checkpointInterval() != null) {
                checkpoints = Files.createTempDirectory("spate-nexmark-checkpoints");
                env.enableCheckpointing(options.checkpointInterval());
                if (!options.config().contains(CheckpointingOptions.CHECKPOINTS_DIRECTORY)) {
                    env.getConfiguration()
                            .set(
                                    CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                                    checkpoints.toString());
                }
            }
            if (options.failAfter() != null) {
                env.getConfiguration()
                        .setRaw("testing.inject.operator", FAILURE_POINT)
                        .setRaw("testing.inject.after-records", options.failAfter().toString())
                        .setRaw("testing.inject.attempts", "1");
            }
            // The first event is seen in this JVM only when the job runs embedded here.
            boolean inThisJvm =
                    "embedded".equals(env.getConfiguration().get(ExecutionOptions.TARGET));
            String token = inThisJvm ? UUID.randomUUID().toString() : null;
            DataStream<Event> events =
                    env.fromSource(
                                    options.throttle() > 0
                                            ? new NexmarkSource(options.generator())
                                                    .withWallClockRate(options.throttle())
                                            : new NexmarkSource(options.generator()),
                                    NexmarkSource.watermarks(),
                                    "Nexmark")
                            .map(new FirstEventClock(token))
                            .returns(Event.class)
                            .name(options.failAfter() == null ? "First event" : FAILURE_POINT);
            @SuppressWarnings("unchecked")
            DataStream<ResultRow> rows =
                    (DataStream<ResultRow>)
                            (DataStream<?>) NexmarkQuery.named(options.query()).apply(events);
            if (options.sink() == SinkKind.CHECKSUM) {
                rows.process(new ChecksumFunction())
                        .name("Checksum")
                        .sinkTo(new DiscardingSink<>())
                        .name("Blackhole");
            } else {
                rows.sinkTo(new DiscardingSink<>()).name("Blackhole");
            }
            var client = env.executeAsync("nexmark " + options.query());
            JobExecutionResult result = client.getJobExecutionResult().get();
            long endNanos = Clock.system().nanoTime();
            long endCpu = processCpuNanos();
            double wall;
            double cores;
            if (inThisJvm) {
                long[] first = FirstEventClock.take(token);
                if (first == null) {
                    throw new IllegalStateException("The job finished without emitting an event");
                }
                wall = (endNanos - first[0]) / 1e9;
                cores = (endCpu - first[1]) / 1e9 / wall;
            } else {
                // On another process: its run time there; its CPU time is not this process's.
                wall = result.getNetRuntime().toNanos() / 1e9;
                cores = Double.NaN;
            }
            boolean checksum = options.sink() == SinkKind.CHECKSUM;
            List<JobFailure> failures = client.getFailureHistory().get();
            long rowCount =
                    checksum
                            ? result.getCounter(ChecksumFunction.ROWS)
                            : result.getCounter("Blackhole.numRecordsIn");
            return new Result(
                    options.query(),
                    options.generator().numEvents(),
                    options.parallelism(),
                    wall,
                    cores,
                    rowCount,
                    checksum ? result.getCounter(ChecksumFunction.CHECKSUM) : null,
                    failures.size(),
                    failures.stream().anyMatch(f -> f.restoredFrom() != null));
        } finally {
            if (checkpoints != null) {
                deleteRecursively(checkpoints);
            }
        }
    }

    static long processCpuNanos() {
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("This OS does not report CPU time"))
                .toNanos();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
