package io.spate.client.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.spate.annotations.SuppressForbidden;
import io.spate.common.JobId;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client over real HTTP on loopback, against a scripted JobManager that answers each request
 * with the next prepared answer and records what it was asked.
 */
@SuppressForbidden(
        reason =
                "com.sun.net.httpserver is the JDK's supported, exported HTTP server (module"
                        + " jdk.httpserver): all a scripted JobManager needs")
class RestClientTest {
    private static final JobId JOB = new JobId(0x12, 0x34);

    private final Deque<String[]> answers = new ArrayDeque<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;

    private RestClient start(String token) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        return new RestClient(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), token);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Prepares the next answer: status, content type and body. */
    private void answer(int status, String contentType, String body) {
        answers.add(new String[] {Integer.toString(status), contentType, body});
    }

    private void json(int status, String body) {
        answer(status, "application/json", body);
    }

    private synchronized void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(
                exchange.getRequestMethod()
                        + " "
                        + exchange.getRequestURI()
                        + " auth="
                        + exchange.getRequestHeaders().getFirst("Authorization")
                        + (body.isEmpty() ? "" : " " + body));
        String[] a =
                answers.isEmpty() ? new String[] {"500", "text/plain", "none"} : answers.poll();
        byte[] bytes = a[2].getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", a[1]);
        exchange.sendResponseHeaders(Integer.parseInt(a[0]), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void readsTheJobList() throws Exception {
        RestClient client = start(null);
        json(
                200,
                "{\"jobs\":[{\"id\":\""
                        + JOB
                        + "\",\"name\":\"counts\",\"status\":\"RUNNING\","
                        + "\"startTime\":\"2023-11-14T22:13:20Z\",\"startTimeMillis\":1,"
                        + "\"comesLater\":true}]}");
        assertThat(client.listJobs())
                .containsExactly(
                        new JobSummary(
                                JOB.toString(), "counts", "RUNNING", "2023-11-14T22:13:20Z", 1));
        assertThat(requests).containsExactly("GET /v1/jobs auth=null");
    }

    @Test
    void sendsTheTokenAndTheTargetDirectory() throws Exception {
        RestClient client = start("s3cret");
        json(
                202,
                "{\"requestId\":\"r1\",\"jobId\":\""
                        + JOB
                        + "\",\"operation\":\"stop\",\"status\":\"IN_PROGRESS\"}");
        SavepointStatus accepted = client.stopWithSavepoint(JOB, "/data/sp");
        assertThat(accepted.requestId()).isEqualTo("r1");
        assertThat(accepted.isDone()).isFalse();
        assertThat(requests)
                .containsExactly(
                        "POST /v1/jobs/"
                                + JOB
                                + "/stop auth=Bearer s3cret {\"targetDirectory\":\"/data/sp\"}");
    }

    @Test
    void waitsForASavepointAskingAgainUntilItIsDone() throws Exception {
        RestClient client = start(null);
        String inProgress =
                "{\"requestId\":\"r1\",\"jobId\":\""
                        + JOB
                        + "\",\"operation\":\"savepoint\",\"status\":\"IN_PROGRESS\"}";
        json(200, inProgress);
        json(
                200,
                "{\"requestId\":\"r1\",\"jobId\":\""
                        + JOB
                        + "\",\"operation\":\"savepoint\",\"status\":\"COMPLETED\",\"path\":\"/sp/1\"}");
        SavepointStatus request =
                new SavepointStatus("r1", JOB.toString(), "savepoint", "IN_PROGRESS", null, null);
        assertThat(client.awaitSavepoint(request, Duration.ofMinutes(10))).isEqualTo("/sp/1");
        assertThat(requests)
                .containsExactly(
                        "GET /v1/jobs/" + JOB + "/savepoints/r1?wait=20 auth=null",
                        "GET /v1/jobs/" + JOB + "/savepoints/r1?wait=20 auth=null");
    }

    @Test
    void aFailedSavepointThrowsTheJobManagersReason() throws Exception {
        RestClient client = start(null);
        json(
                200,
                "{\"requestId\":\"r1\",\"jobId\":\""
                        + JOB
                        + "\",\"operation\":\"stop\",\"status\":\"FAILED\","
                        + "\"error\":\"Checkpoint 3 expired after 600000 ms\"}");
        SavepointStatus request =
                new SavepointStatus("r1", JOB.toString(), "stop", "IN_PROGRESS", null, null);
        assertThatThrownBy(() -> client.awaitSavepoint(request, Duration.ofSeconds(5)))
                .isInstanceOf(SavepointFailedException.class)
                .hasMessage(
                        "The stop-with-savepoint of job "
                                + JOB
                                + " failed: Checkpoint 3 expired after 600000 ms");
    }

    @Test
    void refusalsCarryStatusErrorAndHint() throws Exception {
        RestClient client = start(null);
        json(401, "{\"error\":\"Missing or wrong bearer token\",\"hint\":\"use --token\"}");
        assertThatThrownBy(client::listJobs)
                .isInstanceOfSatisfying(
                        RestApiException.class,
                        e -> {
                            assertThat(e.status()).isEqualTo(401);
                            assertThat(e.error()).isEqualTo("Missing or wrong bearer token");
                            assertThat(e.hint()).isEqualTo("use --token");
                        });
    }

    @Test
    void aServerThatIsNotAJobManagerIsNamedAsSuch() throws Exception {
        RestClient client = start(null);
        answer(404, "text/html", "<html>Not Found</html>");
        assertThatThrownBy(() -> client.job(JOB))
                .isInstanceOf(RestClientException.class)
                .hasMessageContaining("HTTP 404, not as a Spate JobManager does")
                .hasMessageContaining("<html>Not Found</html>");
    }

    @Test
    void anAnswerLargerThanAnyJobManagerSendsIsNotRead() throws Exception {
        RestClient client = start(null);
        json(200, "{\"jobs\":[\"" + "x".repeat(RestClient.MAX_RESPONSE_BYTES) + "\"]}");
        assertThatThrownBy(client::listJobs)
                .isInstanceOf(RestClientException.class)
                .hasMessage(
                        "The server at "
                                + client.address().getAuthority()
                                + " answered GET /v1/jobs with more than "
                                + RestClient.MAX_RESPONSE_BYTES
                                + " bytes, which no Spate JobManager does");
    }

    @Test
    void nothingListeningIsUnreachable() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        RestClient client = new RestClient(URI.create("http://127.0.0.1:" + port), null);
        assertThatThrownBy(client::listJobs)
                .isInstanceOf(JobManagerUnreachableException.class)
                .hasMessageStartingWith("No Spate JobManager answers at 127.0.0.1:" + port);
    }

    @Test
    void readsAddressesAsPeopleTypeThem() {
        assertThat(RestClient.parseAddress("127.0.0.1:8081"))
                .isEqualTo(URI.create("http://127.0.0.1:8081"));
        assertThat(RestClient.parseAddress("http://jm.example:9000/"))
                .isEqualTo(URI.create("http://jm.example:9000"));
        assertThat(RestClient.parseAddress("[::1]:8081"))
                .isEqualTo(URI.create("http://[::1]:8081"));
        for (String bad :
                new String[] {"127.0.0.1", "host:port", "https://h:1", "h:1/v1", "h:99999"}) {
            assertThatThrownBy(() -> RestClient.parseAddress(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
    }
}
