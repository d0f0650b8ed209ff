package io.spate.cluster.jobmaster;

import io.spate.cluster.checkpoint.CompletedCheckpoint;
import io.spate.core.checkpoint.CheckpointMetadata;
import io.spate.core.checkpoint.OperatorStateSnapshot;
import io.spate.core.checkpoint.SnapshotFiles;
import io.spate.core.checkpoint.SubtaskStateHandle;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks, before a restart, that a checkpoint's metadata and every file it refers to are intact
 * (magic, version and checksum), so that recovery falls back to an earlier checkpoint instead of
 * restoring from a damaged one.
 */
final class CheckpointVerifier {
    private CheckpointVerifier() {}

    /** Null when the checkpoint is usable, otherwise what is wrong. */
    static Exception verify(CompletedCheckpoint checkpoint) {
        try {
            CheckpointMetadata metadata = CheckpointMetadata.read(checkpoint.directory());
            Set<String> files = new HashSet<>();
            for (OperatorStateSnapshot op : metadata.operators()) {
                for (SubtaskStateHandle h : op.subtasks()) {
                    if (files.add(h.file())) {
                        SnapshotFiles.read(
                                checkpoint.directory().resolve(h.file()),
                                SnapshotFiles.Kind.OPERATOR_STATE);
                    }
                }
            }
            return null;
        } catch (Exception e) {
            return e;
        }
    }
}
