package io.spate.cluster.artifacts;

/** A jar the {@link ArtifactStore} refuses to keep; nothing of it was stored. */
public final class ArtifactRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the jar was refused. */
    public enum Reason {
        /** The id is not 64 lower-case hex digits. */
        BAD_ID,
        /** The bytes' SHA-256 is not the id they were sent under. */
        CHECKSUM_MISMATCH,
        /** The jar is larger than {@link ArtifactOptions#MAX_SIZE}. */
        TOO_LARGE
    }

    private final Reason reason;

    ArtifactRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
