package io.spate.benchmarks;

import io.spate.annotations.SuppressForbidden;
import io.spate.api.execution.JobExecutionResult;
import io.spate.common.config.Hardware;
import io.spate.common.time.Clock;
import java.util.Arrays;
import java.util.Locale;

/**
 * Runs one throughput job several times after warm-up runs and reports records per second and
 * records per second per core actually used (process CPU time ÷ wall time), with a final {@code
 * RESULT} line holding the medians. Shared by the throughput benchmarks; parses {@code
 * --parallelism}, {@code --records}, {@code --runs} and {@code --warmups}, and lets a benchmark
 * read options of its own.
 */
final class ThroughputRuns {
    /** One run of the measured job. */
    @FunctionalInterface
    interface Job {
        JobExecutionResult run(int parallelism, long records) throws Exception;
    }

    final int parallelism;
    final long records;
    final int runs;
    final int warmups;

    private final java.util.Map<String, String> options = new java.util.HashMap<>();

    /**
     * Parses {@code --name value} pairs; the benchmark reads its own options with {@link
     * #longOption} before {@link #measure}, which refuses any option nobody read.
     */
    ThroughputRuns(long defaultRecords, String[] args) {
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "arguments come in pairs (--name value), got " + Arrays.toString(args));
        }
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected an option --name, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        parallelism = (int) longOption("parallelism", 1);
        records = longOption("records", defaultRecords);
        runs = (int) longOption("runs", 5);
        warmups = (int) longOption("warmups", 2);
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1, got " + runs);
        }
    }

    /** The value of {@code --name}, or {@code defaultValue} when it is not given. */
    long longOption(String name, long defaultValue) {
        String value = options.remove(name);
        try {
            return value == null ? defaultValue : Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "--" + name + " takes a whole number, got '" + value + "'", e);
        }
    }

    /**
     * Runs the job, printing one line per run ({@code check} names a counter of the result to print
     * beside it, as a sanity check that the job did its work) and the {@code RESULT} line.
     */
    @SuppressForbidden(reason = "a benchmark reports on the console")
    void measure(String name, String check, Job job) throws Exception {
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + options.keySet());
        }
        double[] perSecond = new double[runs];
        double[] perCore = new double[runs];
        for (int r = -warmups; r < runs; r++) {
            Clock clock = Clock.system();
            long cpu0 = processCpuNanos();
            long t0 = clock.nanoTime();
            JobExecutionResult result = job.run(parallelism, records);
            long wall = clock.nanoTime() - t0;
            long cpu = processCpuNanos() - cpu0;
            double rps = records / (wall / 1e9);
            double cores = (double) cpu / wall;
            System.out.printf(
                    Locale.ROOT,
                    "%s run %d: %,d records in %.2f s = %,.0f records/s using %.2f cores"
                            + " = %,.0f records/s per core (%s: %,d)%n",
                    r < 0 ? "warm-up" : "measured",
                    r < 0 ? r + warmups + 1 : r + 1,
                    records,
                    wall / 1e9,
                    rps,
                    cores,
                    rps / cores,
                    check,
                    result.getCounter(check));
            if (r >= 0) {
                perSecond[r] = rps;
                perCore[r] = rps / cores;
            }
        }
        Arrays.sort(perSecond);
        Arrays.sort(perCore);
        System.out.printf(
                Locale.ROOT,
                "RESULT benchmark=%s parallelism=%d cores=%d records=%d"
                        + " median_records_per_s=%.0f median_records_per_s_per_core=%.0f%n",
                name,
                parallelism,
                Hardware.availableProcessors(),
                records,
                perSecond[runs / 2],
                perCore[runs / 2]);
    }

    private static long processCpuNanos() {
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("this OS does not report CPU time"))
                .toNanos();
    }
}
