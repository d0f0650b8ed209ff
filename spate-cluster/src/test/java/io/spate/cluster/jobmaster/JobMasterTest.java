package io.spate.cluster.jobmaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.spate.api.common.functions.MapFunction;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.execution.CheckpointingOptions;
import io.spate.api.execution.JobStatus;
import io.spate.api.graph.Pipeline;
import io.spate.cluster.gateway.TestingTaskExecutorGateway;
import io.spate.cluster.messages.ExecutionState;
import io.spate.cluster.messages.JobResult;
import io.spate.cluster.messages.TaskKey;
import io.spate.cluster.messages.TaskMetricsReport;
import io.spate.cluster.rpc.MainThreadExecutor;
import io.spate.common.JobId;
import io.spate.common.time.ManualClock;
import io.spate.core.plan.JobGraph;
import io.spate.core.plan.StreamPlanner;
import io.spate.runtime.task.TaskDeployment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JobMaster's view of a job's life, driven by subtask reports from fake TaskExecutors. Reports
 * reach the JobMaster through its own gateway, i.e. through its main thread's mailbox; a query
 * posted after a report therefore sees its effect.
 */
class JobMasterTest {
    private final MainThreadExecutor mainThread = new MainThreadExecutor("spate-test-jobmanager");
    private final ResourceManager rm = new ResourceManager(mainThread);
    private final ManualClock clock = new ManualClock(1_000);
    private final TestingTaskExecutorGateway te0 = new TestingTaskExecutorGateway("te0");
    private final TestingTaskExecutorGateway te1 = new TestingTaskExecutorGateway("te1");
    private final JobId jobId = new JobId(1, 2);

    @TempDir Path tempDir;

    private JobGraph graph;
    private JobMaster master;

