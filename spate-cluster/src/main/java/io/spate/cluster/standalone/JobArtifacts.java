package io.spate.cluster.standalone;

import io.spate.api.connector.source.SourceSplit;
import io.spate.common.JobId;
import io.spate.common.util.SerializedValue;
import io.spate.core.plan.JobGraph;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What the JobManager ships to TaskManagers with a job's subtasks: the job graph (with the user's
 * functions in it) and its source splits as bytes, and the id of the job's jar, which TaskManagers
 * fetch to load the job's classes. The graph's bytes are made once per job and kept until {@link
 * #release}.
 *
 * <p>The bytes are Java serialization: the user's functions are Java objects that only the job's
 * own classes can rebuild. They come only from the JobManager a TaskManager registered with (over
 * the handshake, with the cluster's token when one is set), are read only with the job's class
 * loader, with the limits of {@link io.spate.cluster.jobmaster.JobGraphReader}; see ADR 0011.
 */
public final class JobArtifacts {

    private final Function<JobId, String> artifactIds;
    private final Function<String, Path> artifactFiles;
    private final ConcurrentHashMap<JobId, byte[]> graphs = new ConcurrentHashMap<>();

    /**
     * @param artifactIds the id (SHA-256) of each job's jar, or null for a job without one
     * @param artifactFiles where the jar of an id is on this machine, or null when unknown
     */
    public JobArtifacts(Function<JobId, String> artifactIds, Function<String, Path> artifactFiles) {
        this.artifactIds = artifactIds;
        this.artifactFiles = artifactFiles;
    }

    /** No jars: every job's classes are on the processes' class path. */
    public static JobArtifacts withoutJars() {
        return new JobArtifacts(id -> null, id -> null);
    }

    String artifactIdOf(JobId jobId) {
        return artifactIds.apply(jobId);
    }

    /** The jar with this id, or null when the JobManager has none. */
    Path artifactFile(String artifactId) {
        return artifactFiles.apply(artifactId);
    }

    byte[] jobGraphBytes(JobId jobId, JobGraph graph) {
        return graphs.computeIfAbsent(jobId, id -> serialize(graph, "the job graph of " + id));
    }

    /** Forgets what was kept for a job that ended. */
    public void release(JobId jobId) {
        graphs.remove(jobId);
    }

    static byte[] serializeSplits(List<? extends SourceSplit> splits) {
        return serialize(new ArrayList<>(splits), "source splits");
    }

    static byte[] serialize(Object value, String what) {
        try {
            return SerializedValue.toBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Could not serialize " + what + " for a TaskManager: " + e, e);
        }
    }
}
