package io.spate.cluster.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.spate.api.execution.JobStatus;
import io.spate.cluster.gateway.DispatcherGateway;
import io.spate.cluster.messages.JobInfo;
import io.spate.cluster.rest.SavepointRequests.Operation;
import io.spate.common.JobId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The job endpoints of REST API version 1, answered through the Dispatcher's gateway. Every handler
 * returns at once: answers that take time arrive through futures, which never run Dispatcher code
 * on a request thread.
 *
 * <pre>
 * GET  /v1/jobs                               the jobs: id, name, status, start time
 * GET  /v1/jobs/{jobId}                       one job: status, attempt, parallelism, failures,
 *                                             latest completed checkpoint; once ended,
 *                                             its outcome (runtime, counters, failure)
 * GET  /v1/jobs/{jobId}/metrics               records in and out so far, elapsed time
 * POST /v1/jobs/{jobId}/cancel                starts cancelling (202)
 * POST /v1/jobs/{jobId}/savepoints            {"targetDirectory": ...}, optional: starts a
 *                                             savepoint (202 with a request id)
 * POST /v1/jobs/{jobId}/stop                  the same, and stops the job after the savepoint
 * GET  /v1/jobs/{jobId}/savepoints/{request}  IN_PROGRESS, COMPLETED (path) or FAILED (error);
 *                                             ?wait=s (at most 20) answers as soon as it is done
 * </pre>
 */
final class JobRoutes {
    /** The longest a request may wait for a savepoint before it is answered IN_PROGRESS. */
    static final int MAX_WAIT_SECONDS = 20;

    /**
     * How long the details of an ended job wait for its result before they are answered without.
     */
    private static final int RESULT_TIMEOUT_SECONDS = 5;

    private static final String LIST_HINT = "GET /v1/jobs lists the jobs this JobManager knows";

    private final DispatcherGateway dispatcher;
    private final SavepointRequests savepoints;
    private final ObjectMapper json;

    JobRoutes(DispatcherGateway dispatcher, SavepointRequests savepoints, ObjectMapper json) {
        this.dispatcher = dispatcher;
        this.savepoints = savepoints;
        this.json = json;
    }

    void register(RoutesConfig routes) {
        routes.get("/v1/jobs", this::list);
        routes.get("/v1/jobs/{jobId}", this::job);
        routes.get("/v1/jobs/{jobId}/metrics", this::metrics);
        routes.post("/v1/jobs/{jobId}/cancel", this::cancel);
        routes.post("/v1/jobs/{jobId}/savepoints", ctx -> savepoint(ctx, Operation.SAVEPOINT));
        routes.post("/v1/jobs/{jobId}/stop", ctx -> savepoint(ctx, Operation.STOP));
        routes.get("/v1/jobs/{jobId}/savepoints/{requestId}", this::savepointStatus);
    }

    private void list(Context ctx) {
        answer(
                ctx,
                dispatcher
                        .listJobs()
                        .thenApply(
                                jobs ->
                                        new RestMessages.JobList(
                                                jobs.stream()
                                                        .map(RestMessages.JobLine::of)
                                                        .toList())));
    }

    private void job(Context ctx) {
        JobId id = jobId(ctx);
        answer(
                ctx,
                dispatcher
                        .requestJobInfo(id)
                        .thenCompose(
                                info ->
                                        info.status().isTerminal()
                                                ? dispatcher
                                                        .requestJobResult(id)
                                                        // The result of an ended job is there at
                                                        // once; never hold a request for it.
                                                        .completeOnTimeout(
                                                                null,
                                                                RESULT_TIMEOUT_SECONDS,
                                                                TimeUnit.SECONDS)
                                                        .thenApply(
                                                                r -> RestMessages.Job.of(info, r))
                                                : CompletableFuture.completedFuture(
                                                        RestMessages.Job.of(info))));
    }

    private void metrics(Context ctx) {
        answer(
                ctx,
                dispatcher
                        .requestJobMetrics(jobId(ctx))
                        .thenApply(
                                m ->
                                        new RestMessages.Metrics(
                                                m.getStatus().name(),
                                                m.getRecordsIn(),
                                                m.getRecordsOut(),
                                                m.getElapsed() == null
                                                        ? 0
                                                        : m.getElapsed().toMillis())));
    }

    private void cancel(Context ctx) {
        JobId id = jobId(ctx);
        answer(
                ctx,
                dispatcher
                        .requestJobStatus(id)
                        .thenCompose(
                                status -> {
                                    if (status.isTerminal()) {
                                        throw RestError.conflict(
                                                "Job " + id + " is " + status + "; it has ended",
                                                "only a job that has not ended can be cancelled");
                                    }
                                    return dispatcher.cancelJob(id);
                                })
                        .thenApply(
                                v -> {
                                    ctx.status(202);
                                    return new RestMessages.CancelAccepted(
                                            id.toString(), JobStatus.CANCELLING.name());
                                }));
    }

    private void savepoint(Context ctx, Operation operation) {
        JobId id = jobId(ctx);
        RestMessages.SavepointRequest body = savepointRequest(ctx);
        String target = body.targetDirectory() == null ? null : body.targetDirectory().strip();
        if (target != null) {
            checkDirectory(target);
        }
        answer(
                ctx,
                dispatcher
                        .requestJobInfo(id)
                        .thenCompose(info -> start(id, info, target, operation))
                        .thenApply(
                                request -> {
                                    ctx.status(202);
                                    ctx.header(
                                            "Location",
                                            "/v1/jobs/" + id + "/savepoints/" + request.id);
                                    return request.status();
                                }));
    }

