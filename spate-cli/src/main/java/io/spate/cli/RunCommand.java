package io.spate.cli;

import io.spate.api.execution.CheckpointingOptions;
import io.spate.api.execution.ExecutionOptions;
import io.spate.api.execution.JobExecutionException;
import io.spate.api.execution.RestOptions;
import io.spate.client.program.PackagedProgram;
import io.spate.client.program.ProgramInvocationException;
import io.spate.client.rest.RestClient;
import io.spate.common.config.Configuration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code spate run}: a user's program from its jar, on an engine embedded in this process, or with
 * {@code --jobmanager} on a remote JobManager, to which the jar is uploaded.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = SpateCli.Version.class,
        description = {
            "Runs a program: calls the main method of a class in <jar>, whose jobs run on an engine"
                    + " embedded in this process. Returns when the program and its jobs have ended.",
            "Prints each job's id and the address of the REST API (first free port of 8081-8090 on"
                    + " 127.0.0.1; see the rest.* options) through which 'spate list', 'spate"
                    + " savepoint', 'spate stop' and 'spate cancel' control the jobs.",
            "With --jobmanager host:port the program's main method still runs here, but its jobs"
                    + " are submitted to that JobManager over its REST API, together with <jar>;"
                    + " the command returns when they have ended there. The JobManager's token:"
                    + " -D rest.token=... or the environment variable SPATE_REST_TOKEN.",
            "Everything after <jar> is passed to the program."
        })
final class RunCommand implements Callable<Integer> {
    @ParentCommand private SpateCli cli;

    @picocli.CommandLine.Spec private picocli.CommandLine.Model.CommandSpec spec;

    @Mixin private EngineOptions engine;

    @Option(
            names = {"-c", "--class"},
            paramLabel = "<class>",
            description = "The program's main class (default: the Main-Class of the jar manifest).")
    private String entryClass;

    @Option(
            names = {"-s", "--from-savepoint"},
            paramLabel = "<path>",
            description =
                    "Start the program's jobs from this savepoint (or retained checkpoint)"
                            + " directory, restoring their state; the parallelism may differ.")
    private Path fromSavepoint;

    @Option(
            names = "--allow-non-restored-state",
            description =
                    "Start from the savepoint even if it holds state of operators the job no"
                            + " longer has (that state is dropped).")
    private boolean allowNonRestoredState;

    @Option(
            names = {"-m", "--jobmanager"},
            paramLabel = "<host:port>",
            description =
                    "Run the jobs on the JobManager whose REST API is at this address instead of"
                            + " on an engine embedded in this process.")
    private String jobManager;

    @Parameters(index = "0", paramLabel = "<jar>", description = "The jar of the program.")
    private Path jar;

    @Parameters(
            index = "1..*",
            paramLabel = "<args>",
            description = "Arguments for the program's main method.")
    private List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Configuration config = engine.toConfiguration(cli.fileConfiguration());
        if (fromSavepoint != null) {
            if (!Files.isRegularFile(fromSavepoint.resolve("_metadata"))) {
                throw new ParameterException(
                        spec.commandLine(),
                        "'" + fromSavepoint + "' is not a savepoint: it has no _metadata file");
            }
            config.set(
                    CheckpointingOptions.RESTORE_PATH, fromSavepoint.toAbsolutePath().toString());
        }
        if (allowNonRestoredState) {
            config.set(CheckpointingOptions.ALLOW_NON_RESTORED_STATE, true);
        }
        if (jobManager != null) {
            config.set(ExecutionOptions.TARGET, "remote");
            config.set(ExecutionOptions.REMOTE_ADDRESS, remoteAddress(jobManager));
            config.set(ExecutionOptions.JARS, jar.toAbsolutePath().toString());
        } else if (!config.contains(RestOptions.ENABLED)) {
            config.set(RestOptions.ENABLED, true);
        }
        String token = System.getenv(JobManagerOptions.TOKEN_VARIABLE);
        if (!config.contains(RestOptions.TOKEN) && token != null && !token.isBlank()) {
            config.set(RestOptions.TOKEN, token);
        }
        PackagedProgram program = PackagedProgram.fromJar(jar, entryClass, arguments);
        try {
            cli.runPrograms(config, true, runner -> runner.run(program));
        } catch (JobExecutionException e) {
            if (e.getStopSavepointPath() == null) {
                throw e;
            }
            // Stopped on purpose ('spate stop'): not a failure.
            cli.info(
                    "Job "
                            + (e.getJobName() == null
                                    ? e.getJobId().toString()
                                    : "'" + e.getJobName() + "'")
                            + " stopped with a savepoint at "
                            + e.getStopSavepointPath());
        } catch (ProgramInvocationException e) {
            throw e;
        } catch (Throwable t) {
            throw new ProgramFailedException("program " + program.entryClass(), t);
        }
        return 0;
    }

    private String remoteAddress(String text) {
        try {
            return RestClient.parseAddress(text).getRawAuthority();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--jobmanager: " + e.getMessage());
        }
    }
}
