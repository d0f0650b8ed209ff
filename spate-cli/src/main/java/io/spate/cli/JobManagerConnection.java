package io.spate.cli;

import io.spate.client.rest.JobDetails;
import io.spate.client.rest.JobManagerUnreachableException;
import io.spate.client.rest.JobSummary;
import io.spate.client.rest.RestApiException;
import io.spate.client.rest.RestClient;
import io.spate.client.rest.RestClientException;
import io.spate.client.rest.SavepointStatus;
import io.spate.common.JobId;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The commands' way to a JobManager: its REST client, with every failure turned into the one line a
 * person needs — nothing listening, a missing token, an unknown job (with the jobs there are).
 */
final class JobManagerConnection {
    private final RestClient client;

    JobManagerConnection(RestClient client) {
        this.client = client;
    }

    String where() {
        return client.address().getAuthority();
    }

    List<JobSummary> listJobs() throws CommandFailedException {
        try {
            return client.listJobs();
        } catch (RestClientException e) {
            throw failure(e, null);
        }
    }

    JobDetails job(JobId id) throws CommandFailedException {
        try {
            return client.job(id);
        } catch (RestClientException e) {
            throw failure(e, id);
        }
    }

    void cancel(JobId id) throws CommandFailedException {
        try {
            client.cancel(id);
        } catch (RestClientException e) {
            throw failure(e, id);
        }
    }

    /** Takes a savepoint (and stops the job, if asked) and waits for its path. */
    String savepoint(JobId id, String directory, boolean stop, Duration timeout)
            throws CommandFailedException {
        try {
            SavepointStatus request =
                    stop
                            ? client.stopWithSavepoint(id, directory)
                            : client.triggerSavepoint(id, directory);
            return client.awaitSavepoint(request, timeout);
        } catch (RestClientException e) {
            throw failure(e, id);
        }
    }

    private CommandFailedException failure(RestClientException e, JobId job) {
        if (e instanceof JobManagerUnreachableException) {
            return new CommandFailedException(
                    "no Spate JobManager at "
                            + where()
                            + " ("
                            + ((JobManagerUnreachableException) e).reason()
                            + ") — is a job running with 'spate run'? It prints the address of its"
                            + " REST API ('REST API on http://...'); pass that with --jobmanager"
                            + " host:port");
        }
        if (e instanceof RestApiException) {
            RestApiException api = (RestApiException) e;
            if (api.status() == 401) {
                return new CommandFailedException(
                        "the JobManager at "
                                + where()
                                + " refused the request: "
                                + api.error()
                                + "; pass its rest.token with --token <token> or the environment"
                                + " variable "
                                + JobManagerOptions.TOKEN_VARIABLE);
            }
            if (api.status() == 404 && job != null && api.error().contains(job.toString())) {
                return new CommandFailedException(
                        "no job " + job + " at " + where() + "; " + knownJobs());
            }
            return new CommandFailedException(
                    "the JobManager at "
                            + where()
                            + " refused: "
                            + api.error()
                            + (api.hint() == null ? "" : " (" + api.hint() + ")"));
        }
        return new CommandFailedException(e.getMessage());
    }

    /** {@code the jobs there: <id> RUNNING 'name', ...}, as well as can be found out. */
    private String knownJobs() {
        List<JobSummary> jobs;
        try {
            jobs = client.listJobs();
        } catch (RestClientException e) {
            return "the job list cannot be read either: " + e.getMessage();
        }
        if (jobs.isEmpty()) {
            return "it knows no jobs";
        }
        return "the jobs there: "
                + jobs.stream()
                        .map(j -> j.id() + " " + j.status() + " '" + j.name() + "'")
                        .collect(Collectors.joining(", "));
    }
}
