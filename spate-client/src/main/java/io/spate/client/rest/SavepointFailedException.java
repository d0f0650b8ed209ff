package io.spate.client.rest;

import io.spate.annotations.Public;

/** A savepoint (or stop-with-savepoint) was started but failed; the message is the JobManager's. */
@Public
public final class SavepointFailedException extends RestClientException {
    private static final long serialVersionUID = 1L;

    public SavepointFailedException(String message) {
        super(message);
    }
}
