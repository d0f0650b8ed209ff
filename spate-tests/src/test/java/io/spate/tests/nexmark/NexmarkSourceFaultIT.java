package io.spate.tests.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.connector.sink.FileSink;
import io.spate.api.connector.sink.SimpleStringEncoder;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.execution.CheckpointingOptions;
import io.spate.api.execution.JobClient;
import io.spate.api.execution.JobFailure;
import io.spate.api.execution.JobStatus;
import io.spate.api.execution.RestartStrategyOptions;
import io.spate.nexmark.NexmarkSource;
import io.spate.nexmark.generator.GeneratorConfig;
import io.spate.runtime.task.FailureInjection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job over the Nexmark source fails again and again — after random numbers of events and during a
 * snapshot — and restarts from its checkpoints: the sources resume at the positions their splits
 * recorded, the keyed state (which holds {@code Event}s, written with the sealed type's serializer)
 * is restored, and the committed result is exactly that of the data set of SPEC §9.1: nothing lost,
 * nothing repeated.
 */
class NexmarkSourceFaultIT {
    /** SPEC §9.1, third row: seed 7, 100 000 events at R = 10 000. */
    private static final GeneratorConfig CONFIG =
            GeneratorConfig.oracleProfile().withSeed(7).withNumEvents(100_000);

    @Test
    void afterFailuresTheCommittedChecksumsAreThoseOfTheDataSet(@TempDir Path dir)
            throws Exception {
        Path out = dir.resolve("out");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(Duration.ofMillis(40));
        env.getConfiguration()
                .set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.resolve("chk").toString())
                .set(RestartStrategyOptions.TYPE, RestartStrategyOptions.Type.FIXED_DELAY)
                .set(RestartStrategyOptions.DELAY, Duration.ofMillis(5))
                .set(FailureInjection.OPERATOR, "Late check")
                .set(FailureInjection.AFTER_RECORDS, 8_000L)
                .set(FailureInjection.SEED, 11L)
                .set(FailureInjection.ON_SNAPSHOT, 5)
                .set(FailureInjection.ATTEMPTS, 6);
        // Throttled, so that checkpoints complete while the data flows.
        NexmarkSource source = new NexmarkSource(CONFIG).withWallClockRate(50_000);
        env.fromSource(source, NexmarkSource.watermarks(), "Nexmark")
                .process(new LateEvents())
                .name("Late check")
                .keyBy(KindChecksum::kind)
                .process(new KindChecksum())
                .name("Checksum")
                .uid("checksum")
                .sinkTo(FileSink.forRowFormat(out.toString(), new SimpleStringEncoder<String>()))
                .name("Files");

        JobClient client = env.executeAsync("nexmark under failures");
        client.getJobExecutionResult().get(5, TimeUnit.MINUTES);
        assertThat(client.getJobStatus().get()).isEqualTo(JobStatus.FINISHED);
        List<JobFailure> failures = client.getFailureHistory().get();
        assertThat(failures).hasSizeGreaterThanOrEqualTo(3).allMatch(JobFailure::restarted);
        assertThat(failures)
                .as("restarts resumed from checkpoints, not from the first event")
                .anyMatch(f -> f.restoredFrom() != null);

        List<String> lines = committedLines(out);
        Map<String, String> byKind = new TreeMap<>();
        for (String line : lines) {
            byKind.put(line.substring(0, 1), line);
        }
        assertThat(lines).hasSize(3);
        assertThat(byKind).isEqualTo(KindChecksum.expected(CONFIG));
        assertThat(byKind.get("P")).startsWith("P,2000,");
        assertThat(byKind.get("A")).startsWith("A,6000,");
        assertThat(byKind.get("B")).startsWith("B,92000,");
        assertThat(KindChecksum.total(lines)).isEqualTo("81956d3f1209cda6");
    }

    /** Every committed (visible) line. */
    private static List<String> committedLines(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
            }
        }
        return lines;
    }
}
