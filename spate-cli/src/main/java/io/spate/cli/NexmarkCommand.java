package io.spate.cli;

import io.spate.api.execution.ExecutionOptions;
import io.spate.api.execution.RestOptions;
import io.spate.client.rest.RestClient;
import io.spate.common.config.Configuration;
import io.spate.common.config.Durations;
import io.spate.nexmark.generator.GeneratorConfig;
import io.spate.nexmark.queries.NexmarkQuery;
import io.spate.nexmark.runner.NexmarkRunner;
import io.spate.nexmark.runner.NexmarkRunner.Options;
import io.spate.nexmark.runner.NexmarkRunner.SinkKind;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code spate nexmark}: runs a query of the Nexmark benchmark and prints what it measured. */
@Command(
        name = "nexmark",
        mixinStandardHelpOptions = true,
        versionProvider = SpateCli.Version.class,
        description = {
            "Runs a Nexmark query (the deterministic Nexmark of the project's SPEC) on an engine"
                    + " embedded in this process, with the generator as the source, and prints one"
                    + " line per run:",
            "RESULT query=.. events=.. parallelism=.. wall_s=.. events_per_s=.. cpu_cores=.."
                    + " events_per_s_per_core=.. rows=.. checksum=..",
            "The timer starts when the first event leaves a source and stops when the job has"
                    + " finished; cpu_cores is the process's CPU time in between divided by it.",
            "With --jobmanager host:port the query runs on that JobManager instead (submitted over"
                    + " its REST API); wall_s is then the job's run time there, and cpu_cores and"
                    + " events_per_s_per_core are '-', for the CPU is not this process's."
        })
final class NexmarkCommand implements Callable<Integer> {
    @Spec private CommandSpec spec;

    @Option(
            names = "--query",
            required = true,
            paramLabel = "<qN>",
            description = "The query: q0, q1, q2, q3, q4, q5, q7, q8 or q11.")
    private String query;

    @Option(
            names = "--events",
            required = true,
            paramLabel = "<n>",
            description = "How many events the generator makes.")
    private long events;

    @Option(
            names = "--seed",
            paramLabel = "<s>",
            defaultValue = "42",
            description = "The generator's seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(
            names = "--rate",
            paramLabel = "<events/s>",
            defaultValue = "10000000",
            description =
                    "Events per second of event time (SPEC's R; not a wall-clock rate; default:"
                            + " ${DEFAULT-VALUE}).")
    private long rate;

    @Option(
            names = "--first-event-time",
            paramLabel = "<epoch ms>",
            defaultValue = "1700000000000",
            description = "The event time of the first event (default: ${DEFAULT-VALUE}).")
    private long firstEventTime;

    @Option(
            names = {"-p", "--parallelism"},
            paramLabel = "<n>",
            defaultValue = "1",
            description = "The job's parallelism (default: ${DEFAULT-VALUE}).")
    private int parallelism;

    @Option(
            names = "--sink",
            paramLabel = "blackhole|checksum",
            defaultValue = "blackhole",
            description =
                    "Discard the rows (for timing; the default) or compute their checksum (SPEC §7)"
                            + " as checkpointed state.")
    private String sink;

    @Option(
            names = "--checkpoint-interval",
            paramLabel = "<duration>",
            description = "Take checkpoints at this interval, e.g. 500ms or 2s (default: none).")
    private String checkpointInterval;

    @Option(
            names = "--state-backend",
            paramLabel = "<name>",
            defaultValue = "heap",
            description = "The keyed state backend (default: ${DEFAULT-VALUE}).")
    private String stateBackend;

    @Option(
            names = "--fail-after",
            paramLabel = "<n>",
            description =
                    "Inject one task failure once this many events reached the first subtask"
                            + " (needs --checkpoint-interval); the job restarts from its latest"
                            + " checkpoint.")
    private Long failAfter;

    @Option(
            names = "--throttle",
            paramLabel = "<events/s>",
            defaultValue = "0",
            description =
                    "Limit the sources to this many events per second of wall-clock time in all"
                            + " (0, the default: as fast as they go). For failure tests, so that"
                            + " checkpoints complete while the events flow; not for timed runs.")
    private double throttle;

    @Option(
            names = "--runs",
            paramLabel = "<n>",
            defaultValue = "1",
            description = "How many times to run the query, one RESULT line each (default: 1).")
    private int runs;

    @Option(
            names = "-D",
            paramLabel = "<key=value>",
            description = "An engine configuration setting; repeatable.")
    private Map<String, String> settings = new LinkedHashMap<>();

    @Option(
            names = {"-m", "--jobmanager"},
            paramLabel = "<host:port>",
            description =
                    "Run the query on the JobManager whose REST API is at this address (its token:"
                            + " -D rest.token=... or SPATE_REST_TOKEN).")
    private String jobManager;

    @Override
    public Integer call() throws Exception {
        Options options = options();
        PrintWriter out = spec.commandLine().getOut();
        for (int i = 0; i < runs; i++) {
            out.println(NexmarkRunner.run(options).line());
            out.flush();
        }
        return 0;
    }

    private Options options() {
        if (runs < 1) {
            throw usage("--runs must be at least 1, was " + runs);
        }
        SinkKind sinkKind;
        switch (sink.toLowerCase(Locale.ROOT)) {
            case "blackhole" -> sinkKind = SinkKind.BLACKHOLE;
            case "checksum" -> sinkKind = SinkKind.CHECKSUM;
            default -> throw usage("--sink must be blackhole or checksum, was '" + sink + "'");
        }
        Duration interval = null;
        if (checkpointInterval != null) {
            try {
                interval = Durations.parse(checkpointInterval);
            } catch (IllegalArgumentException e) {
                throw usage("--checkpoint-interval: " + e.getMessage());
            }
        }
        Configuration config = new Configuration();
        settings.forEach((k, v) -> config.setRaw(k.strip(), v));
        if (jobManager != null) {
            try {
                config.set(
                        ExecutionOptions.REMOTE_ADDRESS,
                        RestClient.parseAddress(jobManager).getRawAuthority());
            } catch (IllegalArgumentException e) {
                throw usage("--jobmanager: " + e.getMessage());
            }
            config.set(ExecutionOptions.TARGET, "remote");
            String token = System.getenv(JobManagerOptions.TOKEN_VARIABLE);
            if (!config.contains(RestOptions.TOKEN) && token != null && !token.isBlank()) {
                config.set(RestOptions.TOKEN, token);
            }
        }
        try {
            NexmarkQuery.named(query);
            GeneratorConfig generator = new GeneratorConfig(seed, events, firstEventTime, rate);
            return new Options(
                    query.toLowerCase(Locale.ROOT),
                    generator,
                    parallelism,
                    sinkKind,
                    interval,
                    stateBackend,
                    failAfter,
                    throttle,
                    config);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
