package io.spate.tests.nexmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spate.client.rest.JobDetails;
import io.spate.client.rest.JobSummary;
import io.spate.client.rest.RestClient;
import io.spate.common.JobId;
import io.spate.common.config.Configuration;
import io.spate.nexmark.checksum.RowHash;
import io.spate.nexmark.generator.GeneratorConfig;
import io.spate.nexmark.runner.NexmarkRunner;
import io.spate.nexmark.runner.NexmarkRunner.Options;
import io.spate.nexmark.runner.NexmarkRunner.SinkKind;
import io.spate.tests.cli.SpateProcess;
import io.spate.tests.cli.StandaloneClusterFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A chaos run, off by default (minutes long): every oracle query with checkpoints on a standalone
 * cluster of three TaskManagers while a random TaskManager is killed with {@code kill -9} at random
 * moments, {@code spate.chaos.kills} times (a fresh one started after each kill); the checksum must
 * still be SPEC §9.2's. Run with
 *
 * <pre>
 * mvn -o verify -pl spate-tests -am -Dit.test=NexmarkClusterChaosIT -Dtest=none \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dspate.chaos.kills=6 [-Dspate.chaos.seed=1]
 * </pre>
 */
@EnabledIfSystemProperty(named = "spate.chaos.kills", matches = "\\d+")
class NexmarkClusterChaosIT {
    private static final GeneratorConfig ORACLE = GeneratorConfig.oracleProfile();

    @TempDir Path dir;

    static Stream<Arguments> oracle() {
        return NexmarkOracleIT.oracle();
    }

    @ParameterizedTest(name = "{0} through random TaskManager kills")
    @MethodSource("oracle")
    void keepsItsChecksum(String query, long rows, String checksum) throws Exception {
        int kills = Integer.getInteger("spate.chaos.kills");
        Random random = new Random(Long.getLong("spate.chaos.seed", System.identityHashCode(dir)));
        try (StandaloneClusterFixture cluster =
                new StandaloneClusterFixture(
                        dir, "heartbeat.interval=500ms", "heartbeat.timeout=5s")) {
            List<SpateProcess> taskManagers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                taskManagers.add(cluster.startTaskManager(2));
            }
            Configuration conf = ClusterRuns.failingOver(cluster, 1000);
            Options options =
                    Options.of(query, ORACLE)
                            .withParallelism(4)
                            .withSink(SinkKind.CHECKSUM)
                            .withCheckpoints(Duration.ofMillis(300))
                            .withThrottle(25_000)
                            .withConfig(conf);
            CompletableFuture<NexmarkRunner.Result> run = ClusterRuns.runAsync(options);
            RestClient rest = new RestClient(RestClient.parseAddress(cluster.restAddress()), null);
            await().atMost(Duration.ofSeconds(60)).until(() -> !rest.listJobs().isEmpty());
            JobSummary job = rest.listJobs().get(0);
            JobId jobId = JobId.parse(job.id());
            for (int kill = 0; kill < kills && !run.isDone(); kill++) {
                long pause = 500 + random.nextInt(3000);
                await().pollDelay(Duration.ofMillis(pause)).until(() -> true);
                SpateProcess victim = taskManagers.remove(random.nextInt(taskManagers.size()));
                victim.close();
                taskManagers.add(cluster.startTaskManager(2));
                JobDetails d = rest.job(jobId);
                System.out.println(
                        "CHAOS " + query + " kill " + (kill + 1) + " attempt " + d.attempt());
            }
            NexmarkRunner.Result result = run.get(10, TimeUnit.MINUTES);
            System.out.println("CHAOS " + query + " restarts " + result.restarts());
            assertThat(result.rows()).as("rows").isEqualTo(rows);
            assertThat(RowHash.hex(result.checksum())).as("checksum").isEqualTo(checksum);
        }
    }
}
