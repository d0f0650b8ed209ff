package io.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.InvalidProgramException;
import io.spate.api.execution.JobExecutionException;
import io.spate.api.execution.JobStatus;
import io.spate.api.execution.OperatorException;
import io.spate.common.JobId;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class ErrorLineTest {
    private static final JobId ID = new JobId(0x1234, 0x5678);

    @Test
    void aFailedJobNamesTheJobAndTheOperator() {
        OperatorException cause =
                new OperatorException("Map", 1, 4, new IllegalStateException("bad record \"x\""));
        JobExecutionException e = failed("WordCount", cause);

        assertThat(ErrorLine.of(e))
                .isEqualTo(
                        "job 'WordCount' failed: Operator 'Map' (subtask 2 of 4) failed:"
                                + " java.lang.IllegalStateException: bad record \"x\"");
    }

    @Test
    void aJobFailureWrappedByTheProgramStillNamesTheJob() {
        JobExecutionException e = failed("Orders", new IllegalStateException("boom"));
        Exception wrapped =
                new ProgramFailedException(
                        "program com.acme.Job", new RuntimeException("job failed", e));

        assertThat(ErrorLine.of(wrapped))
                .isEqualTo("job 'Orders' failed: java.lang.IllegalStateException: boom");
    }

    @Test
    void aCancelledJob() {
        JobExecutionException e =
                new JobExecutionException(
                        ID, JobStatus.CANCELED, "Job 'Orders' (" + ID + ") was cancelled", null);

        assertThat(ErrorLine.of(e)).isEqualTo("job 'Orders' was cancelled");
    }

    @Test
    void withoutTheNameInTheMessageTheIdNamesTheJob() {
        JobExecutionException e =
                new JobExecutionException(
                        ID, JobStatus.FAILED, "Interrupted", new InterruptedException());

        assertThat(ErrorLine.of(e))
                .isEqualTo("job " + ID + " failed: java.lang.InterruptedException");
    }

    @Test
    void aProgramFailureShowsTheRootCauseWhenTheMessageDoesNot() {
        Exception e =
                new ProgramFailedException(
                        "program com.acme.Job",
                        new UncheckedIOException(
                                "cannot read the input",
                                new IOException("/data/in.csv: No such file")));

        assertThat(ErrorLine.of(e))
                .isEqualTo(
                        "program com.acme.Job failed: java.io.UncheckedIOException: cannot read"
                                + " the input; caused by java.io.IOException: /data/in.csv: No"
                                + " such file");
    }

    @Test
    void spateExceptionsSpeakForThemselvesOnOneLine() {
        Exception e =
                new ProgramFailedException(
                        "demo", new InvalidProgramException("The job has no sinks;\n  add one"));

        assertThat(ErrorLine.of(e)).isEqualTo("demo failed: The job has no sinks; add one");
    }

    @Test
    void aRootCauseTheMessageAlreadySaysInOtherCaseIsNotRepeated() {
        Exception e =
                new InvalidProgramException(
                        "cannot connect to 127.0.0.1:1: nothing listens there (connection refused)",
                        new java.net.ConnectException("Connection refused"));

        assertThat(ErrorLine.of(e))
                .isEqualTo(
                        "cannot connect to 127.0.0.1:1: nothing listens there (connection refused)");
    }

    @Test
    void aFailedStaticInitializerIsUnwrapped() {
        Exception e =
                new ProgramFailedException(
                        "program com.acme.Job",
                        new ExceptionInInitializerError(new NumberFormatException("x")));

        assertThat(ErrorLine.of(e))
                .isEqualTo(
                        "program com.acme.Job failed: a static initializer failed:"
                                + " java.lang.NumberFormatException: x");
    }

    private static JobExecutionException failed(String job, Throwable cause) {
        return new JobExecutionException(
                ID,
                JobStatus.FAILED,
                "Job '" + job + "' (" + ID + ") failed: " + cause.getMessage(),
                cause);
    }
}
