package io.spate.client.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spate.annotations.Public;
import io.spate.common.JobId;
import io.spate.common.time.Clock;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A client of a JobManager's REST API, version 1 ({@code docs/adr/0006-rest-api.md}): lists jobs,
 * shows one, cancels, and takes savepoints of running jobs, stopping them if asked. Used by the
 * command line ({@code spate list}, {@code spate savepoint}, ...).
 *
 * <p>Every call is one blocking HTTP request (except {@link #awaitSavepoint}, which asks until the
 * savepoint is done); failures are {@link RestClientException}s whose message says what and where:
 * {@link JobManagerUnreachableException} when nothing answers, {@link RestApiException} when the
 * JobManager refuses. Thread-safe.
 */
@Public
public final class RestClient {
    /** How long one request waits for a savepoint at most; longer waits ask again. */
    static final Duration MAX_WAIT_PER_REQUEST = Duration.ofSeconds(20);

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** The largest answer read; a job list of thousands of jobs is far smaller. */
    static final int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

    private final URI address;
    private final String token;
    private final Clock clock;
    private final HttpClient http;
    private final ObjectMapper json;

    /**
     * @param address the JobManager's base address, e.g. {@code http://127.0.0.1:8081}
     * @param token the bearer token the JobManager requires ({@code rest.token}), or null
     */
    public RestClient(URI address, String token) {
        this(address, token, Clock.system());
    }

    RestClient(URI address, String token, Clock clock) {
        this.address = Objects.requireNonNull(address, "address");
        this.token = token == null || token.isBlank() ? null : token.strip();
        this.clock = clock;
        this.http =
                HttpClient.newBuilder()
                        .connectTimeout(CONNECT_TIMEOUT)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
        // Newer JobManagers may add fields; this client reads those it knows.
        this.json =
                new ObjectMapper()
                        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /**
     * The base address for {@code host:port} (or {@code http://host:port}), as people type it.
     *
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    public static URI parseAddress(String text) {
        String s = text.strip();
        String withScheme = s.contains("://") ? s : "http://" + s;
        URI uri;
        try {
            uri = new URI(withScheme);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a JobManager address; write it as host:port", e);
        }
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException(
                    "'" + text + "': the REST API speaks http, not " + uri.getScheme());
        }
        if (uri.getHost() == null || uri.getPort() < 1 || uri.getPort() > 65535) {
            throw new IllegalArgumentException(
                    "'"
                            + text
                            + "' is not a JobManager address; write it as host:port, e.g."
                            + " 127.0.0.1:8081");
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !"/".equals(uri.getRawPath())
                || uri.getRawQuery() != null) {
            throw new IllegalArgumentException(
                    "'" + text + "' has a path; give only host:port of the JobManager");
        }
        return URI.create("http://" + uri.getRawAuthority());
    }

    public URI address() {
        return address;
    }

    /** Every job the JobManager knows, in the order they were submitted. */
    public List<JobSummary> listJobs() throws RestClientException {
        JsonNode body = send(get("/v1/jobs", REQUEST_TIMEOUT));
        List<JobSummary> jobs = new ArrayList<>();
        for (JsonNode job : body.path("jobs")) {
            jobs.add(read(job, JobSummary.class));
        }
        return jobs;
    }

    /** One job's status, attempt, parallelism, failures and latest checkpoint. */
    public JobDetails job(JobId jobId) throws RestClientException {
        return read(send(get("/v1/jobs/" + jobId, REQUEST_TIMEOUT)), JobDetails.class);
    }

    /** Asks the JobManager to cancel a job; returns once it has accepted (the job stops soon). */
    public void cancel(JobId jobId) throws RestClientException {
        send(post("/v1/jobs/" + jobId + "/cancel", null));
    }

    /**
     * Starts a savepoint of a running job.
     *
     * @param targetDirectory an absolute directory, or null for the job's {@code
     *     state.savepoints.dir}
     * @return the request, in progress; {@link #awaitSavepoint} waits for its end
     */
    public SavepointStatus triggerSavepoint(JobId jobId, String targetDirectory)
            throws RestClientException {
        return read(
                send(post("/v1/jobs/" + jobId + "/savepoints", targetDirectory)),
                SavepointStatus.class);
    }

    /** Like {@link #triggerSavepoint}; once the savepoint is complete, the job stops. */
    public SavepointStatus stopWithSavepoint(JobId jobId, String targetDirectory)
            throws RestClientException {
        return read(
                send(post("/v1/jobs/" + jobId + "/stop", targetDirectory)), SavepointStatus.class);
    }

    /**
     * Where a savepoint request stands; waits up to {@code wait} (at most 20 s) for it to finish
     * before answering.
     */
    public SavepointStatus savepointStatus(JobId jobId, String requestId, Duration wait)
            throws RestClientException {
        long seconds = Math.max(0, Math.min(wait.toSeconds(), MAX_WAIT_PER_REQUEST.toSeconds()));
        String path = "/v1/jobs/" + jobId + "/savepoints/" + requestId + "?wait=" + seconds;
        return read(send(get(path, REQUEST_TIMEOUT.plusSeconds(seconds))), SavepointStatus.class);
    }

    /**
     * Waits until a savepoint request has finished, at most {@code timeout}, and returns the
     * savepoint's path.
     *
     * @throws SavepointFailedException when the savepoint failed, with the JobManager's reason
     * @throws RestClientException when {@code timeout} passed first (the savepoint goes on), or a
     *     request failed
     */
    public String awaitSavepoint(SavepointStatus request, Duration timeout)
            throws RestClientException {
        JobId jobId = JobId.parse(request.jobId());
        long deadline = clock.nanoTime() + timeout.toNanos();
        SavepointStatus status = request;
        while (!status.isDone()) {
            long left = deadline - clock.nanoTime();
            if (left <= 0) {
                throw new RestClientException(
                        "The "
                                + ("stop".equals(request.operation())
                                        ? "stop-with-savepoint"
                                        : "savepoint")
                                + " of job "
                                + jobId
                                + " did not finish within "
                                + timeout.toSeconds()
                                + " s; it goes on (request "
                                + request.requestId()
                                + ")");
            }
            // At least a second per request, so that a nearly spent timeout does not spin.
            Duration wait = Duration.ofNanos(Math.max(left, Duration.ofSeconds(1).toNanos()));
            status = savepointStatus(jobId, request.requestId(), wait);
        }
        if ("COMPLETED".equals(status.status())) {
            return status.path();
        }
        throw new SavepointFailedException(
                "The "
                        + ("stop".equals(status.operation()) ? "stop-with-savepoint" : "savepoint")
                        + " of job "
                        + jobId
                        + " failed: "
                        + status.error());
    }

    // ------------------------------------------------------------------ HTTP

    private HttpRequest get(String path, Duration timeout) {
        return request(path, timeout).GET().build();
    }

    private HttpRequest post(String path, String targetDirectory) throws RestClientException {
        String body;
        try {
            body =
                    targetDirectory == null
                            ? ""
                            : json.writeValueAsString(Map.of("targetDirectory", targetDirectory));
        } catch (JsonProcessingException e) {
            throw new RestClientException("Cannot write the request: " + e.getMessage(), e);
        }
        return request(path, REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(address.resolve(path))
                        .timeout(timeout)
                        .header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    /** Sends a request and returns the JSON body of a 2xx answer; anything else throws. */
    private JsonNode send(HttpRequest request) throws RestClientException {
        HttpResponse<InputStream> response;
        String text;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            text = readBody(request, response);
        } catch (ConnectException | HttpConnectTimeoutException | ClosedChannelException e) {
            throw new JobManagerUnreachableException(address, e);
        } catch (IOException e) {
            if (e.getCause() instanceof ConnectException) {
                throw new JobManagerUnreachableException(address, e.getCause());
            }
            throw new RestClientException(
                    "Request " + request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RestClientException("Interrupted while waiting for the JobManager", e);
        }
        JsonNode body = parse(response, text);
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            if (body == null) {
                throw notAJobManager(response, text);
            }
            return body;
        }
        if (body == null || !body.hasNonNull("error")) {
            throw notAJobManager(response, text);
        }
        String hint = body.hasNonNull("hint") ? body.get("hint").asText() : null;
        throw new RestApiException(status, body.get("error").asText(), hint);
    }

    /**
     * The body of an answer, read only up to {@link #MAX_RESPONSE_BYTES}: whatever listens at the
     * address, it cannot make this process hold more.
     */
    private String readBody(HttpRequest request, HttpResponse<InputStream> response)
            throws IOException, RestClientException {
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes(MAX_RESPONSE_BYTES + 1);
            if (bytes.length > MAX_RESPONSE_BYTES) {
                throw new RestClientException(
                        "The server at "
                                + address.getAuthority()
                                + " answered "
                                + request.method()
                                + " "
                                + request.uri().getPath()
                                + " with more than "
                                + MAX_RESPONSE_BYTES
                                + " bytes, which no Spate JobManager does");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private JsonNode parse(HttpResponse<?> response, String text) {
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (!contentType.startsWith("application/json")) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private RestClientException notAJobManager(HttpResponse<?> response, String text) {
        String body = text.strip();
        if (body.length() > 200) {
            body = body.substring(0, 200) + "...";
        }
        return new RestClientException(
                "The server at "
                        + address.getAuthority()
                        + " answered "
                        + response.request().method()
                        + " "
                        + response.uri().getPath()
                        + " with HTTP "
                        + response.statusCode()
                        + ", not as a Spate JobManager does"
                        + (body.isEmpty() ? "" : ": " + body.replaceAll("\\s+", " ")));
    }

    private <T> T read(JsonNode node, Class<T> type) throws RestClientException {
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new RestClientException(
                    "The JobManager at "
                            + address.getAuthority()
                            + " answered with a "
                            + type.getSimpleName()
                            + " this client cannot read: "
                            + e.getMessage(),
                    e);
        }
    }
}
