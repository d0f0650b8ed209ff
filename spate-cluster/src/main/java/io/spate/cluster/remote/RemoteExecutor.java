package io.spate.cluster.remote;

import io.spate.api.common.InvalidProgramException;
import io.spate.api.connector.sink.CollectSink;
import io.spate.api.execution.ExecutionOptions;
import io.spate.api.execution.JobClient;
import io.spate.api.execution.PipelineExecutor;
import io.spate.api.execution.RestOptions;
import io.spate.api.graph.Pipeline;
import io.spate.api.graph.SinkTransformation;
import io.spate.api.graph.Transformation;
import io.spate.cluster.artifacts.ArtifactStore;
import io.spate.common.JobId;
import io.spate.common.config.Configuration;
import io.spate.common.config.Hardware;
import io.spate.common.util.SerializedValue;
import io.spate.core.plan.JobGraph;
import io.spate.core.plan.StreamPlanner;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Submits each pipeline to a remote JobManager over its REST API: plans it here (as the embedded
 * executor does), uploads the program's jar ({@link ExecutionOptions#JARS}) under its SHA-256,
 * sends the Java-serialized job graph, and answers with a {@link RemoteJobClient} for the job.
 */
public final class RemoteExecutor implements PipelineExecutor {

    @Override
    public CompletableFuture<JobClient> execute(Pipeline pipeline) {
        Configuration config = pipeline.configuration();
        RestConnection connection;
        JobGraph graph;
        byte[] serialized;
        Path jar;
        try {
            refuseCollectSinks(pipeline);
            connection = connect(config);
            graph = StreamPlanner.plan(pipeline, Hardware.availableProcessors());
            serialized = serialize(graph);
            jar = jar(config);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<String> artifact =
                jar == null ? CompletableFuture.completedFuture(null) : upload(connection, jar);
        return artifact.thenCompose(
                        artifactId -> {
                            Map<String, Object> body = new LinkedHashMap<>();
                            body.put("artifactId", artifactId);
                            body.put("jobGraph", Base64.getEncoder().encodeToString(serialized));
                            return connection.postJson("/v1/jobs", body);
                        })
                .thenApply(
                        answer ->
                                new RemoteJobClient(
                                        connection,
                                        JobId.parse(answer.get("jobId").asText()),
                                        graph.name()));
    }

    /**
     * A collect sink hands its records to the client in the JVM the job runs in, which a job on a
     * remote JobManager does not: refused before anything is uploaded, rather than failing there.
     */
    private static void refuseCollectSinks(Pipeline pipeline) {
        for (Transformation<?> t : pipeline.transformations()) {
            if (t instanceof SinkTransformation<?> sink && sink.getSink() instanceof CollectSink) {
                throw new InvalidProgramException(
                        "The job sends its results back to this program (executeAndCollect() or a"
                                + " collect sink), which only the embedded engine can do; on a"
                                + " cluster (--jobmanager) write them to a sink instead, e.g."
                                + " print() or a FileSink");
            }
        }
    }

    static RestConnection connect(Configuration config) {
        String address = config.get(ExecutionOptions.REMOTE_ADDRESS);
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException(
                    "execution.target 'remote' needs the JobManager's address: set "
                            + ExecutionOptions.REMOTE_ADDRESS.key()
                            + "=host:port (on the command line: --jobmanager host:port)");
        }
        URI uri = RestConnection.parseAddress(address);
        return new RestConnection(uri, config.get(RestOptions.TOKEN));
    }

    private static Path jar(Configuration config) {
        String jars = config.get(ExecutionOptions.JARS);
        if (jars == null || jars.isBlank()) {
            return null;
        }
        if (jars.contains(",")) {
            throw new IllegalArgumentException(
                    ExecutionOptions.JARS.key()
                            + " names several jars ("
                            + jars
                            + "); a remote job has one: bundle its dependencies into it");
        }
        Path jar = Path.of(jars.strip()).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(
                    "The jar " + jar + " (" + ExecutionOptions.JARS.key() + ") does not exist");
        }
        return jar;
    }

    private static CompletableFuture<String> upload(RestConnection connection, Path jar) {
        String id;
        try {
            id = sha256(jar);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(
                    new UncheckedIOException("Cannot read the jar " + jar + ": " + e, e));
        }
        return connection.putFile("/v1/artifacts/" + id, jar).thenApply(answer -> id);
    }

    /** The SHA-256 of a file's bytes, in lower-case hex: its id in the JobManager's store. */
    static String sha256(Path file) throws IOException {
        MessageDigest sha = ArtifactStore.sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static byte[] serialize(JobGraph graph) {
        try {
            return SerializedValue.toBytes(graph);
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException(
                    "Cannot send job '"
                            + graph.name()
                            + "' to a remote JobManager: "
                            + e.getMessage()
                            + " is not serializable (functions and what they hold must be)",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serialize job '" + graph.name() + "': " + e, e);
        }
    }
}
