package io.spate.client.rest;

import io.spate.annotations.Public;

/**
 * Where a savepoint request stands.
 *
 * @param operation {@code savepoint} or {@code stop}
 * @param status {@code IN_PROGRESS}, {@code COMPLETED} (with {@code path}) or {@code FAILED} (with
 *     {@code error})
 */
@Public
public record SavepointStatus(
        String requestId,
        String jobId,
        String operation,
        String status,
        String path,
        String error) {

    public boolean isDone() {
        return !"IN_PROGRESS".equals(status);
    }
}
