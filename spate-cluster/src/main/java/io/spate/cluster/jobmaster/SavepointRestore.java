package io.spate.cluster.jobmaster;

import io.spate.api.execution.CheckpointingOptions;
import io.spate.cluster.checkpoint.CompletedCheckpoint;
import io.spate.core.checkpoint.CheckpointMetadata;
import io.spate.core.checkpoint.OperatorStateSnapshot;
import io.spate.core.plan.ChainedOperator;
import io.spate.core.plan.JobGraph;
import io.spate.core.plan.JobVertex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the savepoint (or retained checkpoint) a job starts from and checks that its state maps to
 * the job's operators by id: state that maps to no operator refuses the start unless the job allows
 * non-restored state; operators without a uid get a warning, since their ids change with the job's
 * code.
 */
final class SavepointRestore {
    private static final Logger LOG = LoggerFactory.getLogger(SavepointRestore.class);

    private SavepointRestore() {}

    static CompletedCheckpoint load(Path directory, JobGraph job) throws IOException {
        CheckpointMetadata metadata = CheckpointMetadata.read(directory);
        Map<String, ChainedOperator> operators = new HashMap<>();
        Map<String, JobVertex> vertexOf = new HashMap<>();
        for (JobVertex v : job.vertices()) {
            for (ChainedOperator op : v.operators()) {
                operators.put(op.operatorId(), op);
                vertexOf.put(op.operatorId(), v);
            }
        }
        boolean allowNonRestored =
                job.configuration().get(CheckpointingOptions.ALLOW_NON_RESTORED_STATE);
        List<String> unmapped = new ArrayList<>();
        for (OperatorStateSnapshot state : metadata.operators()) {
            ChainedOperator op = operators.get(state.operatorId());
            if (op == null) {
                unmapped.add(state.operatorId());
                continue;
            }
            if (op.uid() == null) {
                LOG.warn(
                        "Operator '{}' has no uid; its state from {} is matched by its position in"
                                + " the job, which changes when the job does. Give it a uid(...).",
                        op.name(),
                        directory);
            }
            JobVertex v = vertexOf.get(state.operatorId());
            if (op.isKeyed() && state.maxParallelism() != v.maxParallelism()) {
                throw new IllegalStateException(
                        "Cannot restore operator '"
                                + op.name()
                                + "' from "
                                + directory
                                + ": its keyed state has "
                                + state.maxParallelism()
                                + " key groups, the job now has "
                                + v.maxParallelism()
                                + ". Keep setMaxParallelism("
                                + state.maxParallelism()
                                + ").");
            }
        }
        if (!unmapped.isEmpty()) {
            if (!allowNonRestored) {
                throw new IllegalStateException(
                        "The savepoint "
                                + directory
                                + " holds state of operators the job does not have: "
                                + unmapped
                                + ". Give those operators the uid(...) they had, or allow dropping"
                                + " their state (--allow-non-restored-state, or "
                                + CheckpointingOptions.ALLOW_NON_RESTORED_STATE.key()
                                + "=true).");
            }
            LOG.warn("Dropping the state of operators the job no longer has: {}", unmapped);
        }
        return new CompletedCheckpoint(directory, metadata);
    }
}
