package io.spate.tests.nexmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spate.client.rest.JobDetails;
import io.spate.client.rest.JobSummary;
import io.spate.client.rest.RestClient;
import io.spate.common.JobId;
import io.spate.common.config.Configuration;
import io.spate.common.time.Clock;
import io.spate.nexmark.checksum.RowHash;
import io.spate.nexmark.generator.GeneratorConfig;
import io.spate.nexmark.runner.NexmarkRunner;
import io.spate.nexmark.runner.NexmarkRunner.Options;
import io.spate.nexmark.runner.NexmarkRunner.SinkKind;
import io.spate.tests.cli.SpateProcess;
import io.spate.tests.cli.StandaloneClusterFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nexmark q5 with the checksum sink and checkpoints every 500 ms on a standalone cluster of
 * separate JVMs, while TaskManagers are killed with {@code kill -9} one after the other (a fresh
 * TaskManager started each time, so the job has slots to go to): the job restores from its latest
 * checkpoint after every kill, and its checksum is still SPEC §9.2's.
 *
 * <p>Prints the time from each kill to every subtask of the job running again (redeployed, state
 * restored), and to its first checkpoint after the restart.
 */
class NexmarkClusterFaultIT {
    private static final GeneratorConfig ORACLE = GeneratorConfig.oracleProfile();
    private static final int KILLS = 3;

    @TempDir Path dir;

    @Test
    void q5KeepsItsChecksumThroughThreeTaskManagerKills() throws Exception {
        try (StandaloneClusterFixture cluster =
                new StandaloneClusterFixture(
                        dir, "heartbeat.interval=500ms", "heartbeat.timeout=5s")) {
            // Oldest first: the oldest always holds slots of the job, so killing it fails the job.
            Deque<SpateProcess> taskManagers = new ArrayDeque<>();
            taskManagers.add(cluster.startTaskManager(2));
            taskManagers.add(cluster.startTaskManager(2));

            Configuration conf = ClusterRuns.failingOver(cluster, 50);
            Options options =
                    Options.of("q5", ORACLE)
                            .withParallelism(2)
                            .withSink(SinkKind.CHECKSUM)
                            .withCheckpoints(Duration.ofMillis(500))
                            .withThrottle(30_000)
                            .withConfig(conf);
            CompletableFuture<NexmarkRunner.Result> run = ClusterRuns.runAsync(options);

            RestClient rest = new RestClient(RestClient.parseAddress(cluster.restAddress()), null);
            JobId jobId = awaitJob(rest);
            Clock clock = Clock.system();
            List<String> recoveries = new ArrayList<>();
            for (int kill = 0; kill < KILLS; kill++) {
                // Let it make progress: a checkpoint of the current run completes first.
                int attempt = rest.job(jobId).attempt();
                awaitCheckpointAfter(rest, jobId, attempt, latestCheckpoint(rest, jobId));
                if (kill > 0) {
                    taskManagers.add(cluster.startTaskManager(2));
                }
                long checkpointBefore = latestCheckpoint(rest, jobId);
                SpateProcess victim = taskManagers.poll();
                long killedAt = clock.nanoTime();
                victim.close(); // kill -9
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> allRunning(rest.job(jobId), attempt + 1));
                long redeployedMs = (clock.nanoTime() - killedAt) / 1_000_000;
                awaitCheckpointAfter(rest, jobId, attempt + 1, checkpointBefore);
                long checkpointedMs = (clock.nanoTime() - killedAt) / 1_000_000;
                recoveries.add(
                        "kill "
                                + (kill + 1)
                                + ": every subtask running again after "
                                + redeployedMs
                                + " ms, first checkpoint after "
                                + checkpointedMs
                                + " ms");
                if (kill == 0) {
                    taskManagers.add(cluster.startTaskManager(2));
                }
            }
            recoveries.forEach(r -> System.out.println("RECOVERY " + r));

            NexmarkRunner.Result result = run.get(5, TimeUnit.MINUTES);
            assertThat(result.restarts()).as("restarts").isGreaterThanOrEqualTo(KILLS);
            assertThat(result.restoredFromCheckpoint()).as("restored from a checkpoint").isTrue();
            assertThat(result.rows()).as("rows").isEqualTo(59L);
            assertThat(RowHash.hex(result.checksum())).as("checksum").isEqualTo("99f9acdf737c1205");
        }
    }

    private static JobId awaitJob(RestClient rest) {
        JobSummary[] found = new JobSummary[1];
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> {
                            List<JobSummary> jobs = rest.listJobs();
                            if (jobs.isEmpty()) {
                                return false;
                            }
                            found[0] = jobs.get(0);
                            return true;
                        });
        return JobId.parse(found[0].id());
    }

    /** Whether run {@code attempt} (or a later one) has every subtask started. */
    private static boolean allRunning(JobDetails d, int attempt) {
        return d.attempt() >= attempt
                && d.status().equals("RUNNING")
                && d.vertices().stream().allMatch(v -> v.running() == v.parallelism());
    }

    private static long latestCheckpoint(RestClient rest, JobId jobId) throws Exception {
        JobDetails.Checkpoint c = rest.job(jobId).latestCheckpoint();
        return c == null ? -1 : c.id();
    }

    /**
     * Waits until run {@code attempt} is running and completed a checkpoint after {@code after}.
     */
    private static void awaitCheckpointAfter(
            RestClient rest, JobId jobId, int attempt, long after) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(
                        () -> {
                            JobDetails d = rest.job(jobId);
                            return d.attempt() >= attempt
                                    && d.latestCheckpoint() != null
                                    && d.latestCheckpoint().id() > after;
                        });
    }
}
