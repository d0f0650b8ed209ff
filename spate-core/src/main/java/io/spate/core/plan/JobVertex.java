package io.spate.core.plan;

import io.spate.annotations.Internal;
import java.io.Serializable;
import java.util.List;

/**
 * A fused chain of operators that runs as one tasklet per subtask. Operator 0 is the head: a
 * source, or the operator that receives the vertex's input edges.
 */
@Internal
public final class JobVertex implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int id;
    private final int parallelism;
    private final int maxParallelism;
    private final List<ChainedOperator> operators;
    private final List<Integer> inputEdges;

    public JobVertex(
            int id,
            int parallelism,
            int maxParallelism,
            List<ChainedOperator> operators,
            List<Integer> inputEdges) {
        this.id = id;
        this.parallelism = parallelism;
        this.maxParallelism = maxParallelism;
        this.operators = List.copyOf(operators);
        this.inputEdges = List.copyOf(inputEdges);
    }

    public int id() {
        return id;
    }

    /** The names of the chained operators, joined by arrows. */
    public String name() {
        StringBuilder sb = new StringBuilder();
        for (ChainedOperator op : operators) {
            sb.append(sb.length() == 0 ? "" : " -> ").append(op.name());
        }
        return sb.toString();
    }

    public int parallelism() {
        return parallelism;
    }

    public int maxParallelism() {
        return maxParallelism;
    }

    public List<ChainedOperator> operators() {
        return operators;
    }

    public ChainedOperator head() {
        return operators.get(0);
    }

    public boolean isSource() {
        return head().kind() == ChainedOperator.Kind.SOURCE;
    }

    /** Whether any operator of the chain blocks, so that the tasklet needs a thread of its own. */
    public boolean isBlocking() {
        return operators.stream().anyMatch(ChainedOperator::isBlocking);
    }

    /** Ids of the edges entering this vertex. */
    public List<Integer> inputEdges() {
        return inputEdges;
    }

    @Override
    public String toString() {
        return "JobVertex{" + id + ": " + name() + ", parallelism=" + parallelism + "}";
    }
}
