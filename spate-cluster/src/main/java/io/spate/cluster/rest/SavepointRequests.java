package io.spate.cluster.rest;

import io.spate.common.JobId;
import io.spate.common.time.Clock;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * The savepoint requests the REST API accepted ({@code POST .../savepoints}, {@code POST
 * .../stop}): each runs asynchronously and is asked about by its id until its result is read.
 *
 * <p>At most {@link #MAX_KEPT} requests are kept; the oldest finished ones are forgotten first.
 * When the server stops, {@link #awaitUnreadResults} gives clients a bounded time to read results
 * they have not read yet — the path of a stop-with-savepoint arrives just as its job ends, which is
 * when an embedded JobManager shuts down.
 *
 * <p>Thread-safe: called from the server's request threads and from the threads that complete
 * savepoints.
 */
final class SavepointRequests {
    static final int MAX_KEPT = 1000;

    enum Operation {
        SAVEPOINT,
        STOP
    }

    /** One request; {@code read} once its finished result went out in a response. */
    static final class Request {
        final String id;
        final JobId jobId;
        final Operation operation;
        final CompletableFuture<String> result;
        volatile boolean resultRead;

        Request(String id, JobId jobId, Operation operation, CompletableFuture<String> result) {
            this.id = id;
            this.jobId = jobId;
            this.operation = operation;
            this.result = result;
        }

        /** The request as the API shows it; marks a finished result as read. */
        RestMessages.SavepointStatus status() {
            String op = operation.name().toLowerCase(java.util.Locale.ROOT);
            if (!result.isDone()) {
                return new RestMessages.SavepointStatus(
                        id, jobId.toString(), op, "IN_PROGRESS", null, null);
            }
            RestMessages.SavepointStatus status;
            try {
                String path = result.join();
                status =
                        new RestMessages.SavepointStatus(
                                id, jobId.toString(), op, "COMPLETED", path, null);
            } catch (CompletionException | java.util.concurrent.CancellationException e) {
                status =
                        new RestMessages.SavepointStatus(
                                id, jobId.toString(), op, "FAILED", null, describe(e));
            }
            resultRead = true;
            return status;
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Map<String, Request> requests = new LinkedHashMap<>();

    SavepointRequests(Clock clock) {
        this.clock = clock;
    }

    /**
     * Keeps a request whose savepoint {@code result} is under way.
     *
     * @throws RestError 503 when {@link #MAX_KEPT} requests are still in progress
     */
    synchronized Request add(JobId jobId, Operation operation, CompletableFuture<String> result) {
        if (requests.size() >= MAX_KEPT) {
            Iterator<Request> it = requests.values().iterator();
            while (it.hasNext() && requests.size() >= MAX_KEPT) {
                if (it.next().result.isDone()) {
                    it.remove();
                }
            }
            if (requests.size() >= MAX_KEPT) {
                throw new RestError(
                        503,
                        MAX_KEPT + " savepoint requests are in progress; no more are accepted",
                        "wait for some of them to finish");
            }
        }
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        Request r = new Request(HexFormat.of().formatHex(bytes), jobId, operation, result);
        requests.put(r.id, r);
        result.whenComplete((path, failure) -> finished());
        return r;
    }

    /** The request with this id for this job, or null. */
    synchronized Request get(JobId jobId, String id) {
        Request r = requests.get(id);
        return r != null && r.jobId.equals(jobId) ? r : null;
    }

    private synchronized void finished() {
        notifyAll();
    }

    /**
     * Called after a response with a finished result was sent, to wake {@link #awaitUnreadResults}.
     */
    synchronized void resultRead() {
        notifyAll();
    }

    /**
     * Waits until every finished request's result was read, and every request in progress finished
     * and was read, or until {@code timeout} passed.
     *
     * @return whether every result was read
     */
    synchronized boolean awaitUnreadResults(Duration timeout) throws InterruptedException {
        long deadline = clock.nanoTime() + timeout.toNanos();
        while (hasUnread()) {
            long left = deadline - clock.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    private boolean hasUnread() {
        for (Request r : requests.values()) {
            if (!r.resultRead) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException
                        || c instanceof java.util.concurrent.ExecutionException)
                && c.getCause() != null) {
            c = c.getCause();
        }
        String m = c.getMessage();
        return m == null || m.isBlank() ? c.getClass().getName() : m;
    }
}
