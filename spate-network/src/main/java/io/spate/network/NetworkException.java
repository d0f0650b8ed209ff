package io.spate.network;

import io.spate.annotations.Public;

/**
 * A failure of the transport, with a message that names the peer or address it concerns: a port in
 * use, nothing listening, a peer of another protocol version, a wrong token, a frame that is too
 * large or not a frame at all.
 */
@Public
public final class NetworkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NetworkException(String message) {
        super(message);
    }

    public NetworkException(String message, Throwable cause) {
        super(message, cause);
    }
}
