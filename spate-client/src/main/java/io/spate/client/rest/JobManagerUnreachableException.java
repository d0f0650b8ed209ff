package io.spate.client.rest;

import io.spate.annotations.Public;
import java.net.URI;

/** Nothing answered at the address: no JobManager runs there, or it stopped. */
@Public
public final class JobManagerUnreachableException extends RestClientException {
    private static final long serialVersionUID = 1L;

    private final URI address;

    public JobManagerUnreachableException(URI address, Throwable cause) {
        super(
                "No Spate JobManager answers at "
                        + address.getAuthority()
                        + " ("
                        + (cause.getMessage() == null
                                ? cause.getClass().getSimpleName()
                                : cause.getMessage())
                        + ")",
                cause);
        this.address = address;
    }

    /** The base address that was tried. */
    public URI address() {
        return address;
    }
}
