package io.spate.cluster.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.execution.JobExecutionResult;
import io.spate.common.JobId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How a {@link RemoteJobClient} waits for its job's result against a stand-in JobManager on
 * loopback: a JobManager that fails to answer for a moment is asked again; one that says the job
 * does not exist is believed at once.
 */
class RemoteJobClientTest {
    private static final JobId JOB = new JobId(1, 2);
    private static final String FINISHED =
            "{\"status\":\"FINISHED\",\"outcome\":{\"netRuntimeMillis\":1234,"
                    + "\"counters\":{\"rows\":42}}}";

    private ServerSocket server;
    private Thread serving;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile int failFirst;
    private volatile int failStatus;

    /** Answers every request on its own connection, then closes it; ends with the socket. */
    @BeforeEach
    void start() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        serving =
                new Thread(
                        () -> {
                            while (!server.isClosed()) {
                                try (Socket s = server.accept()) {
                                    answer(s);
                                } catch (IOException e) {
                                    return;
                                }
                            }
                        },
                        "test-jobmanager");
        serving.setDaemon(true);
        serving.start();
    }

    private void answer(Socket socket) throws IOException {
        BufferedReader in =
                new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        String line;
        do {
            line = in.readLine();
        } while (line != null && !line.isEmpty());
        int n = requests.incrementAndGet();
        boolean fail = n <= failFirst;
        byte[] body =
                (fail ? "{\"error\":\"not now\"}" : FINISHED).getBytes(StandardCharsets.UTF_8);
        String head =
                "HTTP/1.1 "
                        + (fail ? failStatus + " Failing" : "200 OK")
                        + "\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length
                        + "\r\nConnection: close\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        serving.join(10_000);
    }

    private RemoteJobClient client() {
        URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort());
        return new RemoteJobClient(new RestConnection(uri, null), JOB, "job");
    }

    @Test
    void aJobManagerThatFailsToAnswerForAMomentIsAskedAgain() throws Exception {
        failFirst = 3;
        failStatus = 503;
        JobExecutionResult result = client().getJobExecutionResult().get(30, TimeUnit.SECONDS);
        assertThat(result.getNetRuntime().toMillis()).isEqualTo(1234);
        assertThat(requests.get()).isEqualTo(4);
    }

    @Test
    void aJobManagerThatDoesNotKnowTheJobIsBelievedAtOnce() {
        failFirst = Integer.MAX_VALUE;
        failStatus = 404;
        assertThatThrownBy(() -> client().getJobExecutionResult().get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("404")
                .hasMessageContaining("not now");
        assertThat(requests.get()).isEqualTo(1);
    }
}
