package io.spate.client.rest;

import io.spate.annotations.Public;

/**
 * A request to a JobManager's REST API did not succeed; the message says what and where. See the
 * subclasses for the JobManager's own refusals and for a JobManager that cannot be reached.
 */
@Public
public class RestClientException extends Exception {
    private static final long serialVersionUID = 1L;

    public RestClientException(String message) {
        super(message);
    }

    public RestClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
