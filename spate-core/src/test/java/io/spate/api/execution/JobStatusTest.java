package io.spate.api.execution;

import static io.spate.api.execution.JobStatus.CANCELED;
import static io.spate.api.execution.JobStatus.CANCELLING;
import static io.spate.api.execution.JobStatus.CREATED;
import static io.spate.api.execution.JobStatus.FAILED;
import static io.spate.api.execution.JobStatus.FAILING;
import static io.spate.api.execution.JobStatus.FINISHED;
import static io.spate.api.execution.JobStatus.RESTARTING;
import static io.spate.api.execution.JobStatus.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobStatusTest {

    /** The legal transitions, written out once. */
    private static final Map<JobStatus, Set<JobStatus>> LEGAL = new EnumMap<>(JobStatus.class);

    static {
        LEGAL.put(CREATED, EnumSet.of(RUNNING, CANCELLING, FAILING, FAILED));
        LEGAL.put(RUNNING, EnumSet.of(FINISHED, FAILING, CANCELLING));
        LEGAL.put(FAILING, EnumSet.of(RESTARTING, FAILED));
        LEGAL.put(RESTARTING, EnumSet.of(RUNNING, CANCELLING, FAILED));
        LEGAL.put(CANCELLING, EnumSet.of(CANCELED));
        LEGAL.put(FINISHED, EnumSet.noneOf(JobStatus.class));
        LEGAL.put(FAILED, EnumSet.noneOf(JobStatus.class));
        LEGAL.put(CANCELED, EnumSet.noneOf(JobStatus.class));
    }

    @Test
    void exactlyTheDocumentedTransitionsAreLegal() {
        for (JobStatus from : JobStatus.values()) {
            for (JobStatus to : JobStatus.values()) {
                assertThat(from.canTransitionTo(to))
                        .as("%s -> %s", from, to)
                        .isEqualTo(LEGAL.get(from).contains(to));
            }
        }
    }

    @Test
    void onlyFinishedFailedAndCanceledAreTerminalAndTheyLeadNowhere() {
        for (JobStatus s : JobStatus.values()) {
            boolean terminal = s == FINISHED || s == FAILED || s == CANCELED;
            assertThat(s.isTerminal()).as("%s", s).isEqualTo(terminal);
            if (terminal) {
                for (JobStatus next : JobStatus.values()) {
                    assertThat(s.canTransitionTo(next)).as("%s -> %s", s, next).isFalse();
                }
            }
        }
    }

    @Test
    void noStatusTransitionsToItselfOrBackToCreated() {
        for (JobStatus s : JobStatus.values()) {
            assertThat(s.canTransitionTo(s)).as("%s -> itself", s).isFalse();
            assertThat(s.canTransitionTo(CREATED)).as("%s -> CREATED", s).isFalse();
        }
    }

    @Test
    void everyStatusCanReachATerminalOne() {
        for (JobStatus start : JobStatus.values()) {
            Set<JobStatus> reached = EnumSet.of(start);
            boolean grew = true;
            while (grew) {
                grew = false;
                for (JobStatus s : EnumSet.copyOf(reached)) {
                    for (JobStatus next : JobStatus.values()) {
                        if (s.canTransitionTo(next)) {
                            grew |= reached.add(next);
                        }
                    }
                }
            }
            assertThat(reached.stream().anyMatch(JobStatus::isTerminal))
                    .as("from %s", start)
                    .isTrue();
        }
    }

    @Test
    void aFailingJobEitherRestartsOrFailsAndACancellingOneOnlyEndsCanceled() {
        assertThat(FAILING.canTransitionTo(RESTARTING)).isTrue();
        assertThat(FAILING.canTransitionTo(FAILED)).isTrue();
        assertThat(FAILING.canTransitionTo(FINISHED)).isFalse();
        assertThat(FAILING.canTransitionTo(CANCELLING)).isFalse();
        assertThat(CANCELLING.canTransitionTo(FAILED)).isFalse();
        assertThat(CANCELLING.canTransitionTo(FINISHED)).isFalse();
    }
}
