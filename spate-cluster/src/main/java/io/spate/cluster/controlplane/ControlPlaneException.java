package io.spate.cluster.controlplane;

/** A control-plane message that cannot be read, or a peer that breaks the control protocol. */
public final class ControlPlaneException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ControlPlaneException(String message) {
        super(message);
    }

    public ControlPlaneException(String message, Throwable cause) {
        super(message, cause);
    }
}
