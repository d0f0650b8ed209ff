package io.spate.cli.progress;

import io.spate.api.execution.JobClient;
import io.spate.api.execution.JobListener;
import io.spate.api.execution.JobMetricsSnapshot;
import io.spate.common.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Shows the progress of the jobs a program submits on a {@link StatusLine}: job, status, records in
 * and out per second, totals and elapsed time, refreshed every {@link #REFRESH} from {@link
 * JobClient#getMetrics()}. When several jobs run at once, the line follows the latest one. The line
 * is cleared when the last running job ends.
 *
 * <p>Threads: {@link #onJobSubmitted} is called on the thread that submits a job; refreshes run on
 * one scheduler thread of the reporter's own, and metrics answers are handed back to it; {@link
 * #close()} (from the launcher, after the program) stops refreshing and clears the line.
 */
public final class JobProgressReporter implements JobListener, AutoCloseable {
    public static final Duration REFRESH = Duration.ofMillis(500);

    private final StatusLine line;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Executor onScheduler;
    private final Object lock = new Object();

    // Guarded by lock.
    private final Deque<Tracked> running = new ArrayDeque<>();
    private ScheduledFuture<?> refreshing;
    private boolean closed;

    public JobProgressReporter(StatusLine line, Clock clock) {
        this.line = Objects.requireNonNull(line, "line");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "spate-cli-progress");
                            t.setDaemon(true);
                            return t;
                        });
        this.onScheduler =
                task -> {
                    try {
                        scheduler.execute(task);
                    } catch (RejectedExecutionException e) {
                        // Closed: the answer is no longer wanted.
                    }
                };
    }

    @Override
    public void onJobSubmitted(JobClient client) {
        Tracked job = new Tracked(client);
        synchronized (lock) {
            if (closed) {
                return;
            }
            running.addLast(job);
            if (refreshing == null) {
                refreshing =
                        scheduler.scheduleAtFixedRate(
                                this::refresh, 0, REFRESH.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        client.getJobExecutionResult().whenCompleteAsync((r, e) -> ended(job), onScheduler);
    }

    /** Asks the latest running job for its metrics; the answer is drawn on the scheduler thread. */
    private void refresh() {
        Tracked job;
        synchronized (lock) {
            job = running.peekLast();
        }
        if (job != null) {
            job.client
                    .getMetrics()
                    .whenCompleteAsync(
                            (metrics, failure) -> {
                                if (metrics != null) {
                                    draw(job, metrics);
                                }
                            },
                            onScheduler);
        }
    }

    private void draw(Tracked job, JobMetricsSnapshot metrics) {
        long now = clock.nanoTime();
        synchronized (lock) {
            if (closed || running.peekLast() != job) {
                return;
            }
            line.show(job.update(metrics, now));
        }
    }

    private void ended(Tracked job) {
        synchronized (lock) {
            running.remove(job);
            if (running.isEmpty()) {
                stopRefreshing();
            }
        }
    }

    private void stopRefreshing() {
        if (refreshing != null) {
            refreshing.cancel(false);
            refreshing = null;
        }
        line.clear();
    }

    /** Stops refreshing, clears the line and stops the scheduler thread. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            running.clear();
            stopRefreshing();
        }
        scheduler.shutdownNow();
    }

    /** A running job and its previous metrics, from which the rates are computed. */
    private static final class Tracked {
        final JobClient client;
        final String label;
        private boolean sampled;
        private long sampleNanos;
        private long recordsIn;
        private long recordsOut;
        private double inRate;
        private double outRate;

        Tracked(JobClient client) {
            this.client = client;
            // The JobClient does not know the job's name; the id's first digits tell jobs apart.
            this.label = "job '" + client.getJobName() + "'";
        }

        /**
         * The status line for these metrics. Rates are over the time since the previous metrics;
         * the first ones are averages since the job started.
         */
        String update(JobMetricsSnapshot m, long nowNanos) {
            double seconds =
                    sampled ? (nowNanos - sampleNanos) / 1e9 : m.getElapsed().toNanos() / 1e9;
            if (seconds > 0) {
                inRate = (m.getRecordsIn() - recordsIn) / seconds;
                outRate = (m.getRecordsOut() - recordsOut) / seconds;
                sampled = true;
                sampleNanos = nowNanos;
                recordsIn = m.getRecordsIn();
                recordsOut = m.getRecordsOut();
            }
            return format(label, m, inRate, outRate);
        }
    }

    /**
     * One status line, for example {@code job 3f2a9c1d RUNNING | 50 in/s, 50 out/s | 1,250 in,
     * 1,250 out | 0:25}.
     */
    static String format(String label, JobMetricsSnapshot m, double inRate, double outRate) {
        return String.format(
                Locale.ROOT,
                "%s %s | %,.0f in/s, %,.0f out/s | %,d in, %,d out | %s",
                label,
                m.getStatus(),
                Math.max(0, inRate),
                Math.max(0, outRate),
                m.getRecordsIn(),
                m.getRecordsOut(),
                elapsed(m.getElapsed()));
    }

    private static String elapsed(Duration d) {
        long s = Math.max(0, d.getSeconds());
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
