package io.spate.client.rest;

import io.spate.annotations.Public;

/**
 * The JobManager refused a request: its HTTP status, its error message and, when it gave one, a
 * hint at what to do instead. Statuses: 400 bad input, 401 a bearer token is missing or wrong, 404
 * unknown job or request, 409 the job is not in a state for the request, 413 body too large, 500
 * and 503 trouble on the JobManager's side.
 */
@Public
public final class RestApiException extends RestClientException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;
    private final String hint;

    public RestApiException(int status, String error, String hint) {
        super(error + (hint == null || hint.isBlank() ? "" : " (" + hint + ")"));
        this.status = status;
        this.error = error;
        this.hint = hint;
    }

    public int status() {
        return status;
    }

    /** What is wrong, as the JobManager said it. */
    public String error() {
        return error;
    }

    /** What to do about it, or null. */
    public String hint() {
        return hint;
    }
}
