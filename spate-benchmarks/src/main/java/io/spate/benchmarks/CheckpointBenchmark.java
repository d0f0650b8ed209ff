package io.spate.benchmarks;

import io.spate.annotations.SuppressForbidden;
import io.spate.api.common.functions.Collector;
import io.spate.api.common.functions.OpenContext;
import io.spate.api.common.state.ValueState;
import io.spate.api.common.state.ValueStateDescriptor;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.connector.sink.DiscardingSink;
import io.spate.api.connector.source.lib.DataGeneratorSource;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.execution.CheckpointingOptions;
import io.spate.api.execution.JobClient;
import io.spate.api.execution.JobFailure;
import io.spate.api.execution.RestartStrategyOptions;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.common.time.Clock;
import io.spate.runtime.task.FailureInjection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The cost of checkpoints for a keyed counting job ({@code generator → keyBy → count in
 * ValueState}): throughput without and with 1 s checkpoints, the duration and size of a checkpoint
 * of 1 million keys, and the time from a failure to the job being deployed again.
 *
 * <pre>
 *   java -cp spate-benchmarks/target/spate-benchmarks.jar io.spate.benchmarks.CheckpointBenchmark \
 *       --parallelism 2 --records 60000000 --keys 1000000 --dir /tmp/spate-bench
 * </pre>
 */
public final class CheckpointBenchmark {
    private CheckpointBenchmark() {}

    /** Counts per key. */
    static final class Count extends KeyedProcessFunction<Long, Long, Long> {
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext ctx) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) throws Exception {
            Long c = count.value();
            count.update(c == null ? 1 : c + 1);
        }
    }

    private static StreamExecutionEnvironment job(
            int parallelism, long records, long keys, Path dir, Duration checkpoints) {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        if (checkpoints != null) {
            env.enableCheckpointing(checkpoints);
            env.getConfiguration()
                    .set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.resolve("chk").toString());
        }
        env.fromSource(new DataGeneratorSource<>(i -> i, records, Types.LONG), "Numbers")
                .keyBy(i -> i % keys)
                .process(new Count())
                .name("Count")
                .sinkTo(new DiscardingSink<>());
        return env;
    }

    @SuppressForbidden(reason = "a benchmark reports on the console")
    public static void main(String[] args) throws Exception {
        int parallelism = 2;
        long records = 60_000_000;
        long keys = 1_000_000;
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "spate-checkpoint-benchmark");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--parallelism":
                    parallelism = Integer.parseInt(args[i + 1]);
                    break;
                case "--records":
                    records = Long.parseLong(args[i + 1]);
                    break;
                case "--keys":
                    keys = Long.parseLong(args[i + 1]);
                    break;
                case "--dir":
                    dir = Path.of(args[i + 1]);
                    break;
                default:
                    throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Clock clock = Clock.system();
        // Warm up the JIT once.
        job(parallelism, records / 4, keys, dir, null).execute("warm-up");

        double[] without = new double[3];
        double[] with = new double[3];
        for (int r = 0; r < 3; r++) {
            long t0 = clock.nanoTime();
            job(parallelism, records, keys, dir, null).execute("no checkpoints");
            without[r] = records / ((clock.nanoTime() - t0) / 1e9);
            t0 = clock.nanoTime();
            job(parallelism, records, keys, dir, Duration.ofSeconds(1)).execute("1 s checkpoints");
            with[r] = records / ((clock.nanoTime() - t0) / 1e9);
            System.out.printf(
                    Locale.ROOT,
                    "run %d: %,.0f records/s without checkpoints, %,.0f with 1 s checkpoints%n",
                    r + 1,
                    without[r],
                    with[r]);
        }
        Arrays.sort(without);
        Arrays.sort(with);
        System.out.printf(
                Locale.ROOT,
                "RESULT throughput parallelism=%d keys=%d no_checkpoints=%.0f checkpoints_1s=%.0f overhead_pct=%.1f%n",
                parallelism,
                keys,
                without[1],
                with[1],
                100 * (1 - with[1] / without[1]));

        // Checkpoint duration and size with every key present.
        StreamExecutionEnvironment env =
                job(parallelism, DataGeneratorSource.UNBOUNDED, keys, dir, Duration.ofHours(1));
        JobClient client = env.executeAsync("state size");
        while (client.getMetrics().get().getRecordsIn() < 3 * keys) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        double[] durations = new double[3];
        long size = 0;
        for (int r = 0; r < 3; r++) {
            long t0 = clock.nanoTime();
            String savepoint = client.triggerSavepoint(dir.resolve("sp").toString()).get();
            durations[r] = (clock.nanoTime() - t0) / 1e6;
            size = sizeOf(Path.of(savepoint));
        }
        client.cancel().get();
        Arrays.sort(durations);
        System.out.printf(
                Locale.ROOT,
                "RESULT checkpoint keys=%d duration_ms=%.0f size_bytes=%d%n",
                keys,
                durations[1],
                size);

        // Time from a failure to the job deployed again (restart delay 0).
        StreamExecutionEnvironment failing =
                job(parallelism, records / 2, keys, dir, Duration.ofSeconds(1));
        failing.getConfiguration()
                .set(RestartStrategyOptions.TYPE, RestartStrategyOptions.Type.FIXED_DELAY)
                .set(RestartStrategyOptions.DELAY, Duration.ZERO)
                .set(FailureInjection.OPERATOR, "Count")
                .set(FailureInjection.AFTER_RECORDS, records / 8)
                .set(FailureInjection.ATTEMPTS, 1);
        JobClient failingClient = failing.executeAsync("recovery");
        failingClient.getJobExecutionResult().get();
        List<JobFailure> failures = failingClient.getFailureHistory().get();
        JobFailure f = failures.get(0);
        System.out.printf(
                Locale.ROOT,
                "RESULT recovery failure_to_redeploy_ms=%d restored_from=%s%n",
                f.redeployedMillis() - f.timestampMillis(),
                f.restoredFrom());
    }

    private static long sizeOf(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            long total = 0;
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                total += Files.size(p);
            }
            return total;
        }
    }
}
