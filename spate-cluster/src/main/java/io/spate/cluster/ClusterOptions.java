package io.spate.cluster;

import io.spate.common.config.ConfigOption;
import io.spate.common.config.Configuration;
import io.spate.common.config.Hardware;

/** Options of the JobManager and TaskExecutors. */
public final class ClusterOptions {
    private ClusterOptions() {}

    /** The worker threads of each TaskExecutor: {@link #WORKER_THREADS}, else one per core. */
    public static int workerThreads(Configuration config) {
        Integer configured = config.get(WORKER_THREADS);
        return configured != null ? configured : Hardware.availableProcessors();
    }

    public static final ConfigOption<Integer> WORKER_THREADS =
            ConfigOption.key("taskmanager.worker-threads")
                    .intType()
                    .noDefaultValue(
                            "Worker threads of each TaskExecutor, which run all cooperative subtasks;"
                                    + " by default one per core.");

    public static final ConfigOption<Integer> TASK_SLOTS =
            ConfigOption.key("taskmanager.numberOfTaskSlots")
                    .intType()
                    .noDefaultValue(
                            "Slots per TaskExecutor: a slot holds one subtask of every operator. The"
                                    + " embedded engine gives itself as many as the job needs.");

    public static final ConfigOption<Integer> EMBEDDED_TASK_EXECUTORS =
            ConfigOption.key("embedded.taskmanagers")
                    .intType()
                    .defaultValue(1)
                    .description("How many TaskExecutors the embedded engine starts.");

    public static final ConfigOption<Integer> BATCH_SIZE =
            ConfigOption.key("exchange.batch-size")
                    .intType()
                    .defaultValue(256)
                    .description("Records per batch in exchanges between subtasks.");

    public static final ConfigOption<Integer> QUEUE_CAPACITY =
            ConfigOption.key("exchange.queue-capacity")
                    .intType()
                    .defaultValue(16)
                    .description(
                            "Batches a channel between two subtasks holds before the producer must wait.");

    public static final ConfigOption<Integer> RECORDS_PER_CALL =
            ConfigOption.key("taskmanager.records-per-call")
                    .intType()
                    .defaultValue(2048)
                    .description(
                            "Input records a subtask handles in one turn on its worker thread before"
                                    + " the next subtask gets its turn.");
}
