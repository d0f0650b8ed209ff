package io.spate.cluster.standalone;

import io.spate.api.cluster.ClusterProcess;
import io.spate.api.cluster.ClusterProcessFactory;
import io.spate.cluster.ClusterOptions;
import io.spate.common.config.Configuration;
import io.spate.common.time.Clock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code spate taskmanager}: a standalone TaskManager. It registers its slots with the JobManager
 * and keeps itself registered ({@link TaskManagerRunner}), and runs the subtasks the JobManager
 * deploys to it ({@link TaskExecutorHost}); when it loses the JobManager it cancels them all.
 */
public final class TaskManagerProcess implements ClusterProcess {
    private static final Logger LOG = LoggerFactory.getLogger(TaskManagerProcess.class);

    private final TaskExecutorHost host;
    private final TaskManagerRunner runner;

    private TaskManagerProcess(TaskExecutorHost host, TaskManagerRunner runner) {
        this.host = host;
        this.runner = runner;
    }

    /**
     * Starts the TaskExecutor (worker threads, the exchange's server) and registers it with the
     * JobManager.
     */
    public static TaskManagerProcess start(
            Configuration conf, Clock clock, Consumer<String> announcements) {
        Integer configuredSlots = conf.get(ClusterOptions.TASK_SLOTS);
        int slots = configuredSlots == null ? 1 : configuredSlots;
        TaskExecutorHost host = new TaskExecutorHost(conf, clock, "taskexecutor", slots);
        try {
            TaskManagerRunner runner =
                    TaskManagerRunner.start(
                            conf,
                            clock,
                            announcements,
                            host::onJobManagerLost,
                            host.exchangeAddress(),
                            host::onMessage);
            host.connect(runner::send);
            LOG.info("TaskManager {} exchanges data at {}", runner.id(), host.exchangeAddress());
            return new TaskManagerProcess(host, runner);
        } catch (RuntimeException e) {
            host.close();
            throw e;
        }
    }

    public TaskManagerRunner runner() {
        return runner;
    }

    /** The TaskExecutor of this process, for tests. */
    public io.spate.cluster.taskexecutor.TaskExecutor taskExecutor() {
        return host.taskExecutor();
    }

    /** Leaves the cluster in order: says goodbye to the JobManager, then stops the subtasks. */
    @Override
    public void close() {
        runner.close();
        host.close();
    }

    /** Registered as a {@link java.util.ServiceLoader} service for the command line. */
    public static final class Factory implements ClusterProcessFactory {
        @Override
        public String role() {
            return "taskmanager";
        }

        @Override
        public ClusterProcess start(Configuration configuration, Consumer<String> announcements) {
            return TaskManagerProcess.start(configuration, Clock.system(), announcements);
        }
    }
}
