package io.spate.tests.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.execution.JobClient;
import io.spate.api.execution.JobExecutionResult;
import io.spate.common.util.CloseableIterator;
import io.spate.nexmark.NexmarkSource;
import io.spate.nexmark.generator.GeneratorConfig;
import io.spate.nexmark.model.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Nexmark source in real jobs: at any parallelism, the events that reach a keyed operator are
 * exactly the data set of SPEC §9.1 (its generator checksum and counts per kind), each with its
 * {@code dateTime} as timestamp, none late — neither right after the source nor after the exchange.
 */
class NexmarkSourceIT {

    @ParameterizedTest(name = "parallelism {0}, R = {1}")
    @CsvSource({
        "1, 10000, a8dabd3bfc6b5dbd",
        "2, 10000, a8dabd3bfc6b5dbd",
        "4, 10000, a8dabd3bfc6b5dbd",
        "2, 10000000, 680f6b6b093e26c7",
    })
    void theEventsOfAJobGiveTheGeneratorChecksum(
            int parallelism, long eventsPerSecond, String checksum) throws Exception {
        GeneratorConfig config =
                GeneratorConfig.oracleProfile().withEventsPerSecond(eventsPerSecond);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        DataStream<Event> events =
                env.fromSource(new NexmarkSource(config), NexmarkSource.watermarks(), "Nexmark")
                        .process(new LateEvents())
                        .name("Late check");
        DataStream<String> lines =
                events.keyBy(KindChecksum::kind).process(new KindChecksum()).name("Checksum");

        CompletableFuture<JobClient> client = new CompletableFuture<>();
        env.registerJobListener(client::complete);
        List<String> out = new ArrayList<>();
        try (CloseableIterator<String> it = lines.executeAndCollect()) {
            it.forEachRemaining(out::add);
        }
        JobExecutionResult result =
                client.get(1, TimeUnit.MINUTES).getJobExecutionResult().get(1, TimeUnit.MINUTES);
        assertThat(result.getCounter("lateEvents")).isZero();
        assertThat(result.getCounter("eventsWithoutTimestamp")).isZero();
        assertThat(result.getCounter("Late check.numRecordsIn")).isEqualTo(1_000_000);
        Map<String, String> byKind = new TreeMap<>();
        for (String line : out) {
            byKind.put(line.substring(0, 1), line);
        }
        assertThat(out).hasSize(3);
        assertThat(byKind).isEqualTo(KindChecksum.expected(config));
        assertThat(byKind.get("P")).startsWith("P,20000,");
        assertThat(byKind.get("A")).startsWith("A,60000,");
        assertThat(byKind.get("B")).startsWith("B,920000,");
        assertThat(KindChecksum.total(out)).isEqualTo(checksum);
    }
}
