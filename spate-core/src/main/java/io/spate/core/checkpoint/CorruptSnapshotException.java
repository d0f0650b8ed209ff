package io.spate.core.checkpoint;

import io.spate.annotations.Internal;
import java.io.IOException;
import java.nio.file.Path;

/** A snapshot file is unusable: truncated, of another format, or its checksum does not match. */
@Internal
public final class CorruptSnapshotException extends IOException {
    private static final long serialVersionUID = 1L;

    private final Path file;

    public CorruptSnapshotException(Path file, String what) {
        super("Snapshot file " + file + " is unusable: " + what);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
