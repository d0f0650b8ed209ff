package io.spate.runtime.task;

import io.spate.annotations.Internal;
import io.spate.api.connector.source.Source;
import io.spate.api.connector.source.SourceSplit;
import io.spate.api.graph.SourceSpec;
import io.spate.core.plan.JobVertex;
import java.util.ArrayList;
import java.util.List;

/**
 * Divides a source's input among the subtasks of its vertex: {@link Source#createSplits} is asked
 * once, with the vertex's parallelism, and split i goes to subtask i mod parallelism.
 */
@Internal
public final class SplitAssignment {
    private SplitAssignment() {}

    /**
     * The splits of each subtask of a source vertex, by subtask index.
     *
     * @throws Exception what the source throws while dividing its input
     */
    @SuppressWarnings("unchecked")
    public static List<List<SourceSplit>> assign(JobVertex vertex, ClassLoader userClassLoader)
            throws Exception {
        if (!vertex.isSource()) {
            throw new IllegalArgumentException(vertex + " is not a source");
        }
        SourceSpec<?> spec = (SourceSpec<?>) vertex.head().userCode().deserialize(userClassLoader);
        Source<?, SourceSplit> source = (Source<?, SourceSplit>) spec.source();
        List<? extends SourceSplit> all = source.createSplits(vertex.parallelism());
        List<List<SourceSplit>> perSubtask = new ArrayList<>(vertex.parallelism());
        for (int i = 0; i < vertex.parallelism(); i++) {
            perSubtask.add(new ArrayList<>());
        }
        for (int i = 0; i < all.size(); i++) {
            perSubtask.get(i % vertex.parallelism()).add(all.get(i));
        }
        return perSubtask;
    }
}
