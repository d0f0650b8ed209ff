package io.spate.tests.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spate.api.common.functions.Counter;
import io.spate.api.common.functions.OpenContext;
import io.spate.api.common.functions.RichMapFunction;
import io.spate.api.connector.sink.DiscardingSink;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.execution.ExecutionOptions;
import io.spate.api.execution.JobClient;
import io.spate.api.execution.JobExecutionException;
import io.spate.api.execution.JobExecutionResult;
import io.spate.api.execution.RestOptions;
import io.spate.cluster.artifacts.ArtifactOptions;
import io.spate.cluster.artifacts.ArtifactStore;
import io.spate.cluster.embedded.EmbeddedCluster;
import io.spate.common.config.Configuration;
import io.spate.common.time.Clock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code remote} execution target against an embedded cluster that serves its REST API on a
 * loopback port: jobs submitted from this JVM run there and report their counters, failures and
 * cancellation; jar uploads are checked against their SHA-256 and stored once.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RemoteSubmissionIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir Path artifacts;

    private EmbeddedCluster jobManager;
    private String address;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void startJobManager() {
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

    private StreamExecutionEnvironment remoteEnvironment(int parallelism) {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.getConfiguration()
                .set(ExecutionOptions.TARGET, "remote")
                .set(ExecutionOptions.REMOTE_ADDRESS, address);
        return env;
    }

    @Test
    void aJobSubmittedToTheRemoteTargetRunsThereAndReportsItsCounters() throws Exception {
        StreamExecutionEnvironment env = remoteEnvironment(2);
        env.fromSequence(1, 10_000)
                .map(new CountEven())
                .name("Count even")
                .sinkTo(new DiscardingSink<>())
                .name("Sink");

        JobExecutionResult result = env.execute("remote counters");

        assertThat(result.getJobName()).isEqualTo("remote counters");
        assertThat(result.getCounter("even")).isEqualTo(5_000);
        assertThat(result.getCounter("Sink.numRecordsIn")).isEqualTo(10_000);
        assertThat(result.getNetRuntime()).isPositive();
        assertThat(listJobs()).contains(result.getJobId().toString());
    }

    @Test
    void aFailingRemoteJobCompletesExceptionallyWithTheCause() {
        StreamExecutionEnvironment env = remoteEnvironment(1);
        env.fromSequence(1, 100)
                .map(
                        i -> {
                            if (i == 50) {
                                throw new IllegalStateException("no fifty");
                            }
                            return i;
                        })
                .returns(Long.class)
                .sinkTo(new DiscardingSink<>());

        assertThatThrownBy(() -> env.execute("failing remotely"))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("failed")
                .hasMessageContaining("no fifty");
    }

    @Test
    void aJobThatCollectsIntoThisProgramIsRefusedBeforeItIsSubmitted() {
        StreamExecutionEnvironment env = remoteEnvironment(1);
        assertThatThrownBy(() -> env.fromSequence(1, 10).executeAndCollect())
                .hasMessageContaining("only the embedded engine can do")
                .hasMessageContaining("write them to a sink");
        assertThat(jobManager.dispatcher().listJobs().join()).isEmpty();
    }

    @Test
    void aRemoteJobCanBeWatchedAndCancelled() throws Exception {
        StreamExecutionEnvironment env = remoteEnvironment(1);
        env.fromSequence(1, Long.MAX_VALUE - 1).sinkTo(new DiscardingSink<>()).name("Sink");
        JobClient client = env.executeAsync("endless");

        assertThat(client.getRestAddress()).contains(URI.create("http://" + address));
        org.awaitility.Awaitility.await()
                .atMost(WAIT)
                .until(() -> client.getMetrics().get().getRecordsOut() > 0);
        assertThat(client.getFailureHistory().get()).isEmpty();
        assertThatThrownBy(() -> client.collect("x"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining(address);

        client.cancel().get();

        assertThatThrownBy(() -> client.getJobExecutionResult().get())
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(JobExecutionException.class)
                .hasMessageContaining("cancelled");
    }

    @Test
    void aJarWithAWrongChecksumIsRefusedAndACorrectOneIsStoredOnce() throws Exception {
        byte[] jar = "PK pretend this is a jar".getBytes(StandardCharsets.UTF_8);
        String right = HexFormat.of().formatHex(ArtifactStore.sha256().digest(jar));
        String wrong = HexFormat.of().formatHex(ArtifactStore.sha256().digest(new byte[1]));

        HttpResponse<String> refused = put("/v1/artifacts/" + wrong, jar);
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode error = json.readTree(refused.body());
        assertThat(error.get("error").asText()).contains(right).contains(wrong);
        assertThat(error.has("hint")).isTrue();

        HttpResponse<String> badId = put("/v1/artifacts/not-a-sha", jar);
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(badId.body()).contains("64 lower-case hex digits");

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> stored = put("/v1/artifacts/" + right, jar);
            assertThat(stored.statusCode()).isEqualTo(201);
            assertThat(json.readTree(stored.body()).get("artifactId").asText()).isEqualTo(right);
        }
        try (Stream<Path> files = Files.list(artifacts)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .containsExactly(right + ".jar");
        }
    }

    @Test
    void aSubmissionNamingAnUnknownJarOrWithAnUnreadableGraphIsRefused() throws Exception {
        String unknown = "0".repeat(64);
        HttpResponse<String> noJar =
                post("/v1/jobs", "{\"artifactId\": \"" + unknown + "\", \"jobGraph\": \"AAAA\"}");
        assertThat(noJar.statusCode()).isEqualTo(400);
        assertThat(noJar.body()).contains("upload it first");

        HttpResponse<String> garbage =
                post("/v1/jobs", "{\"artifactId\": null, \"jobGraph\": \"AAAA\"}");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).contains("Cannot read the job graph");
    }

    @Test
    void theRemoteTargetSaysWhenNoJobManagerListens() throws Exception {
        StreamExecutionEnvironment env = remoteEnvironment(1);
        String nowhere;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            nowhere = "127.0.0.1:" + socket.getLocalPort();
        }
        env.getConfiguration().set(ExecutionOptions.REMOTE_ADDRESS, nowhere);
        env.fromSequence(1, 10).sinkTo(new DiscardingSink<>());

        assertThatThrownBy(() -> env.execute("nowhere"))
                .hasMessageContaining("No JobManager answers at " + nowhere);
    }

    private String listJobs() throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://" + address + "/v1/jobs"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private HttpResponse<String> put(String path, byte[] body)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://" + address + path))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://" + address + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Counts the even numbers in a user counter. */
    static final class CountEven extends RichMapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;
        private transient Counter even;

        @Override
        public void open(OpenContext context) {
            even = getRuntimeContext().getCounter("even");
        }

        @Override
        public Long map(Long value) {
            if (value % 2 == 0) {
                even.inc();
            }
            return value;
        }
    }
}
