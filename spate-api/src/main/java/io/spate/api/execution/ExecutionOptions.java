package io.spate.api.execution;

import io.spate.annotations.Public;
import io.spate.common.config.ConfigOption;
import java.time.Duration;

/** Options of the environment that builds and submits jobs. */
@Public
public final class ExecutionOptions {
    private ExecutionOptions() {}

    public static final ConfigOption<String> TARGET =
            ConfigOption.key("execution.target")
                    .stringType()
                    .defaultValue("embedded")
                    .description(
                            "Where jobs run: 'embedded' starts an engine inside this JVM for each job;"
                                    + " 'remote' submits them to the JobManager at"
                                    + " execution.remote.address over its REST API.");

    public static final ConfigOption<String> REMOTE_ADDRESS =
            ConfigOption.key("execution.remote.address")
                    .stringType()
                    .noDefaultValue(
                            "For execution.target 'remote': host:port of the JobManager's REST API"
                                    + " (with rest.token when it requires one).");

    public static final ConfigOption<String> JARS =
            ConfigOption.key("pipeline.jars")
                    .stringType()
                    .noDefaultValue(
                            "For execution.target 'remote': the path of the program's jar, which is"
                                    + " uploaded to the JobManager so that it can load the job's"
                                    + " classes; unset when they are on the JobManager's class path.");

    public static final ConfigOption<Integer> PARALLELISM =
            ConfigOption.key("parallelism.default")
                    .intType()
                    .noDefaultValue(
                            "The parallelism of operators that set none; when unset, the number of cores.");

    public static final ConfigOption<Integer> MAX_PARALLELISM =
            ConfigOption.key("pipeline.max-parallelism")
                    .intType()
                    .defaultValue(128)
                    .description(
                            "The number of key groups: the highest parallelism a keyed operator can be"
                                    + " rescaled to.");

    public static final ConfigOption<Duration> AUTO_WATERMARK_INTERVAL =
            ConfigOption.key("pipeline.auto-watermark-interval")
                    .durationType()
                    .defaultValue(Duration.ofMillis(200))
                    .description(
                            "How often sources and timestamp assigners ask their watermark generators"
                                    + " for a watermark (processing time).");

    public static final ConfigOption<Duration> WATERMARK_IDLE_TIMEOUT =
            ConfigOption.key("pipeline.watermark-idle-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .description(
                            "How long a source split or input may emit nothing before it stops holding"
                                    + " back the watermark, unless its watermark strategy says otherwise.");

    public static final ConfigOption<Boolean> WINDOW_PANES =
            ConfigOption.key("pipeline.window-panes")
                    .booleanType()
                    .defaultValue(true)
                    .description(
                            "Whether window operators keep aligned time windows with reduce or"
                                    + " aggregate and the default trigger as panes of one slide: one"
                                    + " accumulator per key and slide instead of one per key and"
                                    + " window. Sliding windows then need AggregateFunction.merge and"
                                    + " fold a reduce pane by pane (ADR 0007).");

    public static final ConfigOption<String> JOB_NAME =
            ConfigOption.key("pipeline.name")
                    .stringType()
                    .noDefaultValue("The name of jobs that are executed without one.");
}
