package io.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.common.JobId;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code spate list}, {@code cancel}, {@code savepoint} and {@code stop} against a scripted
 * JobManager over real HTTP: what they ask, what they print, and their errors and exit codes.
 */
class JobControlCommandsTest {
    private static final String ID = new JobId(0xabc, 0xdef).toString();
    private static final String OTHER = new JobId(0x123, 0x456).toString();
    private static final String JOB =
            "{\"id\":\""
                    + ID
                    + "\",\"name\":\"counts\",\"status\":\"RUNNING\",\"startTime\":"
                    + "\"2023-11-14T22:13:20.123Z\",\"startTimeMillis\":1700000000123}";

    private final FakeJobManager jm;

    JobControlCommandsTest() throws Exception {
        jm = new FakeJobManager();
    }

    @AfterEach
    void stop() {
        jm.close();
    }

    private CliRun run(String command, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = command;
        all[1] = "--jobmanager";
        all[2] = jm.address();
        System.arraycopy(args, 0, all, 3, args.length);
        return CliRun.of(all);
    }

    @Test
    void listPrintsATableOfTheJobs() {
        jm.on("GET /v1/jobs", 200, "{\"jobs\":[" + JOB + "]}");
        CliRun r = run("list");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out.lines())
                .containsExactly(
                        "JOB ID                            STATUS      STARTED               NAME",
                        ID + "  RUNNING     2023-11-14T22:13:20Z  counts");
    }

    @Test
    void listSaysWhenThereAreNoJobs() {
        jm.on("GET /v1/jobs", 200, "{\"jobs\":[]}");
        CliRun r = run("list");
        assertThat(r.out).isEqualTo("No jobs at " + jm.address() + "." + System.lineSeparator());
    }

    @Test
    void savepointWaitsForThePathWithAnAbsoluteDirectoryAndTheToken() {
        jm.on(
                "POST /v1/jobs/" + ID + "/savepoints",
                202,
                "{\"requestId\":\"r1\",\"jobId\":\""
                        + ID
                        + "\",\"operation\":\"savepoint\","
                        + "\"status\":\"IN_PROGRESS\"}");
        jm.on(
                "GET /v1/jobs/" + ID + "/savepoints/r1",
                200,
                "{\"requestId\":\"r1\",\"jobId\":\""
                        + ID
                        + "\",\"operation\":\"savepoint\","
                        + "\"status\":\"COMPLETED\",\"path\":\"/sp/savepoint-1\"}");
        CliRun r = run("savepoint", "--token", "s3cret", ID, "sp");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out)
                .isEqualTo("Savepoint completed: /sp/savepoint-1" + System.lineSeparator());
        String absolute = Path.of("sp").toAbsolutePath().toString();
        assertThat(jm.requests())
                .containsExactly(
                        "POST /v1/jobs/"
                                + ID
                                + "/savepoints auth=Bearer s3cret {\"targetDirectory\":\""
                                + absolute
                                + "\"}",
                        "GET /v1/jobs/" + ID + "/savepoints/r1 auth=Bearer s3cret");
    }

    @Test
    void stopPrintsTheSavepointPath() {
        jm.on(
                "POST /v1/jobs/" + ID + "/stop",
                202,
                "{\"requestId\":\"r2\",\"jobId\":\""
                        + ID
                        + "\",\"operation\":\"stop\","
                        + "\"status\":\"IN_PROGRESS\"}");
        jm.on(
                "GET /v1/jobs/" + ID + "/savepoints/r2",
                200,
                "{\"requestId\":\"r2\",\"jobId\":\""
                        + ID
                        + "\",\"operation\":\"stop\","
                        + "\"status\":\"COMPLETED\",\"path\":\"/sp/savepoint-2\"}");
        CliRun r = run("stop", ID, "--savepoint-path", "/sp");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out)
                .isEqualTo(
                        "Job "
                                + ID
                                + " stopped with a savepoint: /sp/savepoint-2"
                                + System.lineSeparator());
        assertThat(jm.requests().get(0))
                .isEqualTo("POST /v1/jobs/" + ID + "/stop auth=null {\"targetDirectory\":\"/sp\"}");
    }

    @Test
    void aFailedSavepointIsAnErrorWithTheReason() {
        jm.on(
                "POST /v1/jobs/" + ID + "/savepoints",
                202,
                "{\"requestId\":\"r3\",\"jobId\":\""
                        + ID
                        + "\",\"operation\":\"savepoint\","
                        + "\"status\":\"FAILED\",\"error\":\"disk full\"}");
        CliRun r = run("savepoint", ID, "/sp");
        assertThat(r.exitCode).isEqualTo(1);
        assertThat(r.errLines())
                .contains("spate: error: The savepoint of job " + ID + " failed: disk full");
    }

    @Test
    void cancelNamesTheJob() {
        jm.on("GET /v1/jobs/" + ID, 200, JOB);
        jm.on(
                "POST /v1/jobs/" + ID + "/cancel",
                202,
                "{\"jobId\":\"" + ID + "\",\"status\":\"CANCELLING\"}");
        CliRun r = run("cancel", ID);
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out)
                .isEqualTo("Cancelling job 'counts' (" + ID + ")." + System.lineSeparator());
    }

    @Test
    void anUnknownJobListsTheKnownOnes() {
        jm.on(
                "GET /v1/jobs/" + OTHER,
                404,
                "{\"error\":\"No job with id " + OTHER + " is known to this JobManager\"}");
        jm.on("GET /v1/jobs", 200, "{\"jobs\":[" + JOB + "]}");
        CliRun r = run("cancel", OTHER);
        assertThat(r.exitCode).isEqualTo(1);
        assertThat(r.err)
                .isEqualTo(
                        "spate: error: no job "
                                + OTHER
                                + " at "
                                + jm.address()
                                + "; the jobs there: "
                                + ID
                                + " RUNNING 'counts'"
                                + System.lineSeparator());
    }

    @Test
    void aMissingTokenSaysHowToGiveOne() {
        jm.on(
                "GET /v1/jobs",
                401,
                "{\"error\":\"Missing or wrong bearer token\",\"hint\":\"...\"}");
        CliRun r = run("list");
        assertThat(r.exitCode).isEqualTo(1);
        assertThat(r.err)
                .contains("the JobManager at " + jm.address() + " refused the request")
                .contains("--token <token>")
                .contains("SPATE_REST_TOKEN");
    }

    @Test
    void nothingListeningAsksWhetherAJobRuns() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        CliRun r = CliRun.of("stop", "--jobmanager", "127.0.0.1:" + port, ID);
        assertThat(r.exitCode).isEqualTo(1);
        assertThat(r.errLines()).hasSize(2);
        assertThat(r.errLines().get(1))
                .startsWith(
                        "spate: error: no Spate JobManager at 127.0.0.1:"
                                + port
                                + " (connection refused) — is a job running with 'spate run'?")
                .contains("--jobmanager");
    }

    @Test
    void aBadJobIdOrAddressIsAUsageError() {
        CliRun r = run("savepoint", "12345");
        assertThat(r.exitCode).isEqualTo(2);
        assertThat(r.err).contains("'12345'").contains("spate list");
        r = CliRun.of("list", "--jobmanager", "localhost");
        assertThat(r.exitCode).isEqualTo(2);
        assertThat(r.err).contains("'localhost' is not a JobManager address");
        r = run("stop", ID, "--timeout", "soon");
        assertThat(r.exitCode).isEqualTo(2);
        assertThat(r.err).contains("'soon' is not a duration");
        assertThat(jm.requests()).isEmpty();
    }
}
