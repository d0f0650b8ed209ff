package io.spate.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code spate nexmark} runs queries on the embedded engine and prints one RESULT line per run. */
class NexmarkCommandTest {
    @Test
    void printsOneResultLinePerRunWithTheChecksum() {
        // SPEC §9.2's q1 rows for the oracle profile, cut to its first 50 000 events.
        CliRun run =
                CliRun.of(
                        "nexmark",
                        "--query",
                        "q1",
                        "--events",
                        "50000",
                        "--rate",
                        "10000",
                        "--sink",
                        "checksum",
                        "--runs",
                        "2",
                        "-p",
                        "2");
        assertThat(run.exitCode).as("%s", run).isZero();
        assertThat(run.out.lines().toList())
                .as("%s", run)
                .hasSize(2)
                .allMatch(
                        l ->
                                l.matches(
                                        "RESULT query=q1 events=50000 parallelism=2 wall_s=\\S+"
                                                + " events_per_s=\\d+ cpu_cores=\\S+"
                                                + " events_per_s_per_core=\\d+ rows=46000"
                                                + " checksum=[0-9a-f]{16}"));
        String[] first = run.out.lines().toList().get(0).split(" ");
        String[] second = run.out.lines().toList().get(1).split(" ");
        assertThat(first[first.length - 1]).isEqualTo(second[second.length - 1]);
    }

    @Test
    void theBlackholeSinkPrintsNoChecksum() {
        CliRun run = CliRun.of("nexmark", "--query", "q0", "--events", "10000");
        assertThat(run.exitCode).as("%s", run).isZero();
        assertThat(run.out).as("%s", run).contains("rows=9200 checksum=-");
    }
}
