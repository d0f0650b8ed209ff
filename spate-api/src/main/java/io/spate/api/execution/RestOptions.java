package io.spate.api.execution;

import io.spate.annotations.Public;
import io.spate.common.config.ConfigOption;
import java.time.Duration;

/**
 * Options of the JobManager's REST API, through which other processes list, cancel, savepoint and
 * stop running jobs ({@code spate list}, {@code spate savepoint}, ...). The API is off unless
 * {@link #ENABLED} says otherwise; {@code spate run} turns it on.
 */
@Public
public final class RestOptions {
    private RestOptions() {}

    public static final ConfigOption<Boolean> ENABLED =
            ConfigOption.key("rest.enabled")
                    .booleanType()
                    .defaultValue(false)
                    .description(
                            "Whether the JobManager serves its REST API. Off for environments"
                                    + " created in code; spate run turns it on.");

    public static final ConfigOption<String> ADDRESS =
            ConfigOption.key("rest.address")
                    .stringType()
                    .defaultValue("127.0.0.1")
                    .description(
                            "The address the REST API binds to: loopback by default, so that only"
                                    + " this machine reaches it.");

    public static final ConfigOption<String> PORT =
            ConfigOption.key("rest.port")
                    .stringType()
                    .defaultValue("8081-8090")
                    .description(
                            "The port of the REST API, or a range such as 8081-8090 of which the"
                                    + " first free port is taken; 0 takes any free port.");

    public static final ConfigOption<String> TOKEN =
            ConfigOption.key("rest.token")
                    .stringType()
                    .noDefaultValue(
                            "When set, every request to the REST API must carry the header"
                                    + " 'Authorization: Bearer <token>'; others are refused (401).");

    public static final ConfigOption<Duration> SHUTDOWN_TIMEOUT =
            ConfigOption.key("rest.shutdown-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .description(
                            "When the JobManager stops, how long the REST API waits for clients to"
                                    + " read the results of savepoint requests they have not read yet"
                                    + " (e.g. the path of a stop-with-savepoint).");
}
