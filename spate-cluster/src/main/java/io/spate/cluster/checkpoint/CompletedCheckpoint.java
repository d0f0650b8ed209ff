package io.spate.cluster.checkpoint;

import io.spate.core.checkpoint.CheckpointMetadata;
import java.nio.file.Path;

/** A checkpoint or savepoint whose metadata was written: a point the job can restart from. */
public record CompletedCheckpoint(Path directory, CheckpointMetadata metadata) {

    public long id() {
        return metadata.checkpointId().value();
    }

    public boolean isSavepoint() {
        return metadata.savepoint();
    }
}
