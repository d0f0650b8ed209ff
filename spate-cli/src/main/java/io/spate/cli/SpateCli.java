package io.spate.cli;

import io.spate.api.execution.JobListener;
import io.spate.cli.progress.JobProgressReporter;
import io.spate.cli.progress.ProgressMode;
import io.spate.cli.progress.StatusLine;
import io.spate.client.program.ProgramRunner;
import io.spate.common.config.Configuration;
import io.spate.common.time.Clock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code spate} command line: {@code spate run} runs a user's program, {@code spate demo} a
 * built-in job, both on an engine embedded in this process; {@code spate list}, {@code cancel},
 * {@code savepoint} and {@code stop} control the jobs of a running {@code spate run} through its
 * JobManager's REST API.
 *
 * <p>Errors are one line on standard error that starts with {@code spate: error: } and says what
 * failed and where; {@code --verbose} adds the stack trace. Exit codes: 0 on success, 1 when a
 * program or job fails, 2 for a usage error. While a job runs and standard error is a terminal, a
 * status line shows its progress ({@code --progress}).
 */
@Command(
        name = "spate",
        mixinStandardHelpOptions = true,
        versionProvider = SpateCli.Version.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Runs Spate streaming jobs.",
        subcommands = {
            RunCommand.class,
            DemoCommand.class,
            ListCommand.class,
            SavepointCommand.class,
            StopCommand.class,
            CancelCommand.class,
            NexmarkCommand.class,
            JobManagerCommand.class,
            TaskManagerCommand.class,
            ClusterCommand.class,
            HelpCommand.class
        })
public final class SpateCli implements Callable<Integer> {
    static final int EXIT_FAILURE = 1;
    static final int EXIT_USAGE = 2;

    @Spec private CommandSpec spec;

    @Option(
            names = "--verbose",
            scope = ScopeType.INHERIT,
            description = "Show the stack trace of an error.")
    private boolean verbose;

    @Option(
            names = "--progress",
            scope = ScopeType.INHERIT,
            paramLabel = "auto|always|never",
            defaultValue = "auto",
            description =
                    "Show a live status line of a running job on standard error: when it is a"
                            + " terminal (auto, the default), always or never.")
    private ProgressMode progress;

    @Option(
            names = "--config",
            scope = ScopeType.INHERIT,
            paramLabel = "<file>",
            description =
                    "The configuration file (default: spate.yaml in $SPATE_CONF_DIR, else the"
                            + " installation's conf/spate.yaml); -D settings win over it.")
    private Path configFile;

    private final PrintStream err;
    private final boolean terminal;
    private final Clock clock;

    private SpateCli(PrintStream err, boolean terminal, Clock clock) {
        this.err = err;
        this.terminal = terminal;
        this.clock = clock;
    }

    public static void main(String[] args) {
        // Exit explicitly: threads a program leaves behind must not keep the process alive.
        System.exit(execute(System.out, System.err, System.console() != null, args));
    }

