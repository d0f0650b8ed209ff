package io.spate.client.rest;

import io.spate.annotations.Public;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;

/** Nothing answered at the address: no JobManager runs there, or it stopped. */
@Public
public final class JobManagerUnreachableException extends RestClientException {
    private static final long serialVersionUID = 1L;

    private final URI address;
    private final String reason;

    public JobManagerUnreachableException(URI address, Throwable cause) {
        this(address, reason(cause), cause);
    }

    private JobManagerUnreachableException(URI address, String reason, Throwable cause) {
        super(
                "No Spate JobManager answers at " + address.getAuthority() + " (" + reason + ")",
                cause);
        this.address = address;
        this.reason = reason;
    }

    private static String reason(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return "connection timed out";
        }
        if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
            return cause.getMessage();
        }
        return cause instanceof ConnectException
                ? "connection refused"
                : cause.getClass().getSimpleName();
    }

    /** Why, in a few words: {@code connection refused}, {@code connection timed out}, ... */
    public String reason() {
        return reason;
    }

    /** The base address that was tried. */
    public URI address() {
        return address;
    }
}
