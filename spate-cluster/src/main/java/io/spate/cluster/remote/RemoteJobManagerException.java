package io.spate.cluster.remote;

/**
 * A remote JobManager refused a request (its HTTP status and what it said), or could not be reached
 * (status 0).
 */
public final class RemoteJobManagerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    RemoteJobManagerException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status of the answer, or 0 when there was none. */
    public int status() {
        return status;
    }
}
