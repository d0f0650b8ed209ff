package io.spate.cluster.standalone;

/**
 * What a TaskManager does when it loses its JobManager. Called on the TaskManager's control thread,
 * before it tries to register again.
 *
 * <p>TODO(issue 6, next increment): the TaskExecutor cancels every task it runs here, so that no
 * task keeps writing for a JobManager that has given up on it (no zombie writers).
 */
@FunctionalInterface
public interface JobManagerLossListener {
    void onJobManagerLost(String reason);
}
