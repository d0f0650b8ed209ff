package io.spate.core.plan;

import io.spate.annotations.Internal;
import io.spate.api.common.ExecutionConfig;
import io.spate.common.config.Configuration;
import java.io.Serializable;
import java.util.List;

/**
 * The physical plan of a job: vertices (fused chains) in topological order and the exchanges
 * between them. Built by {@link StreamPlanner}; run by the runtime.
 */
@Internal
public final class JobGraph implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final List<JobVertex> vertices;
    private final List<JobEdge> edges;
    private final ExecutionConfig executionConfig;
    private final Configuration configuration;

    public JobGraph(
            String name,
            List<JobVertex> vertices,
            List<JobEdge> edges,
            ExecutionConfig executionConfig,
            Configuration configuration) {
        this.name = name;
        this.vertices = List.copyOf(vertices);
        this.edges = List.copyOf(edges);
        this.executionConfig = executionConfig;
        this.configuration = configuration;
    }

    public String name() {
        return name;
    }

    /** In topological order: every vertex comes after the vertices it reads from. */
    public List<JobVertex> vertices() {
        return vertices;
    }

    public JobVertex vertex(int id) {
        return vertices.stream()
                .filter(v -> v.id() == id)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no vertex " + id));
    }

    public List<JobEdge> edges() {
        return edges;
    }

    public JobEdge edge(int id) {
        return edges.get(id);
    }

    public ExecutionConfig executionConfig() {
        return executionConfig;
    }

    public Configuration configuration() {
        return configuration;
    }

    /** The largest parallelism of any vertex: the number of slots the job needs. */
    public int maxVertexParallelism() {
        return vertices.stream().mapToInt(JobVertex::parallelism).max().orElse(0);
    }

    /** A multi-line description, for logs and the {@code explain} output. */
    public String describe() {
        StringBuilder sb = new StringBuilder("Job '").append(name).append("'\n");
        for (JobVertex v : vertices) {
            sb.append("  [")
                    .append(v.id())
                    .append("] ")
                    .append(v.name())
                    .append("  (parallelism ")
                    .append(v.parallelism())
                    .append(v.isBlocking() ? ", own threads" : "")
                    .append(")\n");
            for (JobEdge e : edges) {
                if (e.sourceVertex() == v.id()) {
                    sb.append("      --")
                            .append(e.partitioning().kind())
                            .append("--> [")
                            .append(e.targetVertex())
                            .append("]\n");
                }
            }
        }
        return sb.toString();
    }
}
