package io.spate.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.execution.RestOptions;
import io.spate.cluster.artifacts.ArtifactOptions;
import io.spate.cluster.artifacts.ArtifactStore;
import io.spate.cluster.embedded.EmbeddedCluster;
import io.spate.common.config.Configuration;
import io.spate.common.time.Clock;
import io.spate.tests.KeyedCountOutput;
import io.spate.tests.cli.programs.KeyedCountProgram;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spate run --jobmanager} and {@code spate nexmark --jobmanager} against a JobManager that
 * serves its REST API on a loopback port (an embedded cluster started by the test): the program's
 * jar is uploaded, its job runs there, and the command's output and exit code are those of a run on
 * the embedded engine.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RemoteRunCliIT {
    private static final long RECORDS = 5_000;
    private static final Pattern CHECKSUM = Pattern.compile(" rows=(\\d+) checksum=([0-9a-f-]+)");

    @TempDir Path dir;

    private EmbeddedCluster jobManager;
    private String address;
    private Path artifacts;

    @BeforeEach
    void startJobManager() throws IOException {
        artifacts = Files.createDirectories(dir.resolve("artifacts"));
        Configuration config = new Configuration();
        config.set(RestOptions.ENABLED, true);
        config.set(RestOptions.PORT, "0");
        config.set(ArtifactOptions.DIRECTORY, artifacts.toString());
        jobManager = EmbeddedCluster.start(config, Clock.system(), 1, 4);
        address = jobManager.restAddress().orElseThrow().getRawAuthority();
    }

    @AfterEach
    void stopJobManager() {
        jobManager.close();
    }

    @Test
    void runWithJobManagerUploadsTheJarAndRunsTheProgramsJobThere() throws IOException {
        Path jar = ProgramJar.write(dir.resolve("keyed-count.jar"), KeyedCountProgram.class);
        Path out = dir.resolve("out");

        CliRun run =
                CliRun.of(
                        "run",
                        "--jobmanager",
                        address,
                        "--parallelism",
                        "2",
                        jar.toString(),
                        out.toString(),
                        String.valueOf(RECORDS),
                        "0");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.err)
                .contains("Job '" + KeyedCountProgram.JOB_NAME + "' submitted with id")
                .contains(address);
        assertThat(KeyedCountOutput.committedLines(out))
                .isEqualTo(KeyedCountOutput.expected(RECORDS, KeyedCountProgram.KEYS));
        String sha =
                HexFormat.of().formatHex(ArtifactStore.sha256().digest(Files.readAllBytes(jar)));
        try (Stream<Path> files = Files.list(artifacts)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .containsExactly(sha + ".jar");
        }
    }

    @Test
    void runOnAStandaloneClusterShipsTheJarToTaskManagersThatLackItsClasses() throws IOException {
        Path jar = ProgramJar.write(dir.resolve("keyed-count.jar"), KeyedCountProgram.class);
        Path out = dir.resolve("out");
        // The cluster's JVMs do not have the tests' classes: the program's come from its jar only.
        assertThat(SpateProcess.classPathWithoutTestClasses())
                .hasSize(SpateProcess.classPath().size() - 1);
        try (StandaloneClusterFixture cluster =
                new StandaloneClusterFixture(dir, SpateProcess.classPathWithoutTestClasses())) {
            cluster.startTaskManager(1);
            cluster.startTaskManager(1);

            CliRun run =
                    CliRun.of(
                            "run",
                            "--jobmanager",
                            cluster.restAddress(),
                            "--parallelism",
                            "2",
                            jar.toString(),
                            out.toString(),
                            String.valueOf(RECORDS),
                            "0");

            assertThat(run.exitCode).as(run.toString()).isZero();
            assertThat(KeyedCountOutput.committedLines(out))
                    .isEqualTo(KeyedCountOutput.expected(RECORDS, KeyedCountProgram.KEYS));
        }
    }

    @Test
    void runWithJobManagerWhereNoneListensSaysSoInOneLine() throws IOException {
        Path jar = ProgramJar.write(dir.resolve("keyed-count.jar"), KeyedCountProgram.class);
        String nowhere;
        try (ServerSocket socket = new ServerSocket(0)) {
            nowhere = "127.0.0.1:" + socket.getLocalPort();
        }

        CliRun run =
                CliRun.of(
                        "run",
                        "--jobmanager",
                        nowhere,
                        jar.toString(),
                        dir.resolve("out").toString(),
                        "10",
                        "0");

        assertThat(run.exitCode).as(run.toString()).isNotZero();
        assertThat(run.errLines())
                .as(run.toString())
                .anyMatch(l -> l.contains("No JobManager answers at " + nowhere));
        assertThat(run.err).doesNotContain("\tat ");
    }

    @Test
    void nexmarkWithJobManagerGivesTheChecksumOfTheEmbeddedRun() {
        String[] query = {"nexmark", "--query", "q1", "--events", "100000", "--sink", "checksum"};
        CliRun embedded = CliRun.of(query);
        String[] remoteArgs =
                Stream.concat(Stream.of(query), Stream.of("--jobmanager", address))
                        .toArray(String[]::new);
        CliRun remote = CliRun.of(remoteArgs);

        assertThat(embedded.exitCode).as(embedded.toString()).isZero();
        assertThat(remote.exitCode).as(remote.toString()).isZero();
        String embeddedLine = resultLine(embedded);
        String remoteLine = resultLine(remote);
        assertThat(embeddedLine).matches(".* cpu_cores=\\d+\\.\\d\\d .*");
        assertThat(remoteLine).contains(" cpu_cores=- events_per_s_per_core=- ");
        Matcher e = CHECKSUM.matcher(embeddedLine);
        Matcher r = CHECKSUM.matcher(remoteLine);
        assertThat(e.find()).as(embeddedLine).isTrue();
        assertThat(r.find()).as(remoteLine).isTrue();
        assertThat(r.group(1)).isEqualTo(e.group(1));
        assertThat(r.group(2)).isEqualTo(e.group(2)).isNotEqualTo("-");
    }

    private static String resultLine(CliRun run) {
        List<String> lines = run.outLines().stream().filter(l -> l.startsWith("RESULT ")).toList();
        assertThat(lines).as(run.toString()).hasSize(1);
        return lines.get(0);
    }
}