    private CompletableFuture<SavepointRequests.Request> start(
            JobId id, JobInfo info, String target, Operation operation) {
        if (info.status() != JobStatus.RUNNING) {
            throw RestError.conflict(
                    "Job " + id + " is " + info.status() + "; savepoints need a running job",
                    info.status().isTerminal()
                            ? "a job that has ended can be started again from its latest savepoint"
                                    + " or retained checkpoint (spate run --from-savepoint)"
                            : "try again once the job is RUNNING");
        }
        String directory = target != null ? target : info.savepointDirectory();
        if (directory == null) {
            throw RestError.badRequest(
                    "No target directory given, and job " + id + " has no state.savepoints.dir",
                    "give one: {\"targetDirectory\": \"/path/to/savepoints\"}; on the command"
                            + " line 'spate savepoint <job> <dir>' or 'spate stop <job>"
                            + " --savepoint-path <dir>'; or start the job with -D"
                            + " state.savepoints.dir=<dir>");
        }
        CompletableFuture<String> result =
                operation == Operation.STOP
                        ? dispatcher.stopWithSavepoint(id, directory)
                        : dispatcher.triggerSavepoint(id, directory);
        return CompletableFuture.completedFuture(savepoints.add(id, operation, result));
    }

    private void savepointStatus(Context ctx) {
        JobId id = jobId(ctx);
        String requestId = ctx.pathParam("requestId");
        int wait = waitSeconds(ctx);
        SavepointRequests.Request request = savepoints.get(id, requestId);
        if (request == null) {
            throw RestError.notFound(
                    "No savepoint request '" + requestId + "' for job " + id,
                    "request ids are answered by POST /v1/jobs/"
                            + id
                            + "/savepoints or /stop; the results of old requests are forgotten"
                            + " after "
                            + SavepointRequests.MAX_KEPT
                            + " newer ones");
        }
        CompletableFuture<String> done =
                wait == 0
                        ? CompletableFuture.completedFuture(null)
                        : request.result
                                .handle((path, failure) -> (String) null)
                                .completeOnTimeout(null, wait, TimeUnit.SECONDS);
        answer(
                ctx,
                done.thenApply(
                        v -> {
                            RestMessages.SavepointStatus status = request.status();
                            savepoints.resultRead();
                            return status;
                        }));
    }

    // ------------------------------------------------------------------ request parts

    private static JobId jobId(Context ctx) {
        String text = ctx.pathParam("jobId");
        try {
            return JobId.parse(text);
        } catch (IllegalArgumentException e) {
            throw RestError.badRequest(e.getMessage(), "job ids have 32 hex digits; " + LIST_HINT);
        }
    }

    private static int waitSeconds(Context ctx) {
        String text = ctx.queryParam("wait");
        if (text == null) {
            return 0;
        }
        try {
            int seconds = Integer.parseInt(text.strip());
            if (seconds >= 0 && seconds <= MAX_WAIT_SECONDS) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw RestError.badRequest(
                "Query parameter 'wait' must be whole seconds from 0 to "
                        + MAX_WAIT_SECONDS
                        + ", was '"
                        + text
                        + "'",
                "ask again for longer waits");
    }

    private RestMessages.SavepointRequest savepointRequest(Context ctx) {
        byte[] bytes = ctx.bodyAsBytes();
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            return new RestMessages.SavepointRequest(null);
        }
        try {
            RestMessages.SavepointRequest body =
                    json.readValue(bytes, RestMessages.SavepointRequest.class);
            return body == null ? new RestMessages.SavepointRequest(null) : body;
        } catch (UnrecognizedPropertyException e) {
            throw RestError.badRequest(
                    "Unknown field '" + e.getPropertyName() + "' in the request body",
                    "the body may have one field: {\"targetDirectory\": \"/path\"}");
        } catch (JsonProcessingException e) {
            String where =
                    e.getLocation() == null
                            ? ""
                            : " at line "
                                    + e.getLocation().getLineNr()
                                    + ", column "
                                    + e.getLocation().getColumnNr();
            throw RestError.badRequest(
                    "The request body is not a savepoint request"
                            + where
                            + ": "
                            + e.getOriginalMessage(),
                    "send {\"targetDirectory\": \"/path\"}, or no body for the job's"
                            + " state.savepoints.dir");
        } catch (IOException e) {
            throw RestError.badRequest("Cannot read the request body: " + e.getMessage(), null);
        }
    }

    private static void checkDirectory(String target) {
        Path path;
        try {
            path = Path.of(target);
        } catch (InvalidPathException e) {
            throw RestError.badRequest(
                    "targetDirectory '" + target + "' is not a path: " + e.getMessage(), null);
        }
        if (target.isEmpty() || !path.isAbsolute()) {
            throw RestError.badRequest(
                    "targetDirectory '" + target + "' is not an absolute path",
                    "the JobManager resolves no relative paths; give the full path");
        }
    }

    // ------------------------------------------------------------------ answers

    /** Answers with the future's value as JSON, or with the error it failed with. */
    private void answer(Context ctx, CompletableFuture<?> value) {
        ctx.future(
                () ->
                        value.handle(
                                (v, failure) -> {
                                    if (failure != null) {
                                        RestServer.writeError(ctx, json, failure);
                                    } else {
                                        RestServer.writeJson(ctx, json, v);
                                    }
                                    return null;
                                }));
    }

    static String listHint() {
        return LIST_HINT;
    }
}
