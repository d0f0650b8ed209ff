package io.spate.runtime.execution;

import static io.spate.runtime.execution.TestingTasklet.cooperative;
import static io.spate.runtime.execution.TestingTasklet.doneAfter;
import static io.spate.runtime.execution.TestingTasklet.forever;
import static io.spate.runtime.execution.TestingTasklet.idleUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.spate.runtime.execution.TestingTasklet.Gate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class TaskletExecutionServiceTest {
    private static final Duration BOUND = Duration.ofSeconds(20);

    private String name;
    private final List<TaskletExecutionService> services = new ArrayList<>();

    @BeforeEach
    void name(TestInfo info) {
        name = "spate-test-" + info.getTestMethod().orElseThrow().getName();
    }

    @AfterEach
    void shutDown() {
        services.forEach(s -> s.shutdown(10_000));
    }

    private TaskletExecutionService start(int workers) {
        TaskletExecutionService service = new TaskletExecutionService(name, workers);
        services.add(service);
        return service;
    }

    /** The live threads whose names start with this test's service name. */
    private List<String> threads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith(name + "-"))
                .sorted()
                .toList();
    }

    private static void awaitResult(TaskletHandle h) throws Exception {
        h.completion().get(BOUND.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void startsTheRequestedNumberOfNamedWorkers() {
        TaskletExecutionService service = start(3);
        assertThat(service.workerThreads()).isEqualTo(3);
        assertThat(threads())
                .containsExactly(name + "-worker-0", name + "-worker-1", name + "-worker-2");
        assertThatThrownBy(() -> new TaskletExecutionService(name + "-none", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one worker");
    }

    @Test
    void taskletsAreSpreadOverTheWorkersAndEachStaysOnItsThread() throws Exception {
        TaskletExecutionService service = start(3);
        Gate gate = new Gate();
        List<TestingTasklet> tasklets = new ArrayList<>();
        List<TaskletHandle> handles = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            TestingTasklet t = cooperative("t" + i, idleUntil(gate));
            tasklets.add(t);
            handles.add(service.submit(t));
        }
        await().atMost(BOUND).until(() -> tasklets.stream().allMatch(t -> t.calls.get() > 10));

        Map<String, Integer> perWorker = new HashMap<>();
        for (TestingTasklet t : tasklets) {
            assertThat(t.callThreads).as("threads calling %s", t).hasSize(1);
            assertThat(t.initThread).isSameAs(t.callThreads.iterator().next());
            perWorker.merge(t.initThread.getName(), 1, Integer::sum);
        }
        assertThat(perWorker)
                .containsOnlyKeys(name + "-worker-0", name + "-worker-1", name + "-worker-2");
        assertThat(perWorker.values()).containsOnly(4);

        gate.open();
        for (TaskletHandle h : handles) {
            awaitResult(h);
        }
        for (TestingTasklet t : tasklets) {
            assertThat(t.inits.get()).isEqualTo(1);
            assertThat(t.closes.get()).isEqualTo(1);
            assertThat(t.closeThread).isSameAs(t.initThread);
        }
    }

    @Test
    void aDoneTaskletIsClosedAndNotCalledAgain() throws Exception {
        TaskletExecutionService service = start(2);
        List<TestingTasklet> tasklets = new ArrayList<>();
        List<TaskletHandle> handles = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            TestingTasklet t = cooperative("t" + i, doneAfter(100 + i));
            tasklets.add(t);
            handles.add(service.submit(t));
        }
        for (TaskletHandle h : handles) {
            awaitResult(h);
            assertThat(h.completion()).isCompletedWithValue(null);
        }
        for (int i = 0; i < tasklets.size(); i++) {
            assertThat(tasklets.get(i).calls.get()).isEqualTo(100 + i);
            assertThat(tasklets.get(i).closes.get()).isEqualTo(1);
        }
    }

    @Test
    void aFailingTaskletFailsItsFutureIsClosedAndLeavesTheOthersRunning() throws Exception {
        TaskletExecutionService service = start(1); // all on one worker
        Gate gate = new Gate();
        TestingTasklet before = cooperative("before", idleUntil(gate));
        IllegalStateException boom = new IllegalStateException("boom");
        TestingTasklet failing =
                cooperative(
                        "failing",
                        n -> {
                            if (n == 5) {
                                throw boom;
                            }
                            return ProgressState.MADE_PROGRESS;
                        });
        TestingTasklet after = cooperative("after", idleUntil(gate));
        TaskletHandle hBefore = service.submit(before);
        TaskletHandle hFailing = service.submit(failing);
        TaskletHandle hAfter = service.submit(after);

        assertThatThrownBy(() -> awaitResult(hFailing))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isSameAs(boom);
        assertThat(failing.calls.get()).isEqualTo(5);
        assertThat(failing.closes.get()).isEqualTo(1);
        assertThat(failing.closeThread).isSameAs(failing.initThread);

        // The others are still being called, and finish normally.
        int beforeCalls = before.calls.get();
        int afterCalls = after.calls.get();
        await().atMost(BOUND)
                .until(() -> before.calls.get() > beforeCalls && after.calls.get() > afterCalls);
        assertThat(hBefore.completion()).isNotDone();
        gate.open();
        awaitResult(hBefore);
        awaitResult(hAfter);
        assertThat(before.closes.get()).isEqualTo(1);
        assertThat(after.closes.get()).isEqualTo(1);
    }

    @Test
    void aTaskletWhoseInitFailsIsClosedAndFails() {
        TaskletExecutionService service = start(1);
        TestingTasklet t = cooperative("bad init", forever());
        t.initFailure = new IllegalArgumentException("cannot init");
        TaskletHandle h = service.submit(t);

        assertThatThrownBy(() -> awaitResult(h))
                .cause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot init");
        assertThat(t.calls.get()).isZero();
        assertThat(t.closes.get()).isEqualTo(1);
    }

    @Test
    void aFailureInCloseIsReportedOrSuppressed() {
        TaskletExecutionService service = start(1);
        TestingTasklet finishes = cooperative("finishes", doneAfter(1));
        finishes.closeFailure = new IllegalStateException("close failed");
        TestingTasklet fails =
                cooperative(
                        "fails",
                        n -> {
                            throw new IllegalStateException("call failed");
                        });
        fails.closeFailure = new IllegalStateException("close failed too");

        TaskletHandle h1 = service.submit(finishes);
        TaskletHandle h2 = service.submit(fails);

        assertThatThrownBy(() -> awaitResult(h1)).cause().hasMessage("close failed");
        assertThatThrownBy(() -> awaitResult(h2))
                .cause()
                .hasMessage("call failed")
                .satisfies(
                        e ->
                                assertThat(e.getSuppressed())
                                        .extracting(Throwable::getMessage)
                                        .containsExactly("close failed too"));
    }

    @Test
    void cancelCompletesWithCancellationAndClosesOnTheWorkerThread() throws Exception {
        TaskletExecutionService service = start(1);
        TestingTasklet victim = cooperative("victim", forever());
        Gate gate = new Gate();
        TestingTasklet bystander = cooperative("bystander", idleUntil(gate));
        TaskletHandle h = service.submit(victim);
        TaskletHandle other = service.submit(bystander);
        await().atMost(BOUND).until(() -> victim.calls.get() > 0);

        h.cancel();

        assertThatThrownBy(() -> awaitResult(h)).isInstanceOf(CancellationException.class);
        assertThat(h.completion().isCancelled()).isTrue();
        assertThat(victim.closes.get()).isEqualTo(1);
        assertThat(victim.closeThread).isSameAs(victim.initThread);
        assertThat(victim.closeThread.getName()).isEqualTo(name + "-worker-0");
        int callsAtCancel = victim.calls.get();

        gate.open();
        awaitResult(other);
        assertThat(victim.calls.get()).isEqualTo(callsAtCancel);
        assertThat(bystander.closes.get()).isEqualTo(1);
    }

    @Test
    void aBlockingTaskletGetsItsOwnThreadAndIsInterruptedOnCancel() throws Exception {
        TaskletExecutionService service = start(1);
        BlockingQueue<String> neverFed = new LinkedBlockingQueue<>();
        TestingTasklet blocker =
                TestingTasklet.blocking(
                        "blocker",
                        n -> {
                            neverFed.take(); // blocks until interrupted
                            return ProgressState.DONE;
                        });
        TaskletHandle h = service.submit(blocker);
        await().atMost(BOUND).until(() -> blocker.calls.get() == 1);
        assertThat(blocker.initThread.getName()).isEqualTo(name + "-blocking-1");
        assertThat(threads()).contains(name + "-blocking-1");

        // The worker is not held up by the blocked tasklet.
        TestingTasklet quick = cooperative("quick", doneAfter(50));
        TaskletHandle hq = service.submit(quick);
        awaitResult(hq);
        assertThat(quick.initThread.getName()).isEqualTo(name + "-worker-0");
        assertThat(h.completion()).isNotDone();

        h.cancel();

        assertThatThrownBy(() -> awaitResult(h)).isInstanceOf(CancellationException.class);
        assertThat(blocker.closes.get()).isEqualTo(1);
        assertThat(blocker.closeThread).isSameAs(blocker.initThread);
        await().atMost(BOUND).until(() -> !threads().contains(name + "-blocking-1"));
    }

    @Test
    void eachBlockingTaskletGetsAThreadOfItsOwn() throws Exception {
        TaskletExecutionService service = start(1);
        Gate gate = new Gate();
        TestingTasklet a = TestingTasklet.blocking("a", idleUntil(gate));
        TestingTasklet b = TestingTasklet.blocking("b", idleUntil(gate));
        TaskletHandle ha = service.submit(a);
        TaskletHandle hb = service.submit(b);
        await().atMost(BOUND).until(() -> a.calls.get() > 0 && b.calls.get() > 0);
        assertThat(threads())
                .containsExactly(name + "-blocking-1", name + "-blocking-2", name + "-worker-0");
        assertThat(a.initThread).isNotSameAs(b.initThread);

        gate.open();
        awaitResult(ha);
        awaitResult(hb);
        await().atMost(BOUND).until(() -> threads().equals(List.of(name + "-worker-0")));
    }

    @Test
    void shutdownCancelsEverythingAndStopsEveryThread() throws Exception {
        TaskletExecutionService service = start(2);
        List<TestingTasklet> tasklets = new ArrayList<>();
        List<TaskletHandle> handles = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            TestingTasklet t = cooperative("endless" + i, forever());
            tasklets.add(t);
            handles.add(service.submit(t));
        }
        BlockingQueue<String> neverFed = new LinkedBlockingQueue<>();
        TestingTasklet blocker =
                TestingTasklet.blocking(
                        "blocker",
                        n -> {
                            neverFed.take();
                            return ProgressState.DONE;
                        });
        tasklets.add(blocker);
        handles.add(service.submit(blocker));
        await().atMost(BOUND).until(() -> tasklets.stream().allMatch(t -> t.calls.get() > 0));
        assertThat(threads()).hasSize(3);

        service.shutdown(10_000);

        assertThat(threads()).isEmpty();
        for (TaskletHandle h : handles) {
            assertThatThrownBy(() -> awaitResult(h))
                    .as("%s", h.tasklet().name())
                    .isInstanceOf(CancellationException.class);
        }
        for (TestingTasklet t : tasklets) {
            assertThat(t.closes.get()).as("closes of %s", t).isEqualTo(1);
            assertThat(t.closeThread).as("closing thread of %s", t).isSameAs(t.initThread);
        }
        assertThatThrownBy(() -> service.submit(cooperative("late", forever())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("shut down");
    }

    @Test
    void closeIsShutdown() {
        TaskletExecutionService service = new TaskletExecutionService(name, 2);
        TaskletHandle h = service.submit(cooperative("endless", forever()));
        service.close();
        assertThat(threads()).isEmpty();
        assertThat(h.completion()).isCompletedExceptionally();
    }

    @Test
    void completionsCanBeComposed() throws Exception {
        TaskletExecutionService service = start(2);
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            all.add(service.submit(cooperative("t" + i, doneAfter(10))).completion());
        }
        CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0]))
                .get(BOUND.toSeconds(), TimeUnit.SECONDS);
    }
}
