package io.spate.tests.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.nexmark.checksum.RowHash;
import io.spate.nexmark.generator.GeneratorConfig;
import io.spate.nexmark.runner.NexmarkRunner;
import io.spate.nexmark.runner.NexmarkRunner.Options;
import io.spate.nexmark.runner.NexmarkRunner.SinkKind;
import io.spate.tests.cli.StandaloneClusterFixture;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Nexmark query on a standalone cluster of separate JVMs — one JobManager and two
 * TaskManagers with two slots each — at parallelism 4, so that every exchange has channels inside a
 * TaskManager and channels between them: the rows and checksums of SPEC §9.2.
 */
class NexmarkClusterIT {
    private static final GeneratorConfig ORACLE = GeneratorConfig.oracleProfile();

    @TempDir static Path dir;
    private static StandaloneClusterFixture cluster;

    @BeforeAll
    static void startCluster() {
        cluster = new StandaloneClusterFixture(dir);
        cluster.startTaskManager(2);
        cluster.startTaskManager(2);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    static Stream<Arguments> oracle() {
        return NexmarkOracleIT.oracle();
    }

    @ParameterizedTest(name = "{0} on 2 TaskManagers at parallelism 4")
    @MethodSource("oracle")
    void givesTheOracleChecksum(String query, long rows, String checksum) throws Exception {
        NexmarkRunner.Result result =
                NexmarkRunner.run(
                        Options.of(query, ORACLE)
                                .withParallelism(4)
                                .withSink(SinkKind.CHECKSUM)
                                .withConfig(cluster.clientConfig()));
        assertThat(result.rows()).as("rows").isEqualTo(rows);
        assertThat(RowHash.hex(result.checksum())).as("checksum").isEqualTo(checksum);
    }
}
