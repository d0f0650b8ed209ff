package io.spate.cluster.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * HTTP with JSON to a JobManager's REST API (ADR 0006), on the JDK's client: every call answers
 * through a future with the answer's JSON, or fails with a {@link RemoteJobManagerException} that
 * says what the JobManager refused, or that nothing listens at the address.
 */
final class RestConnection {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** Uploads of large jars may take longer than a control request. */
    private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(10);

    private final URI address;
    private final String token;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    RestConnection(URI address, String token) {
        this.address = address;
        this.token = token;
        this.http =
                HttpClient.newBuilder()
                        .connectTimeout(CONNECT_TIMEOUT)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
    }

    /** Reads {@code host:port} (or {@code http://host:port}) as the API's base address. */
    static URI parseAddress(String text) {
        String s = text.strip();
        URI uri;
        try {
            uri = URI.create(s.contains("://") ? s : "http://" + s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a JobManager address; write it as host:port", e);
        }
        if (!"http".equalsIgnoreCase(uri.getScheme())
                || uri.getHost() == null
                || uri.getPort() < 1) {
            throw new IllegalArgumentException(
                    "'"
                            + text
                            + "' is not a JobManager address; write it as host:port, e.g."
                            + " 127.0.0.1:8081");
        }
        return URI.create("http://" + uri.getRawAuthority());
    }

    URI address() {
        return address;
    }

    ObjectMapper json() {
        return json;
    }

    CompletableFuture<JsonNode> get(String path) {
        return send(request(path, REQUEST_TIMEOUT).GET().build());
    }

    CompletableFuture<JsonNode> postJson(String path, Object body) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : json.writeValueAsBytes(body);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        return send(
                request(path, UPLOAD_TIMEOUT)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                        .build());
    }

    CompletableFuture<JsonNode> putFile(String path, Path file) {
        HttpRequest.BodyPublisher body;
        try {
            body = HttpRequest.BodyPublishers.ofFile(file);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        return send(
                request(path, UPLOAD_TIMEOUT)
                        .header("Content-Type", "application/java-archive")
                        .PUT(body)
                        .build());
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(address.resolve(path))
                        .timeout(timeout)
                        .header("Accept", "application/json");
        if (token != null && !token.isBlank()) {
            b.header("Authorization", "Bearer " + token.strip());
        }
        return b;
    }

    private CompletableFuture<JsonNode> send(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .handle(
                        (response, failure) -> {
                            if (failure != null) {
                                throw new CompletionException(unreachable(request, failure));
                            }
                            return answer(request, response);
                        });
    }

    private JsonNode answer(HttpRequest request, HttpResponse<byte[]> response) {
        JsonNode body;
        try {
            body = response.body().length == 0 ? null : json.readTree(response.body());
        } catch (IOException e) {
            body = null;
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return body;
        }
        String error = body != null && body.hasNonNull("error") ? body.get("error").asText() : null;
        String hint = body != null && body.hasNonNull("hint") ? body.get("hint").asText() : null;
        throw new RemoteJobManagerException(
                status,
                "The JobManager at "
                        + address.getRawAuthority()
                        + " refused "
                        + request.method()
                        + " "
                        + request.uri().getRawPath()
                        + " ("
                        + status
                        + "): "
                        + (error != null ? error : "no reason given")
                        + (hint != null ? "; " + hint : ""));
    }

    private RemoteJobManagerException unreachable(HttpRequest request, Throwable failure) {
        Throwable c = failure;
        while (c instanceof CompletionException && c.getCause() != null) {
            c = c.getCause();
        }
        String authority = address.getRawAuthority();
        if (c instanceof HttpConnectTimeoutException || c instanceof ConnectException) {
            return new RemoteJobManagerException(
                    0,
                    "No JobManager answers at "
                            + authority
                            + " ("
                            + (c instanceof HttpConnectTimeoutException
                                    ? "connecting timed out"
                                    : "connection refused")
                            + "); check the address (--jobmanager or execution.remote.address)"
                            + " and that the JobManager runs");
        }
        return new RemoteJobManagerException(
                0,
                "Cannot reach the JobManager at "
                        + authority
                        + " ("
                        + request.method()
                        + " "
                        + request.uri().getRawPath()
                        + "): "
                        + c);
    }
}
