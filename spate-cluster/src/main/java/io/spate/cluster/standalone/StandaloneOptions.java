package io.spate.cluster.standalone;

import io.spate.common.config.ConfigOption;
import java.time.Duration;

/** Options of a standalone cluster: where the JobManager listens, heartbeats, reconnects. */
public final class StandaloneOptions {
    private StandaloneOptions() {}

    public static final ConfigOption<String> RPC_ADDRESS =
            ConfigOption.key("jobmanager.rpc.address")
                    .stringType()
                    .defaultValue("127.0.0.1")
                    .description(
                            "The address the JobManager listens on for TaskManagers, and where a"
                                    + " TaskManager looks for it. Loopback by default: set it to"
                                    + " an address other machines reach to run a cluster on"
                                    + " several machines.");

    public static final ConfigOption<Integer> RPC_PORT =
            ConfigOption.key("jobmanager.rpc.port")
                    .intType()
                    .defaultValue(6123)
                    .description(
                            "The port the JobManager listens on for TaskManagers (0: any free"
                                    + " port, printed at start).");

    public static final ConfigOption<Duration> HEARTBEAT_INTERVAL =
            ConfigOption.key("heartbeat.interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(2))
                    .description(
                            "How often the JobManager and each TaskManager tell each other they"
                                    + " are alive. The JobManager's value applies to both.");

    public static final ConfigOption<Duration> HEARTBEAT_TIMEOUT =
            ConfigOption.key("heartbeat.timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .description(
                            "A peer not heard from for this long is lost: the JobManager frees the"
                                    + " slots of such a TaskManager, a TaskManager stops its tasks"
                                    + " and reconnects. The JobManager's value applies to both.");

    public static final ConfigOption<Duration> RECONNECT_MAX_BACKOFF =
            ConfigOption.key("taskmanager.reconnect.max-backoff")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .description(
                            "The longest a TaskManager that lost its JobManager waits between two"
                                    + " attempts to register again; it starts at 100 ms and"
                                    + " doubles.");

    public static final ConfigOption<String> DATA_ADDRESS =
            ConfigOption.key("taskmanager.data.address")
                    .stringType()
                    .defaultValue("127.0.0.1")
                    .description(
                            "The address a TaskManager listens on for the data of other"
                                    + " TaskManagers (remote exchanges), and tells the JobManager."
                                    + " Loopback by default: set it to an address other machines"
                                    + " reach to run a cluster on several machines.");

    public static final ConfigOption<Integer> DATA_PORT =
            ConfigOption.key("taskmanager.data.port")
                    .intType()
                    .defaultValue(0)
                    .description(
                            "The port a TaskManager listens on for the data of other TaskManagers"
                                    + " (0: any free port).");

    public static final ConfigOption<Duration> RPC_TIMEOUT =
            ConfigOption.key("jobmanager.rpc.timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .description(
                            "How long the JobManager waits for a TaskManager to answer a request"
                                    + " (deploying a subtask, which may include fetching the job's"
                                    + " jar; metrics) before it gives up on it.");
}
