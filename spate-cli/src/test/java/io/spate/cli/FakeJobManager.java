package io.spate.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.spate.annotations.SuppressForbidden;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A JobManager's REST API as a script, on loopback: answers {@code "GET /v1/jobs"} and the like
 * with what the test set, 404 with a JSON error otherwise, and records every request.
 */
@SuppressForbidden(
        reason =
                "com.sun.net.httpserver is the JDK's supported, exported HTTP server (module"
                        + " jdk.httpserver): all a scripted JobManager needs")
final class FakeJobManager implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, String[]> answers = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    FakeJobManager() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    /** {@code 127.0.0.1:<port>}, as {@code --jobmanager} takes it. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code request} ({@code "GET /v1/jobs"}) with a status and a JSON body. */
    FakeJobManager on(String request, int status, String json) {
        answers.put(request, new String[] {Integer.toString(status), json});
        return this;
    }

    /** {@code "POST /v1/jobs/.../stop auth=Bearer x {body}"} for every request, in order. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String request = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        requests.add(
                request
                        + " auth="
                        + exchange.getRequestHeaders().getFirst("Authorization")
                        + (body.isEmpty() ? "" : " " + body));
        String[] a =
                answers.getOrDefault(
                        request,
                        new String[] {"404", "{\"error\":\"No endpoint " + request + "\"}"});
        byte[] bytes = a[1].getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(Integer.parseInt(a[0]), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
