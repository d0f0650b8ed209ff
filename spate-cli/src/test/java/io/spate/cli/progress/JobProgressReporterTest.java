package io.spate.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spate.api.execution.JobMetricsSnapshot;
import io.spate.api.execution.JobStatus;
import io.spate.common.JobId;
import io.spate.common.time.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobProgressReporterTest {
    private static final JobId ID = new JobId(0x3f2a9c1d00000000L, 1);

    private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    private final StatusLine line =
            new StatusLine(new PrintStream(terminal, true, StandardCharsets.UTF_8));
    private final ManualClock clock = new ManualClock();

    @Test
    void formatsStatusRatesTotalsAndElapsedTime() {
        JobMetricsSnapshot m =
                new JobMetricsSnapshot(JobStatus.RUNNING, 12_345, 12_000, Duration.ofSeconds(75));

        assertThat(JobProgressReporter.format("job 3f2a9c1d", m, 1234.4, 49.6))
                .isEqualTo(
                        "job 3f2a9c1d RUNNING | 1,234 in/s, 50 out/s | 12,345 in, 12,000 out | 1:15");
        assertThat(
                        JobProgressReporter.format(
                                "j",
                                new JobMetricsSnapshot(
                                        JobStatus.RESTARTING, 0, 0, Duration.ofSeconds(3723)),
                                0,
                                0))
                .isEqualTo("j RESTARTING | 0 in/s, 0 out/s | 0 in, 0 out | 1:02:03");
    }

    @Test
    void showsARunningJobAndClearsTheLineWhenItEnds() {
        TestingJobClient job = new TestingJobClient(ID);
        job.setMetrics(new JobMetricsSnapshot(JobStatus.RUNNING, 100, 90, Duration.ofSeconds(2)));

        try (JobProgressReporter reporter = new JobProgressReporter(line, clock)) {
            reporter.onJobSubmitted(job);

            await().atMost(Duration.ofSeconds(10))
                    .until(
                            () ->
                                    written()
                                            .endsWith(
                                                    "\rjob 'test' RUNNING | 50 in/s, 45 out/s"
                                                            + " | 100 in, 90 out | 0:02"));

            job.finish();
            await().atMost(Duration.ofSeconds(10)).until(() -> written().endsWith(" \r"));
        }
    }

    @Test
    void ratesAreOverTheTimeBetweenTwoSamples() {
        TestingJobClient job = new TestingJobClient(ID);
        job.setMetrics(new JobMetricsSnapshot(JobStatus.RUNNING, 100, 90, Duration.ofSeconds(2)));

        try (JobProgressReporter reporter = new JobProgressReporter(line, clock)) {
            reporter.onJobSubmitted(job);
            await().atMost(Duration.ofSeconds(10)).until(() -> written().contains("50 in/s"));

            job.setMetrics(
                    new JobMetricsSnapshot(JobStatus.RUNNING, 400, 290, Duration.ofSeconds(3)));
            clock.advance(Duration.ofSeconds(1));

            await().atMost(Duration.ofSeconds(10))
                    .until(
                            () ->
                                    written()
                                            .endsWith(
                                                    "\rjob 'test' RUNNING | 300 in/s, 200 out/s"
                                                            + " | 400 in, 290 out | 0:03"));
        }
    }

    @Test
    void closeClearsTheLineOfAJobStillRunning() {
        TestingJobClient job = new TestingJobClient(ID);
        JobProgressReporter reporter = new JobProgressReporter(line, clock);
        reporter.onJobSubmitted(job);
        await().atMost(Duration.ofSeconds(10)).until(() -> written().contains("RUNNING"));

        reporter.close();

        assertThat(written()).endsWith(" \r");
        String afterClose = written();
        reporter.onJobSubmitted(new TestingJobClient(ID));
        assertThat(written()).isEqualTo(afterClose);
    }

    private String written() {
        return terminal.toString(StandardCharsets.UTF_8);
    }
}
