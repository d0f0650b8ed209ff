package io.spate.cluster.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.cluster.controlplane.ControlPlaneMessage.UpdateTaskExecutionState;
import io.spate.cluster.messages.ExecutionState;
import io.spate.cluster.messages.TaskExecutionState;
import io.spate.cluster.messages.TaskKey;
import io.spate.cluster.messages.TaskMetricsReport;
import io.spate.common.JobId;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RemoteFailureTest {
    private static final TaskKey TASK = new TaskKey(new JobId(1, 2), 0, 1, 0);

    /** Sends {@code failure} through the codec, as a TaskManager reports a failed subtask. */
    static RemoteFailure sent(Throwable failure) {
        var update =
                new UpdateTaskExecutionState(
                        new TaskExecutionState(
                                TASK,
                                ExecutionState.FAILED,
                                failure,
                                Map.of(),
                                TaskMetricsReport.EMPTY));
        var decoded =
                (UpdateTaskExecutionState)
                        ControlPlaneCodec.decode(ControlPlaneCodec.encode(update), "p");
        return (RemoteFailure) decoded.state().failure();
    }

    /** The frames of {@code copy} and its causes are those of {@code original} and its causes. */
    static void assertSameStack(RemoteFailure copy, Throwable original) {
        for (Throwable o = original; o != null; o = o.getCause(), copy = copy.getCause()) {
            assertThat(copy).isNotNull();
            StackTraceElement[] expected = o.getStackTrace();
            StackTraceElement[] actual = copy.getStackTrace();
            assertThat(actual).hasSameSizeAs(expected);
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i].getClassName()).isEqualTo(expected[i].getClassName());
                assertThat(actual[i].getMethodName()).isEqualTo(expected[i].getMethodName());
                assertThat(actual[i].getFileName()).isEqualTo(expected[i].getFileName());
                assertThat(actual[i].getLineNumber()).isEqualTo(expected[i].getLineNumber());
            }
        }
        assertThat(copy).isNull();
    }

    @Test
    void keepsClassNameMessageStackAndCauses() {
        var original =
                new IllegalStateException(
                        "boom", new UncheckedIOException(new IOException("disk full")));
        RemoteFailure failure = sent(original);

        assertThat(failure.originalClassName()).isEqualTo("java.lang.IllegalStateException");
        assertThat(failure.originalMessage()).isEqualTo("boom");
        assertThat(failure.getMessage()).isEqualTo("java.lang.IllegalStateException: boom");
        assertThat(failure).hasToString("java.lang.IllegalStateException: boom");
        assertThat(failure.getCause().originalClassName())
                .isEqualTo("java.io.UncheckedIOException");
        assertThat(failure.getCause().getCause())
                .hasToString("java.io.IOException: disk full")
                .hasNoCause();
        assertSameStack(failure, original);
    }

    @Test
    void aPrintedStackTraceReadsLikeTheOriginal() {
        var original = new IllegalArgumentException("bad", new ArithmeticException("/ by zero"));
        StringWriter printed = new StringWriter();
        sent(original).printStackTrace(new PrintWriter(printed));
        assertThat(printed.toString())
                .startsWith("java.lang.IllegalArgumentException: bad")
                .contains(
                        "\tat " + getClass().getName() + ".aPrintedStackTraceReadsLikeTheOriginal(")
                .contains("Caused by: java.lang.ArithmeticException: / by zero");
    }

    @Test
    void aFailureWithoutMessageShowsItsClassName() {
        RemoteFailure failure = sent(new NullPointerException());
        assertThat(failure.originalMessage()).isNull();
        assertThat(failure).hasMessage("java.lang.NullPointerException");
        assertThat(failure).hasToString("java.lang.NullPointerException");
    }

    @Test
    void framesWithoutFileOrWithNegativeLinesSurvive() {
        var original = new RuntimeException("native");
        original.setStackTrace(
                new StackTraceElement[] {
                    new StackTraceElement("sun.nio.ch.Net", "poll", null, -2),
                    new StackTraceElement("a.B", "c", "B.java", -1),
                    new StackTraceElement("a.B", "d", "B.java", Integer.MAX_VALUE)
                });
        assertSameStack(sent(original), original);
    }

    @Test
    void aForwardedRemoteFailureKeepsTheOriginalClassName() {
        var original = new IllegalStateException("boom", new IOException("disk full"));
        RemoteFailure twice = sent(sent(original));
        assertThat(twice).hasToString("java.lang.IllegalStateException: boom");
        assertThat(twice.getCause()).hasToString("java.io.IOException: disk full");
        assertSameStack(twice, original);
        assertThat(RemoteFailure.of(twice).originalClassName())
                .isEqualTo("java.lang.IllegalStateException");
    }

    @Test
    void keepsAtMostEightCauses() {
        Throwable deep = new IOException("cause 20");
        for (int i = 19; i >= 0; i--) {
            deep = new RuntimeException("cause " + i, deep);
        }
        RemoteFailure failure = sent(deep);
        int depth = 0;
        RemoteFailure last = failure;
        for (RemoteFailure f = failure; f != null; f = f.getCause()) {
            depth++;
            last = f;
        }
        assertThat(depth).isEqualTo(1 + RemoteFailure.MAX_CAUSES);
        assertThat(last).hasToString("java.lang.RuntimeException: cause 8");
    }

    @Test
    void aCyclicCauseChainEnds() {
        var a = new RuntimeException("a");
        var b = new RuntimeException("b", a);
        a.initCause(b);
        RemoteFailure failure = sent(a);
        assertThat(failure).hasToString("java.lang.RuntimeException: a");
        assertThat(failure.getCause()).hasToString("java.lang.RuntimeException: b");
    }

    @Test
    void suppressedExceptionsAreDropped() {
        var original = new IllegalStateException("boom");
        original.addSuppressed(new IOException("while closing"));
        RemoteFailure failure = sent(original);
        assertThat(failure.getSuppressed()).isEmpty();
        failure.addSuppressed(new IOException("ignored too"));
        assertThat(failure.getSuppressed()).isEmpty();
    }
}
