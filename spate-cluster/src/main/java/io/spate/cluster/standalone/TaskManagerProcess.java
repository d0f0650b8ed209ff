package io.spate.cluster.standalone;

import io.spate.api.cluster.ClusterProcess;
import io.spate.api.cluster.ClusterProcessFactory;
import io.spate.common.config.Configuration;
import io.spate.common.time.Clock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code spate taskmanager}: a standalone TaskManager. Today it registers its slots with the
 * JobManager and keeps itself registered; the TaskExecutor that runs tasks in those slots joins it
 * when jobs can be deployed to a standalone cluster (issue 6).
 */
public final class TaskManagerProcess implements ClusterProcess {
    private static final Logger LOG = LoggerFactory.getLogger(TaskManagerProcess.class);

    private final TaskManagerRunner runner;

    private TaskManagerProcess(TaskManagerRunner runner) {
        this.runner = runner;
    }

    public static TaskManagerProcess start(
            Configuration conf, Clock clock, Consumer<String> announcements) {
        return new TaskManagerProcess(
                TaskManagerRunner.start(
                        conf, clock, announcements, TaskManagerProcess::cancelAllTasks));
    }

    /** The hook of {@link JobManagerLossListener}: no tasks run on a standalone TaskManager yet. */
    private static void cancelAllTasks(String reason) {
        // TODO(issue 6): cancel every task of the TaskExecutor here (no zombie writers).
        LOG.info("No tasks to cancel after losing the JobManager ({})", reason);
    }

    public TaskManagerRunner runner() {
        return runner;
    }

    @Override
    public void close() {
        runner.close();
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
