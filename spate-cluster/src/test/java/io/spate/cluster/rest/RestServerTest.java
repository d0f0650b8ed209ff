package io.spate.cluster.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spate.api.execution.JobFailure;
import io.spate.api.execution.JobStatus;
import io.spate.api.execution.RestOptions;
import io.spate.cluster.artifacts.ArtifactStore;
import io.spate.cluster.artifacts.JobClassLoaders;
import io.spate.cluster.gateway.TestingDispatcherGateway;
import io.spate.cluster.jobmaster.JobSubmissions;
import io.spate.cluster.messages.JobInfo;
import io.spate.cluster.messages.JobResult;
import io.spate.common.JobId;
import io.spate.common.config.Configuration;
import io.spate.common.time.Clock;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST API over real HTTP on loopback, in front of a testing Dispatcher. */
class RestServerTest {
    private static final JobId RUNNING = new JobId(0x1111, 0xaaaa);
    private static final JobId FINISHED = new JobId(0x2222, 0xbbbb);
    private static final long START = 1_700_000_000_000L;

    private final TestingDispatcherGateway dispatcher = new TestingDispatcherGateway();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private RestServer server;

    RestServerTest() {
        dispatcher.putJob(
                new JobInfo(
                        RUNNING,
                        "counts",
                        JobStatus.RUNNING,
                        START,
                        1,
                        2,
                        List.of(new JobInfo.Vertex("Source -> Map", 2, 2)),
                        List.of(
                                new JobFailure(
                                        START + 10,
                                        0,
                                        "Map (1/2)",
                                        "boom",
                                        true,
                                        "/chk/chk-3",
                                        START + 20)),
                        new JobInfo.Checkpoint(7, "/chk/chk-7", false, START + 30),
                        null));
        dispatcher.putJob(
                new JobInfo(
                        FINISHED,
                        "done",
                        JobStatus.FINISHED,
                        START,
                        0,
                        1,
                        List.of(),
                        List.of(),
                        null,
                        "/savepoints"));
        dispatcher.putResult(
                new JobResult(
                        FINISHED,
                        "done",
                        JobStatus.FINISHED,
                        Duration.ofMillis(1234),
                        Map.of("Sink.numRecordsIn", 42L),
                        null,
                        null,
                        List.of(),
                        null));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private RestServer start(String... settings) {
        Configuration config = new Configuration();
        config.set(RestOptions.PORT, "0");
        config.set(RestOptions.SHUTDOWN_TIMEOUT, Duration.ofMillis(200));
        for (int i = 0; i < settings.length; i += 2) {
            config.setRaw(settings[i], settings[i + 1]);
        }
        server = RestServer.start(dispatcher, config, Clock.system());
        return server;
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        return send(request(path, headers).GET().build());
    }

    private HttpResponse<String> post(String path, String body, String... headers)
            throws Exception {
        return send(
                request(path, headers)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", "application/json")
                        .build());
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(server.address().resolve(path))
                        .timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode body(HttpResponse<String> response) throws IOException {
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        return json.readTree(response.body());
    }

    @Test
    void jarUploadsAndSubmissionsNeedTheTokenAndMayBeLargerThanControlRequests(
            @TempDir Path artifacts) throws Exception {
        Configuration config = new Configuration();
        config.set(RestOptions.PORT, "0");
        config.set(RestOptions.TOKEN, "secret");
        // Small enough that a refused body still fits the loopback socket's buffers: the client
        // finishes sending before the server closes the connection.
        ArtifactStore store = ArtifactStore.in(artifacts, 128 * 1024);
        server =
                RestServer.start(
                        dispatcher,
                        new JobSubmissions(store, new JobClassLoaders(), dispatcher),
                        config,
                        Clock.system());
        byte[] jar = new byte[100 * 1024];
        String id = HexFormat.of().formatHex(ArtifactStore.sha256().digest(jar));

        assertThat(put("/v1/artifacts/" + id, jar).statusCode()).isEqualTo(401);
        assertThat(post("/v1/jobs", "{}").statusCode()).isEqualTo(401);
        assertThat(store.contains(id)).isFalse();

        HttpResponse<String> stored =
                put("/v1/artifacts/" + id, jar, "Authorization", "Bearer secret");
        assertThat(stored.statusCode()).isEqualTo(201);
        assertThat(body(stored).get("artifactId").asText()).isEqualTo(id);
        assertThat(store.contains(id)).isTrue();

        HttpResponse<String> tooLarge =
                put(
                        "/v1/artifacts/" + id,
                        new byte[128 * 1024 + 1],
                        "Authorization",
                        "Bearer secret");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(body(tooLarge).get("hint").asText()).contains("rest.max-artifact-size");
    }

    private HttpResponse<String> put(String path, byte[] body, String... headers) throws Exception {
        return send(
                request(path, headers).PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    @Test
    void bindsToLoopbackByDefault() {
        start();
        assertThat(server.address().getHost()).isEqualTo("127.0.0.1");
        assertThat(server.address().getPort()).isPositive();
    }

    @Test
    void listsTheJobs() throws Exception {
        start();
        HttpResponse<String> r = get("/v1/jobs");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode jobs = body(r).get("jobs");
        assertThat(jobs).hasSize(2);
        assertThat(jobs.get(0).get("id").asText()).isEqualTo(RUNNING.toString());
        assertThat(jobs.get(0).get("name").asText()).isEqualTo("counts");
        assertThat(jobs.get(0).get("status").asText()).isEqualTo("RUNNING");
        assertThat(jobs.get(0).get("startTime").asText()).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(jobs.get(0).get("startTimeMillis").asLong()).isEqualTo(START);
        assertThat(jobs.get(1).get("status").asText()).isEqualTo("FINISHED");
    }

    @Test
    void showsOneJob() throws Exception {
        start();
        JsonNode job = body(get("/v1/jobs/" + RUNNING));
        assertThat(job.get("attempt").asInt()).isEqualTo(1);
        assertThat(job.get("parallelism").asInt()).isEqualTo(2);
        assertThat(job.get("vertices").get(0).get("name").asText()).isEqualTo("Source -> Map");
        JsonNode failure = job.get("failureHistory").get(0);
        assertThat(failure.get("task").asText()).isEqualTo("Map (1/2)");
        assertThat(failure.get("cause").asText()).isEqualTo("boom");
        assertThat(failure.get("restoredFrom").asText()).isEqualTo("/chk/chk-3");
        JsonNode checkpoint = job.get("latestCheckpoint");
        assertThat(checkpoint.get("id").asLong()).isEqualTo(7);
        assertThat(checkpoint.get("path").asText()).isEqualTo("/chk/chk-7");
        assertThat(checkpoint.get("savepoint").asBoolean()).isFalse();
        assertThat(job.get("outcome").isNull()).isTrue();
        JsonNode finished = body(get("/v1/jobs/" + FINISHED));
        assertThat(finished.get("latestCheckpoint").isNull()).isTrue();
        JsonNode outcome = finished.get("outcome");
        assertThat(outcome.get("netRuntimeMillis").asLong()).isEqualTo(1234);
        assertThat(outcome.get("counters").get("Sink.numRecordsIn").asLong()).isEqualTo(42);
        assertThat(outcome.get("failureCause").isNull()).isTrue();
    }

    @Test
    void unknownAndMalformedJobIdsAreClearErrors() throws Exception {
        start();
        JobId unknown = new JobId(9, 9);
        HttpResponse<String> r = get("/v1/jobs/" + unknown);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(body(r).get("error").asText()).contains(unknown.toString());
        assertThat(body(r).get("hint").asText()).contains("GET /v1/jobs");

        r = get("/v1/jobs/not-a-job");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(body(r).get("error").asText()).contains("not-a-job");
        assertThat(post("/v1/jobs/" + unknown + "/savepoints", "{}").statusCode()).isEqualTo(404);
        assertThat(post("/v1/jobs/" + unknown + "/cancel", "").statusCode()).isEqualTo(404);
    }

    @Test
    void unknownPathsAndMethodsAreJsonErrors() throws Exception {
        start();
        HttpResponse<String> r = get("/v1/nothing");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(body(r).get("error").asText()).contains("/v1/nothing");
        r = send(request("/v1/jobs").DELETE().build());
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(body(r).get("error").asText()).contains("DELETE");
    }

    @Test
    void cancelsARunningJobButNotAnEndedOne() throws Exception {
        start();
        HttpResponse<String> r = post("/v1/jobs/" + RUNNING + "/cancel", "");
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(body(r).get("status").asText()).isEqualTo("CANCELLING");
        assertThat(dispatcher.cancelled()).containsExactly(RUNNING);

        r = post("/v1/jobs/" + FINISHED + "/cancel", "");
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(body(r).get("error").asText()).contains("FINISHED");
        assertThat(dispatcher.cancelled()).containsExactly(RUNNING);
    }

    @Test
    void aSavepointRunsAsynchronouslyAndIsAskedAboutByItsRequestId() throws Exception {
        CompletableFuture<String> savepoint = new CompletableFuture<>();
        dispatcher.setSavepointFunction((id, dir) -> savepoint);
        start();
        HttpResponse<String> r =
                post("/v1/jobs/" + RUNNING + "/savepoints", "{\"targetDirectory\": \"/sp\"}");
        assertThat(r.statusCode()).isEqualTo(202);
        JsonNode accepted = body(r);
        String requestId = accepted.get("requestId").asText();
        assertThat(accepted.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(accepted.get("operation").asText()).isEqualTo("savepoint");
        String status = "/v1/jobs/" + RUNNING + "/savepoints/" + requestId;
        assertThat(r.headers().firstValue("Location")).hasValue(status);
        assertThat(dispatcher.savepointRequests()).containsExactly("savepoint " + RUNNING + " /sp");

        assertThat(body(get(status)).get("status").asText()).isEqualTo("IN_PROGRESS");
        savepoint.complete("/sp/savepoint-1");
        JsonNode done = body(get(status));
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("path").asText()).isEqualTo("/sp/savepoint-1");
        assertThat(done.get("error").isNull()).isTrue();

        assertThat(get("/v1/jobs/" + RUNNING + "/savepoints/ffff").statusCode()).isEqualTo(404);
        assertThat(get("/v1/jobs/" + FINISHED + "/savepoints/" + requestId).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aWaitingRequestIsAnsweredWhenTheSavepointCompletes() throws Exception {
        CompletableFuture<String> savepoint = new CompletableFuture<>();
        dispatcher.setStopFunction((id, dir) -> savepoint);
        start();
        String requestId =
                body(post("/v1/jobs/" + RUNNING + "/stop", "{\"targetDirectory\": \"/sp\"}"))
                        .get("requestId")
                        .asText();
        CompletableFuture<HttpResponse<String>> waiting =
                http.sendAsync(
                        request("/v1/jobs/" + RUNNING + "/savepoints/" + requestId + "?wait=20")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        savepoint.complete("/sp/savepoint-2");
        JsonNode done = body(waiting.get(30, TimeUnit.SECONDS));
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("operation").asText()).isEqualTo("stop");
        assertThat(done.get("path").asText()).isEqualTo("/sp/savepoint-2");
        assertThat(dispatcher.savepointRequests()).containsExactly("stop " + RUNNING + " /sp");
    }

    @Test
    void aFailedSavepointSaysWhy() throws Exception {
        dispatcher.setSavepointFunction(
                (id, dir) ->
                        CompletableFuture.failedFuture(
                                new IllegalStateException("Checkpoint 4 expired after 10 ms")));
        start();
        String requestId =
                body(post("/v1/jobs/" + RUNNING + "/savepoints", "{\"targetDirectory\": \"/sp\"}"))
                        .get("requestId")
                        .asText();
        JsonNode failed = body(get("/v1/jobs/" + RUNNING + "/savepoints/" + requestId));
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("error").asText()).isEqualTo("Checkpoint 4 expired after 10 ms");
        assertThat(failed.get("path").isNull()).isTrue();
    }

    @Test
    void savepointsNeedARunningJobAndADirectory() throws Exception {
        start();
        HttpResponse<String> r = post("/v1/jobs/" + FINISHED + "/savepoints", "");
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(body(r).get("error").asText()).contains("FINISHED");
        assertThat(body(r).get("hint").asText()).contains("--from-savepoint");

        r = post("/v1/jobs/" + RUNNING + "/savepoints", "");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(body(r).get("error").asText()).contains("state.savepoints.dir");

        r = post("/v1/jobs/" + RUNNING + "/stop", "{\"targetDirectory\": \"relative/dir\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(body(r).get("error").asText()).contains("not an absolute path");
        assertThat(dispatcher.savepointRequests()).isEmpty();
    }

    @Test
    void badBodiesAreRefusedSayingWhereAndWhy() throws Exception {
        start();
        String path = "/v1/jobs/" + RUNNING + "/savepoints";
        HttpResponse<String> r = post(path, "{\"target\": \"/sp\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(body(r).get("error").asText()).contains("Unknown field 'target'");

        r = post(path, "{\"targetDirectory\": \"/sp\"");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(body(r).get("error").asText()).contains("line 1, column");

        r = post(path, "{\"targetDirectory\": 12}");
        assertThat(r.statusCode()).isEqualTo(400);

        r =
                post(
                        path,
                        "{\"targetDirectory\": \"/"
                                + "x".repeat(RestServer.MAX_REQUEST_BYTES)
                                + "\"}");
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(body(r).get("error").asText()).contains("at most");

        r = get("/v1/jobs/" + RUNNING + "/savepoints/abc?wait=forever");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(dispatcher.savepointRequests()).isEmpty();
    }

    @Test
    void withATokenEveryRequestNeedsIt() throws Exception {
        start(RestOptions.TOKEN.key(), "s3cret");
        HttpResponse<String> r = get("/v1/jobs");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(body(r).get("error").asText()).contains("bearer token");
        assertThat(get("/v1/jobs", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
        assertThat(get("/v1/nothing").statusCode()).isEqualTo(401);
        assertThat(post("/v1/jobs/" + RUNNING + "/cancel", "").statusCode()).isEqualTo(401);
        assertThat(dispatcher.cancelled()).isEmpty();

        assertThat(get("/v1/jobs", "Authorization", "Bearer s3cret").statusCode()).isEqualTo(200);
    }

    @Test
    void takesTheFirstFreePortOfARange() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();
            start(RestOptions.PORT.key(), port + "-" + Math.min(65535, port + 20));
            assertThat(server.address().getPort()).isGreaterThan(port);
        }
    }

    @Test
    void aRangeWithoutAFreePortIsAClearError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> start(RestOptions.PORT.key(), Integer.toString(port)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no port of " + port + " is free")
                    .hasMessageContaining("rest.port");
        }
    }

    @Test
    void closingWaitsForUnreadSavepointResults() throws Exception {
        CompletableFuture<String> savepoint = new CompletableFuture<>();
        dispatcher.setStopFunction((id, dir) -> savepoint);
        start(RestOptions.SHUTDOWN_TIMEOUT.key(), "60 s");
        String requestId =
                body(post("/v1/jobs/" + RUNNING + "/stop", "{\"targetDirectory\": \"/sp\"}"))
                        .get("requestId")
                        .asText();
        savepoint.complete("/sp/savepoint-3");
        RestServer closing = server;
        server = null;
        CompletableFuture<Void> closed = CompletableFuture.runAsync(closing::close);
        // Nothing else reads the result, so the server must still be there to answer.
        JsonNode done =
                body(
                        get(
                                closing.address()
                                        .resolve(
                                                "/v1/jobs/"
                                                        + RUNNING
                                                        + "/savepoints/"
                                                        + requestId)));
        assertThat(done.get("path").asText()).isEqualTo("/sp/savepoint-3");
        closed.get(30, TimeUnit.SECONDS);
    }

    @Test
    void closingGivesUpOnUnreadResultsAfterTheTimeout() throws Exception {
        dispatcher.setSavepointFunction((id, dir) -> CompletableFuture.completedFuture("/sp/x"));
        start();
        post("/v1/jobs/" + RUNNING + "/savepoints", "{\"targetDirectory\": \"/sp\"}");
        RestServer closing = server;
        server = null;
        CompletableFuture.runAsync(closing::close).get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () ->
                                assertThatThrownBy(() -> get(closing.address().resolve("/v1/jobs")))
                                        .isInstanceOf(IOException.class));
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build());
    }
}
