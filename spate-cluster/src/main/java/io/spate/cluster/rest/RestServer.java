package io.spate.cluster.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.spate.api.execution.RestOptions;
import io.spate.cluster.artifacts.ArtifactOptions;
import io.spate.cluster.artifacts.ArtifactRejectedException;
import io.spate.cluster.gateway.DispatcherGateway;
import io.spate.cluster.gateway.UnknownJobException;
import io.spate.cluster.jobmaster.JobSubmissionException;
import io.spate.cluster.jobmaster.JobSubmissions;
import io.spate.common.config.Configuration;
import io.spate.common.time.Clock;
import java.net.BindException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JobManager's REST API (ADR 0006): HTTP with JSON bodies on the Dispatcher's gateway, so that
 * other processes ({@code spate list}, {@code spate savepoint}, ...) can watch and control jobs.
 *
 * <p>Security by default (DESIGN.md §7): binds to loopback unless {@link RestOptions#ADDRESS} says
 * otherwise; with {@link RestOptions#TOKEN} set, every request needs {@code Authorization: Bearer
 * <token>} (401 otherwise, compared in constant time); request bodies are at most {@link
 * #MAX_REQUEST_BYTES} (jars and job graphs excepted, see {@link SubmissionRoutes}). Every error is
 * answered as {@code {"error": "...", "hint": "..."}} with its status: 400 bad input, 401, 404
 * unknown job or path, 405, 409 the job is not in a state for the request, 413, 500, 503.
 *
 * <p>Threads: a small pool of daemon threads named {@code spate-rest-*} serves requests; handlers
 * never block on the JobManager. {@link #close()} is called once, by whoever started the server.
 */
public final class RestServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);

    /** The largest request body accepted. */
    public static final int MAX_REQUEST_BYTES = 16 * 1024;

    private static final int MAX_THREADS = 8;
    private static final long STOP_TIMEOUT_MILLIS = 2_000;

    private final Javalin app;
    private final URI address;
    private final SavepointRequests savepoints;
    private final Duration shutdownTimeout;

    private RestServer(
            Javalin app, URI address, SavepointRequests savepoints, Duration shutdownTimeout) {
        this.app = app;
        this.address = address;
        this.savepoints = savepoints;
        this.shutdownTimeout = shutdownTimeout;
    }

    /**
     * Starts serving {@code dispatcher} as the {@code rest.*} options of {@code config} say: on the
     * first free port of {@link RestOptions#PORT}.
     *
     * @throws IllegalArgumentException when an option is invalid
     * @throws IllegalStateException when no port of the range is free
     */
    public static RestServer start(
            DispatcherGateway dispatcher, Configuration config, Clock clock) {
        return start(dispatcher, null, config, clock);
    }

    /**
     * Starts serving {@code dispatcher}, and with {@code submissions} (may be null) also the
     * endpoints that accept jobs from other processes: {@code PUT /v1/artifacts/{sha256}} and
     * {@code POST /v1/jobs}.
     *
     * @throws IllegalArgumentException when an option is invalid
     * @throws IllegalStateException when no port of the range is free
     */
    public static RestServer start(
            DispatcherGateway dispatcher,
            JobSubmissions submissions,
            Configuration config,
            Clock clock) {
        Objects.requireNonNull(dispatcher, "dispatcher");
        String host = config.get(RestOptions.ADDRESS).strip();
        if (host.isEmpty()) {
            throw new IllegalArgumentException(
                    "Option '" + RestOptions.ADDRESS.key() + "' is empty; give an address to bind");
        }
        PortRange ports = PortRange.parse(config.get(RestOptions.PORT));
        String token = config.get(RestOptions.TOKEN);
        if (token != null && token.isBlank()) {
            throw new IllegalArgumentException(
                    "Option '"
                            + RestOptions.TOKEN.key()
                            + "' is blank; set a token, or leave the option out");
        }
        if (token == null && !isLoopback(host)) {
            LOG.warn(
                    "The REST API binds to {}, which other machines may reach, and requires no"
                            + " token: whoever reaches it can cancel and stop jobs; set {}",
                    host,
                    RestOptions.TOKEN.key());
        }
        SavepointRequests savepoints = new SavepointRequests(clock);
        ObjectMapper json = new ObjectMapper();
        JobRoutes routes = new JobRoutes(dispatcher, savepoints, json);
        SubmissionRoutes submissionRoutes =
                submissions == null ? null : new SubmissionRoutes(submissions, json);
        BindException lastBindFailure = null;
        for (int port = ports.first(); port <= ports.last(); port++) {
            Javalin app = create(host, port, token, routes, submissionRoutes, json);
            try {
                app.start();
            } catch (RuntimeException e) {
                app.stop();
                BindException bind = find(e, BindException.class);
                if (bind == null) {
                    throw new IllegalStateException(
                            "Cannot start the REST API on " + host + ":" + port + ": " + e, e);
                }
                lastBindFailure = bind;
                continue;
            }
            URI address = URI.create("http://" + hostForUri(host) + ":" + app.port());
            LOG.info("REST API on {}", address);
            return new RestServer(
                    app, address, savepoints, config.get(RestOptions.SHUTDOWN_TIMEOUT));
        }
        throw new IllegalStateException(
                "Cannot start the REST API: no port of "
                        + ports
                        + " is free on "
                        + host
                        + " ("
                        + (lastBindFailure == null ? "" : lastBindFailure.getMessage())
                        + "); choose others with -D "
                        + RestOptions.PORT.key()
                        + "=<port or range>, or 0 for any free port",
                lastBindFailure);
    }

    private static Javalin create(
            String host,
            int port,
            String token,
            JobRoutes routes,
            SubmissionRoutes submissionRoutes,
            ObjectMapper json) {
        return Javalin.create(
                config -> {
                    config.startup.showJavalinBanner = false;
                    config.startup.showOldJavalinVersionWarning = false;
                    config.startup.startupWatcherEnabled = false;
                    config.http.maxRequestSize = MAX_REQUEST_BYTES;
                    config.http.prefer405over404 = true;
                    config.http.generateEtags = false;
                    config.router.ignoreTrailingSlashes = true;
                    QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 1);
                    threads.setName("spate-rest");
                    threads.setDaemon(true);
                    config.jetty.threadPool = threads;
                    config.jetty.addConnector(
                            (server, http) -> {
                                // One acceptor and one selector: a control API, not a data path.
                                ServerConnector connector =
                                        new ServerConnector(
                                                server, 1, 1, new HttpConnectionFactory(http));
                                connector.setHost(host);
                                connector.setPort(port);
                                return connector;
                            });
                    config.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
                    config.jetty.modifyServer(
                            server -> {
                                // In-flight answers are finished before the server stops.
                                GracefulHandler graceful = new GracefulHandler();
                                // Idle keep-alive connections need not hold up the stop.
                                graceful.setShutdownIdleTimeout(50);
                                server.setHandler(graceful);
                                server.setStopTimeout(STOP_TIMEOUT_MILLIS);
                            });
                    config.routes.before(ctx -> checkRequest(ctx, token, submissionRoutes));
                    routes.register(config.routes);
                    if (submissionRoutes != null) {
                        submissionRoutes.register(config.routes);
                    }
                    config.routes.exception(RestError.class, (e, ctx) -> writeError(ctx, json, e));
                    config.routes.exception(
                            HttpResponseException.class, (e, ctx) -> writeError(ctx, json, e));
                    config.routes.exception(Exception.class, (e, ctx) -> writeError(ctx, json, e));
                });
    }

    /** Refuses requests without the token, and bodies that are too large, before any handler. */
    private static void checkRequest(Context ctx, String token, SubmissionRoutes submissionRoutes) {
        if (token != null && !authorized(ctx.header("Authorization"), token)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"spate\"");
            throw new RestError(
                    401,
                    "Missing or wrong bearer token",
                    "this JobManager requires 'Authorization: Bearer <token>' (rest.token);"
                            + " with the command line: --token <token> or SPATE_REST_TOKEN");
        }
        long max =
                submissionRoutes == null
                        ? -1
                        : submissionRoutes.maxBodyBytes(ctx.method().name(), ctx.path());
        if (max < 0) {
            max = MAX_REQUEST_BYTES;
        }
        if (ctx.contentLength() > max) {
            throw new RestError(
                    413,
                    "The request body has "
                            + ctx.contentLength()
                            + " bytes; at most "
                            + max
                            + " are accepted",
                    max == MAX_REQUEST_BYTES
                            ? null
                            : "for jars: " + ArtifactOptions.MAX_SIZE.key());
        }
    }

    private static boolean authorized(String header, String token) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token.getBytes(StandardCharsets.UTF_8));
    }

    /** The base address clients use, e.g. {@code http://127.0.0.1:8081}. */
    public URI address() {
        return address;
    }

    /**
     * Waits (at most {@link RestOptions#SHUTDOWN_TIMEOUT}) until clients have read the results of
     * their savepoint requests, then stops, finishing answers in flight.
     */
    @Override
    public void close() {
        try {
            if (!savepoints.awaitUnreadResults(shutdownTimeout)) {
                LOG.info("REST API stops with savepoint results nobody has read");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        app.stop();
    }

    // ------------------------------------------------------------------ answers

    static void writeJson(Context ctx, ObjectMapper json, Object body) {
        try {
            ctx.contentType("application/json").result(json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a JSON answer: " + e.getMessage(), e);
        }
    }

    /** Answers a failure with its status and {@code {"error": ..., "hint": ...}}. */
    static void writeError(Context ctx, ObjectMapper json, Throwable failure) {
        Throwable e = unwrap(failure);
        RestError error;
        if (e instanceof RestError) {
            error = (RestError) e;
        } else if (e instanceof JobSubmissionException) {
            error = RestError.badRequest(e.getMessage(), null);
        } else if (e instanceof ArtifactRejectedException) {
            ArtifactRejectedException rejected = (ArtifactRejectedException) e;
            error =
                    rejected.reason() == ArtifactRejectedException.Reason.TOO_LARGE
                            ? new RestError(413, e.getMessage(), ArtifactOptions.MAX_SIZE.key())
                            : RestError.badRequest(
                                    e.getMessage(),
                                    "PUT the jar's bytes to /v1/artifacts/<SHA-256 of the bytes,"
                                            + " lower-case hex>");
        } else if (e instanceof UnknownJobException) {
            error = RestError.notFound(e.getMessage(), JobRoutes.listHint());
        } else if (e instanceof HttpResponseException) {
            error = fromJavalin((HttpResponseException) e, ctx);
        } else if (e instanceof IllegalStateException
                && String.valueOf(e.getMessage()).startsWith("The endpoint is shut down")) {
            error = new RestError(503, "The JobManager is shutting down", null);
        } else {
            LOG.warn("REST request {} {} failed", ctx.method(), ctx.path(), e);
            error =
                    new RestError(
                            500,
                            "Internal error: " + e,
                            "see the JobManager's log for the stack trace");
        }
        ctx.status(error.status());
        writeJson(ctx, json, error.body());
    }

    private static RestError fromJavalin(HttpResponseException e, Context ctx) {
        switch (e.getStatus()) {
            case 404:
                return RestError.notFound(
                        "No endpoint " + ctx.method() + " " + ctx.path(),
                        "the API's paths start with /v1/jobs; see docs/adr/0006-rest-api.md");
            case 405:
                return new RestError(
                        405,
                        "Method " + ctx.method() + " is not allowed on " + ctx.path(),
                        "see docs/adr/0006-rest-api.md for the methods of each path");
            case 413:
                return new RestError(
                        413,
                        "The request body is larger than " + MAX_REQUEST_BYTES + " bytes",
                        null);
            default:
                return new RestError(e.getStatus(), e.getMessage(), null);
        }
    }

    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException)
                && c.getCause() != null) {
            c = c.getCause();
        }
        if (c instanceof CancellationException) {
            return new IllegalStateException("The request was cancelled", c);
        }
        return c;
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false; // binding fails and says so
        }
    }

    private static String hostForUri(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
