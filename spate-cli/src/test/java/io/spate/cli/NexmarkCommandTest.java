package io.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code spate nexmark}'s usage errors; runs of queries are tested in spate-tests. */
class NexmarkCommandTest {
    @Test
    void anUnknownQueryIsAUsageError() {
        CliRun run = CliRun.of("nexmark", "--query", "q6", "--events", "10");
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("q6").contains("q0").contains("(see 'spate nexmark --help')");
    }

    @Test
    void aFailureNeedsCheckpoints() {
        CliRun run = CliRun.of("nexmark", "--query", "q0", "--events", "10", "--fail-after", "5");
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("checkpoint");
    }

    @Test
    void aBadDurationIsNamed() {
        CliRun run =
                CliRun.of(
                        "nexmark",
                        "--query",
                        "q0",
                        "--events",
                        "10",
                        "--checkpoint-interval",
                        "5 parsecs");
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("--checkpoint-interval").contains("5 parsecs");
    }
}