    /**
     * Runs the command line in this process and returns its exit code. Help and versions go to
     * {@code out}, errors and the status line to {@code err}; what jobs print goes to {@code
     * System.out}, as always.
     *
     * @param terminal whether {@code err} is a terminal, which shows the status line by default
     */
    public static int execute(PrintStream out, PrintStream err, boolean terminal, String... args) {
        SpateCli cli = new SpateCli(err, terminal, Clock.system());
        CommandLine commandLine = new CommandLine(cli);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.getSubcommands().get("run").setStopAtPositional(true);
        commandLine.setOut(new PrintWriter(new OutputStreamWriter(out, stdoutCharset()), true));
        commandLine.setErr(new PrintWriter(new OutputStreamWriter(err, stdoutCharset()), true));
        commandLine.setParameterExceptionHandler(cli::usageError);
        commandLine.setExecutionExceptionHandler(cli::failure);
        return commandLine.execute(args);
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "No command given");
    }

    /**
     * Runs programs with a runner whose jobs, if asked, report to a live status line, and are
     * announced with their ids and REST API if {@code announceJobs}.
     */
    void runPrograms(Configuration config, boolean announceJobs, ProgramCall call)
            throws Exception {
        if (!progress.enabled(terminal)) {
            List<JobListener> listeners = announceJobs ? List.of(new JobAnnouncer(err)) : List.of();
            call.run(new ProgramRunner(config, listeners));
            return;
        }
        StatusLine line = new StatusLine(err);
        PrintStream out = System.out;
        PrintStream errors = System.err;
        // Interrupted (Ctrl-C), the process must not leave a half status line behind.
        Thread clearOnExit = new Thread(line::clear, "spate-cli-clear-status");
        Runtime.getRuntime().addShutdownHook(clearOnExit);
        try (JobProgressReporter reporter = new JobProgressReporter(line, clock)) {
            // What jobs print, and what is logged, must not land on the status line.
            System.setOut(line.guard(out, stdoutCharset()));
            System.setErr(line.guard(errors, stdoutCharset()));
            List<JobListener> listeners = new ArrayList<>();
            if (announceJobs) {
                listeners.add(new JobAnnouncer(line.guard(err, stdoutCharset())));
            }
            listeners.add(reporter);
            call.run(new ProgramRunner(config, listeners));
        } finally {
            System.setOut(out);
            System.setErr(errors);
            try {
                Runtime.getRuntime().removeShutdownHook(clearOnExit);
            } catch (IllegalStateException e) {
                // Already shutting down; the hook clears the line.
            }
        }
    }

    /**
     * The settings of the configuration file, if there is one; warns on standard error of keys no
     * option knows.
     */
    Configuration fileConfiguration() {
        return ConfigFile.locate(configFile, System.getenv(), System.getProperty("java.class.path"))
                .map(file -> ConfigFile.load(file, err::println))
                .orElseGet(Configuration::new);
    }

    /** The {@code --config} file given on the command line, or null. */
    Path configFile() {
        return configFile;
    }

    /** A message for the person at the terminal, on standard error. */
    void info(String message) {
        err.println(message);
    }

    /** What a command does with a runner. */
    @FunctionalInterface
    interface ProgramCall {
        void run(ProgramRunner runner) throws Exception;
    }

    private int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String message = ErrorLine.oneLine(e.getMessage());
        if (e instanceof UnmatchedArgumentException && command.getCommandSpec().parent() == null) {
            List<String> unmatched = ((UnmatchedArgumentException) e).getUnmatched();
            if (!unmatched.isEmpty() && !unmatched.get(0).startsWith("-")) {
                message =
                        "Unknown command '"
                                + unmatched.get(0)
                                + "'; the commands are "
                                + String.join(", ", command.getSubcommands().keySet());
            }
        }
        err.println(
                "spate: error: "
                        + message
                        + " (see '"
                        + command.getCommandSpec().qualifiedName()
                        + " --help')");
        if (verbose) {
            e.printStackTrace(err);
        }
        return EXIT_USAGE;
    }

    private int failure(Exception e, CommandLine command, ParseResult parseResult) {
        err.println("spate: error: " + ErrorLine.of(e));
        if (verbose) {
            e.printStackTrace(err);
        }
        return EXIT_FAILURE;
    }

    /** The charset of standard output, so that text written through a guard reads the same. */
    private static Charset stdoutCharset() {
        for (String property : new String[] {"stdout.encoding", "sun.stdout.encoding"}) {
            String name = System.getProperty(property);
            if (name != null && Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        }
        return Charset.defaultCharset();
    }

    /** The version the build wrote into {@code version.properties}. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = SpateCli.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {
                "Spate " + p.getProperty("version", "(unknown version)"),
                "Java "
                        + System.getProperty("java.version")
                        + " ("
                        + Objects.toString(System.getProperty("java.vm.name"), "unknown VM")
                        + ")"
            };
        }
    }
}
