package io.spate.cluster.rest;

/**
 * A request the REST API refuses: the HTTP status, what is wrong, and a hint at what to do instead.
 * Answered as {@code {"error": "...", "hint": "..."}}.
 */
final class RestError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String hint;

    RestError(int status, String error, String hint) {
        super(error, null, false, false);
        this.status = status;
        this.hint = hint;
    }

    static RestError badRequest(String error, String hint) {
        return new RestError(400, error, hint);
    }

    static RestError notFound(String error, String hint) {
        return new RestError(404, error, hint);
    }

    static RestError conflict(String error, String hint) {
        return new RestError(409, error, hint);
    }

    int status() {
        return status;
    }

    String hint() {
        return hint;
    }

    RestMessages.Error body() {
        return new RestMessages.Error(getMessage(), hint);
    }
}
