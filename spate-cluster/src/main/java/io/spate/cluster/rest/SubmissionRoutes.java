package io.spate.cluster.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.spate.cluster.jobmaster.JobSubmissions;
import io.spate.common.JobId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

/**
 * The endpoints through which other processes submit jobs (ADR 0006):
 *
 * <pre>
 * PUT  /v1/artifacts/{sha256}   body: the jar's bytes; stored under their SHA-256   201
 * POST /v1/jobs                 {"artifactId": sha256 or null, "jobGraph": base64}   202 + job id
 * </pre>
 *
 * <p>The jar is streamed to disk while it is hashed (at most {@code rest.max-artifact-size}); the
 * submission's body is at most {@link #MAX_SUBMISSION_BYTES}. Both are read on the request thread.
 */
final class SubmissionRoutes {
    /** The largest body of {@code POST /v1/jobs}: a job graph with its serialized functions. */
    static final int MAX_SUBMISSION_BYTES = 64 * 1024 * 1024;

    private final JobSubmissions submissions;
    private final ObjectMapper json;

    SubmissionRoutes(JobSubmissions submissions, ObjectMapper json) {
        this.submissions = submissions;
        this.json = json;
    }

    void register(RoutesConfig routes) {
        routes.put("/v1/artifacts/{artifactId}", this::putArtifact);
        routes.post("/v1/jobs", this::submit);
    }

    /**
     * The largest body accepted on {@code method path}, or -1 when these routes do not serve it.
     */
    long maxBodyBytes(String method, String path) {
        if ("PUT".equals(method) && path.startsWith("/v1/artifacts/")) {
            return submissions.maxArtifactSize();
        }
        if ("POST".equals(method) && (path.equals("/v1/jobs") || path.equals("/v1/jobs/"))) {
            return MAX_SUBMISSION_BYTES;
        }
        return -1;
    }

    private void putArtifact(Context ctx) throws IOException {
        String id = ctx.pathParam("artifactId");
        try (InputStream body = ctx.bodyInputStream()) {
            submissions.putArtifact(id, body);
        }
        ctx.status(201);
        RestServer.writeJson(ctx, json, new RestMessages.ArtifactStored(id));
    }

    private void submit(Context ctx) throws IOException {
        RestMessages.JobSubmission body = submission(ctx);
        if (body.jobGraph() == null || body.jobGraph().isBlank()) {
            throw RestError.badRequest(
                    "The request has no jobGraph",
                    "send {\"artifactId\": <sha256 or null>, \"jobGraph\": <base64 of the"
                            + " Java-serialized JobGraph>}");
        }
        byte[] graph;
        try {
            graph = Base64.getDecoder().decode(body.jobGraph().strip());
        } catch (IllegalArgumentException e) {
            throw RestError.badRequest("jobGraph is not base64: " + e.getMessage(), null);
        }
        // Reading the graph happens here, on the request thread; a refusal is thrown at once.
        CompletableFuture<JobId> submitted = submissions.submit(body.artifactId(), graph);
        ctx.future(
                () ->
                        submitted.handle(
                                (jobId, failure) -> {
                                    if (failure != null) {
                                        RestServer.writeError(ctx, json, failure);
                                    } else {
                                        ctx.status(202);
                                        RestServer.writeJson(
                                                ctx,
                                                json,
                                                new RestMessages.JobSubmitted(jobId.toString()));
                                    }
                                    return null;
                                }));
    }

    private RestMessages.JobSubmission submission(Context ctx) throws IOException {
        byte[] bytes = readBounded(ctx.bodyInputStream(), MAX_SUBMISSION_BYTES);
        try {
            RestMessages.JobSubmission body =
                    json.readValue(bytes, RestMessages.JobSubmission.class);
            if (body == null) {
                throw RestError.badRequest("The request body is empty", null);
            }
            return body;
        } catch (UnrecognizedPropertyException e) {
            throw RestError.badRequest(
                    "Unknown field '" + e.getPropertyName() + "' in the request body",
                    "the body has two fields: artifactId and jobGraph");
        } catch (JsonProcessingException e) {
            throw RestError.badRequest(
                    "The request body is not a job submission: " + e.getOriginalMessage(),
                    "send {\"artifactId\": <sha256 or null>, \"jobGraph\": <base64>}");
        }
    }

    private static byte[] readBounded(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            if (out.size() + (long) n > max) {
                throw new RestError(413, "The request body is larger than " + max + " bytes", null);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
