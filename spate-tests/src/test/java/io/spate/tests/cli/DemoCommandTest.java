package io.spate.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code spate demo} on the embedded engine. */
class DemoCommandTest {
    private static final String RESULT = "(\\d+> )?\\w+ +total +\\d+ EUR";

    @Test
    void printsARunningTotalForEveryOrderAndEnds() {
        CliRun run = CliRun.of("demo", "--rate", "200", "--seconds", "1");

        assertThat(run.exitCode).as("%s", run).isZero();
        assertThat(run.outLines()).as("%s", run).hasSize(200).allMatch(l -> l.matches(RESULT));
        assertThat(run.errLines())
                .containsExactly(
                        "200 orders at 200 per second; each line is a city's running total.");
    }

    @Test
    void theStatusLineStaysOffTheResults() {
        CliRun run =
                CliRun.of(
                        "demo", "--rate", "200", "--seconds", "1", "--progress=always", "-p", "2");

        assertThat(run.exitCode).as("%s", run).isZero();
        assertThat(run.outLines()).as("%s", run).hasSize(200).allMatch(l -> l.matches(RESULT));
        assertThat(run.err)
                .as("%s", run)
                .contains("\rjob ")
                .contains(" RUNNING | ")
                .endsWith(" \r");
    }
}