    @BeforeEach
    void setUp() throws Exception {
        onMain(() -> rm.registerTaskExecutor("te0", 1, te0));
        onMain(() -> rm.registerTaskExecutor("te1", 1, te1));
        // source (2) --rebalance--> map -> sink (2): four subtasks on two slots.
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSequence(1, 100)
                .rebalance()
                .map((MapFunction<Long, Long>) v -> v)
                .returns(Long.class)
                .print();
        graph =
                StreamPlanner.plan(
                        new Pipeline(
                                "life",
                                env.getTransformations(),
                                env.getConfig(),
                                env.getConfiguration(),
                                clock),
                        1);
        master = newJobMaster(jobId, graph);
    }

    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);

    private JobMaster newJobMaster(JobId id, JobGraph jobGraph) {
        return new JobMaster(
                id,
                jobGraph,
                mainThread,
                rm,
                clock,
                getClass().getClassLoader(),
                timer,
                Runnable::run);
    }

    @AfterEach
    void close() {
        timer.shutdownNow();
        mainThread.close();
    }

    private <T> T onMain(Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        mainThread.execute(
                () -> {
                    try {
                        result.complete(action.call());
                    } catch (Throwable t) {
                        result.completeExceptionally(t);
                    }
                });
        try {
            return result.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception) {
                throw (Exception) e.getCause();
            }
            throw e;
        }
    }

    private void run(Runnable action) throws Exception {
        onMain(
                () -> {
                    action.run();
                    return null;
                });
    }

    private JobStatus status() throws Exception {
        return onMain(master::status);
    }

    private void start() throws Exception {
        run(master::start);
    }

    private TaskKey task(int vertex, int subtask) {
        return new TaskKey(jobId, 0, vertex, subtask);
    }

    private List<TaskKey> allTasks() {
        List<TaskKey> all = new ArrayList<>();
        graph.vertices()
                .forEach(
                        v -> {
                            for (int i = 0; i < v.parallelism(); i++) {
                                all.add(task(v.id(), i));
                            }
                        });
        return all;
    }

    /** The fake TaskExecutor subtask {@code i} was deployed to: slot i. */
    private TestingTaskExecutorGateway executorOf(TaskKey task) {
        return task.subtaskIndex() == 0 ? te0 : te1;
    }

    private void report(TaskKey task, ExecutionState state, Throwable failure) throws Exception {
        executorOf(task).report(task, state, failure).get(20, TimeUnit.SECONDS);
    }

    private JobResult result() throws Exception {
        return master.result().get(20, TimeUnit.SECONDS);
    }

    private List<TaskKey> cancelled() {
        List<TaskKey> all = new ArrayList<>(te0.cancelled());
        all.addAll(te1.cancelled());
        return all;
    }

    @Test
    void startingDeploysSubtaskIOfEveryVertexToSlotI() throws Exception {
        assertThat(status()).isEqualTo(JobStatus.CREATED);
        start();
        assertThat(status()).isEqualTo(JobStatus.RUNNING);

        assertThat(graph.vertices()).hasSize(2);
        for (TestingTaskExecutorGateway te : List.of(te0, te1)) {
            int subtask = te == te0 ? 0 : 1;
            assertThat(te.deployments())
                    .hasSize(2)
                    .allSatisfy(d -> assertThat(d.subtaskIndex()).isEqualTo(subtask))
                    .allSatisfy(d -> assertThat(d.jobId()).isEqualTo(jobId));
        }
        // The source's splits are dealt to its subtasks; other vertices get none.
        List<TaskDeployment> all = new ArrayList<>(te0.deployments());
        all.addAll(te1.deployments());
        for (TaskDeployment d : all) {
            boolean source = graph.vertex(d.vertexId()).isSource();
            assertThat(d.splits()).as("splits of %s", d.taskName()).hasSize(source ? 1 : 0);
        }
        assertThat(onMain(master::details).startTimeMillis()).isEqualTo(1_000);
        assertThat(master.result()).isNotDone();
    }

    @Test
    void theJobFinishesWhenEverySubtaskFinished() throws Exception {
        start();
        List<TaskKey> tasks = allTasks();
        for (TaskKey t : tasks) {
            report(t, ExecutionState.RUNNING, null);
        }
        assertThat(status()).isEqualTo(JobStatus.RUNNING);

        clock.advance(Duration.ofSeconds(3));
        for (int i = 0; i < tasks.size(); i++) {
            executorOf(tasks.get(i))
                    .report(
                            tasks.get(i),
                            ExecutionState.FINISHED,
                            null,
                            Map.of("Map.numRecordsIn", 25L, "exchange.pendingBatchesMax", (long) i),
                            new TaskMetricsReport(10, 5))
                    .get(20, TimeUnit.SECONDS);
            assertThat(status())
                    .isEqualTo(i < tasks.size() - 1 ? JobStatus.RUNNING : JobStatus.FINISHED);
        }

        JobResult result = result();
        assertThat(result.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(result.failure()).isNull();
        assertThat(result.jobName()).isEqualTo("life");
        assertThat(result.netRuntime()).isEqualTo(Duration.ofSeconds(3));
        assertThat(result.counters())
                .containsEntry("Map.numRecordsIn", 100L)
                .containsEntry("exchange.pendingBatchesMax", 3L);
        assertThat(result.totals()).isEqualTo(new TaskMetricsReport(40, 20));
        assertThat(cancelled()).isEmpty();

        // Its slots are free again.
        assertThat(onMain(() -> rm.allocate(JobId.random(), 2))).hasSize(2);
    }

    @Test
    void oneFailedSubtaskFailsTheJobWithTheFirstCauseAfterCancellingTheOthers() throws Exception {
        start();
        List<TaskKey> tasks = allTasks();
        TaskKey first = tasks.get(1);
        TaskKey second = tasks.get(2);
        RuntimeException firstCause = new IllegalStateException("first");

        report(first, ExecutionState.FAILED, firstCause);

        assertThat(status()).isEqualTo(JobStatus.FAILING);
        assertThat(cancelled())
                .containsExactlyInAnyOrderElementsOf(
                        tasks.stream().filter(t -> !t.equals(first)).toList());
        assertThat(master.result()).isNotDone();

        report(second, ExecutionState.FAILED, new IllegalStateException("second"));
        assertThat(status()).isEqualTo(JobStatus.FAILING);
        for (TaskKey t : tasks) {
            if (!t.equals(first) && !t.equals(second)) {
                assertThat(status()).isEqualTo(JobStatus.FAILING);
                report(t, ExecutionState.CANCELED, null);
            }
        }

        assertThat(status()).isEqualTo(JobStatus.FAILED);
        JobResult result = result();
        assertThat(result.status()).isEqualTo(JobStatus.FAILED);
        assertThat(result.failure()).isSameAs(firstCause);
        assertThat(cancelled()).as("cancelled once each").hasSize(tasks.size() - 1);
    }

    @Test
    void cancellingCancelsEverySubtaskAndEndsCanceled() throws Exception {
        start();
        List<TaskKey> tasks = allTasks();
        report(tasks.get(0), ExecutionState.RUNNING, null);

        run(master::cancel);

        assertThat(status()).isEqualTo(JobStatus.CANCELLING);
        assertThat(cancelled()).containsExactlyInAnyOrderElementsOf(tasks);

        run(master::cancel); // a second request changes nothing
        assertThat(cancelled()).hasSize(tasks.size());

        for (int i = 0; i < tasks.size(); i++) {
            assertThat(status()).isEqualTo(JobStatus.CANCELLING);
            report(tasks.get(i), ExecutionState.CANCELED, null);
        }
        assertThat(status()).isEqualTo(JobStatus.CANCELED);
        assertThat(result().status()).isEqualTo(JobStatus.CANCELED);
        assertThat(result().failure()).isNull();

        run(master::cancel); // and neither does one after the end
        assertThat(status()).isEqualTo(JobStatus.CANCELED);
    }

    @Test
    void subtasksThatFinishWhileTheJobIsCancellingStillEndItCanceled() throws Exception {
        start();
        List<TaskKey> tasks = allTasks();
        run(master::cancel);
        report(tasks.get(0), ExecutionState.FINISHED, null);
        report(tasks.get(1), ExecutionState.FAILED, new IllegalStateException("while cancelling"));
        report(tasks.get(2), ExecutionState.CANCELED, null);
        report(tasks.get(3), ExecutionState.CANCELED, null);
        assertThat(result().status()).isEqualTo(JobStatus.CANCELED);
    }

    @Test
    void staleAndUnknownReportsAreIgnored() throws Exception {
        start();
        List<TaskKey> tasks = allTasks();

        // Reports of another attempt, another job and a subtask that does not exist.
        for (TaskKey t : tasks) {
            TaskKey otherAttempt = new TaskKey(jobId, 1, t.vertexId(), t.subtaskIndex());
            report(otherAttempt, ExecutionState.FAILED, new IllegalStateException("old attempt"));
            TaskKey otherJob = new TaskKey(new JobId(9, 9), 0, t.vertexId(), t.subtaskIndex());
            report(otherJob, ExecutionState.FINISHED, null);
        }
        report(task(0, 7), ExecutionState.FAILED, new IllegalStateException("no such subtask"));
        assertThat(status()).isEqualTo(JobStatus.RUNNING);
        assertThat(cancelled()).isEmpty();

        // A late report about a subtask that already ended changes nothing.
        report(tasks.get(0), ExecutionState.FINISHED, null);
        report(tasks.get(0), ExecutionState.FAILED, new IllegalStateException("too late"));
        report(tasks.get(0), ExecutionState.RUNNING, null);
        assertThat(status()).isEqualTo(JobStatus.RUNNING);

        for (TaskKey t : tasks.subList(1, tasks.size())) {
            report(t, ExecutionState.FINISHED, null);
        }
        assertThat(result().status()).isEqualTo(JobStatus.FINISHED);
        assertThat(result().failure()).isNull();

        // And so does any report after the end.
        report(tasks.get(1), ExecutionState.FAILED, new IllegalStateException("after the end"));
        assertThat(status()).isEqualTo(JobStatus.FINISHED);
    }

    @Test
    void aSubtaskThatCannotBeDeployedFailsTheJob() throws Exception {
        IllegalStateException refused = new IllegalStateException("no room here");
        te1.setSubmitTaskFunction(
                (deployment, jobMaster) ->
                        deployment.vertexId() == 0
                                ? CompletableFuture.failedFuture(refused)
                                : CompletableFuture.completedFuture(null));
        start();

        assertThat(status()).isEqualTo(JobStatus.FAILING);
        TaskKey failed = task(0, 1);
        for (TaskKey t : allTasks()) {
            if (!t.equals(failed)) {
                report(t, ExecutionState.CANCELED, null);
            }
        }
        assertThat(result().status()).isEqualTo(JobStatus.FAILED);
        assertThat(result().failure()).isSameAs(refused);
    }

    @Test
    void aJobWithoutEnoughSlotsFailsAtOnce() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
        env.fromSequence(1, 10).print();
        JobGraph wide =
                StreamPlanner.plan(
                        new Pipeline(
                                "too wide",
                                env.getTransformations(),
                                env.getConfig(),
                                env.getConfiguration(),
                                clock),
                        1);
        JobMaster wideMaster = newJobMaster(new JobId(3, 3), wide);

        run(wideMaster::start);

        assertThat(onMain(wideMaster::status)).isEqualTo(JobStatus.FAILED);
        JobResult result = wideMaster.result().get(20, TimeUnit.SECONDS);
        assertThat(result.status()).isEqualTo(JobStatus.FAILED);
        assertThat(result.failure())
                .isInstanceOf(ResourceManager.NotEnoughSlotsException.class)
                .hasMessageContaining("needs 3 task slots");
        assertThat(te0.deployments()).isEmpty();
        assertThat(te1.deployments()).isEmpty();
    }

    @Test
    void cancellingAFailingJobIsAcceptedAndTheJobStillFails() throws Exception {
        start();
        List<TaskKey> tasks = allTasks();
        IllegalStateException cause = new IllegalStateException("broken");
        report(tasks.get(0), ExecutionState.FAILED, cause);
        assertThat(status()).isEqualTo(JobStatus.FAILING);

        run(master::cancel);

        assertThat(status()).isEqualTo(JobStatus.FAILING);
        for (TaskKey t : tasks.subList(1, tasks.size())) {
            report(t, ExecutionState.CANCELED, null);
        }
        assertThat(result().status()).isEqualTo(JobStatus.FAILED);
        assertThat(result().failure()).isSameAs(cause);
    }

    @Test
    void aSubtaskCanceledWithoutACancelRequestFailsTheJobRatherThanFinishingIt() throws Exception {
        start();
        List<TaskKey> tasks = allTasks();
        // E.g. its TaskExecutor shut down: nobody asked for the subtask to stop.
        report(tasks.get(0), ExecutionState.CANCELED, null);

        assertThat(status()).isEqualTo(JobStatus.FAILING);
        for (TaskKey t : tasks.subList(1, tasks.size())) {
            report(t, ExecutionState.CANCELED, null);
        }
        JobResult result = result();
        assertThat(result.status()).isEqualTo(JobStatus.FAILED);
        assertThat(result.failure())
                .isNotNull()
                .hasMessageContaining("cancelled")
                .hasMessageContaining(graph.vertex(tasks.get(0).vertexId()).name());
    }

    @Test
    void metricsAddFinishedSubtasksToWhatTheTaskExecutorsReport() throws Exception {
        start();
        te0.setRequestMetricsFunction(
                job -> CompletableFuture.completedFuture(new TaskMetricsReport(7, 1)));
        te1.setRequestMetricsFunction(
                job -> CompletableFuture.completedFuture(new TaskMetricsReport(3, 2)));
        List<TaskKey> tasks = allTasks();
        executorOf(tasks.get(0))
                .report(
                        tasks.get(0),
                        ExecutionState.FINISHED,
                        null,
                        Map.of(),
                        new TaskMetricsReport(100, 50))
                .get(20, TimeUnit.SECONDS);
        clock.advance(Duration.ofMillis(1500));

        var snapshot = onMain(master::metrics).get(20, TimeUnit.SECONDS);

        assertThat(snapshot.getStatus()).isEqualTo(JobStatus.RUNNING);
        assertThat(snapshot.getRecordsIn()).isEqualTo(100 + 7 + 3);
        assertThat(snapshot.getRecordsOut()).isEqualTo(50 + 1 + 2);
    }

    @Test
    void periodicCheckpointsWaitUntilEverySubtaskHasStarted() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(Duration.ofMillis(5));
        env.getConfiguration().set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, tempDir.toString());
        env.fromSequence(1, 100).rebalance().print();
        JobGraph checkpointed =
                StreamPlanner.plan(
                        new Pipeline(
                                "checkpointed",
                                env.getTransformations(),
                                env.getConfig(),
                                env.getConfiguration(),
                                clock),
                        1);
        master = newJobMaster(jobId, checkpointed);
        graph = checkpointed;
        AtomicInteger triggers = new AtomicInteger();
        for (TestingTaskExecutorGateway te : List.of(te0, te1)) {
            te.setTriggerCheckpointFunction(
                    t -> {
                        triggers.incrementAndGet();
                        return CompletableFuture.completedFuture(null);
                    });
        }
        start();
        List<TaskKey> tasks = allTasks();
        // All but one started: a trigger now would reach a subtask still being deployed.
        for (TaskKey t : tasks.subList(1, tasks.size())) {
            report(t, ExecutionState.RUNNING, null);
        }
        await().pollDelay(Duration.ofMillis(100)).until(() -> true);
        assertThat(triggers.get()).isZero();

        report(tasks.get(0), ExecutionState.RUNNING, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> triggers.get() > 0);
    }

    @Test
    void aSavepointASourceCannotStartFailsAtOnceRatherThanAtItsTimeout() throws Exception {
        IllegalStateException notHere = new IllegalStateException("subtask is not running here");
        te0.setTriggerCheckpointFunction(t -> CompletableFuture.failedFuture(notHere));
        te1.setTriggerCheckpointFunction(t -> CompletableFuture.failedFuture(notHere));
        start();
        CompletableFuture<String> savepoint =
                onMain(() -> master.triggerSavepoint(tempDir.toString()));
        // The manual clock never reaches the checkpoint timeout: only the refusal can end it.
        assertThatThrownBy(() -> savepoint.get(20, TimeUnit.SECONDS))
                .hasMessageContaining("could not start at a source")
                .hasMessageContaining("subtask is not running here");
    }

    @Test
    void itRunsOnlyOnItsMainThread() {
        assertThatThrownBy(master::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spate-test-jobmanager");
    }
}
