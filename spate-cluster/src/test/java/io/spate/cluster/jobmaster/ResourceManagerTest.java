package io.spate.cluster.jobmaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.cluster.gateway.TestingTaskExecutorGateway;
import io.spate.cluster.rpc.MainThreadExecutor;
import io.spate.common.JobId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResourceManagerTest {
    private final MainThreadExecutor mainThread = new MainThreadExecutor("spate-test-rm");
    private final ResourceManager rm = new ResourceManager(mainThread);

    @AfterEach
    void close() {
        mainThread.close();
    }

    /** Runs on the main thread and returns the result, rethrowing what it threw. */
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

    private void register(String id, int slots) throws Exception {
        onMain(() -> rm.registerTaskExecutor(id, slots, new TestingTaskExecutorGateway(id)))
                .get(20, TimeUnit.SECONDS);
    }

    private List<String> allocate(JobId job, int count) throws Exception {
        return onMain(
                () ->
                        rm.allocate(job, count).stream()
                                .map(ResourceManager.Slot::taskExecutorId)
                                .toList());
    }

    @Test
    void slotsAreSpreadOverTheTaskExecutors() throws Exception {
        register("a", 2);
        register("b", 2);
        register("c", 2);
        assertThat(onMain(rm::registeredTaskExecutors)).isEqualTo(3);

        assertThat(allocate(JobId.random(), 3)).containsExactly("a", "b", "c");
        assertThat(allocate(JobId.random(), 2)).containsExactly("a", "b");
        assertThat(allocate(JobId.random(), 1)).containsExactly("c");
    }

    @Test
    void aJobTakesSeveralSlotsOfATaskExecutorOnlyWhenOthersAreFull() throws Exception {
        register("small", 1);
        register("big", 3);
        assertThat(allocate(JobId.random(), 4)).containsExactly("small", "big", "big", "big");
    }

    @Test
    void slotsOfTheGatewayItRegisteredAreHandedOut() throws Exception {
        TestingTaskExecutorGateway gateway = new TestingTaskExecutorGateway("te");
        onMain(() -> rm.registerTaskExecutor("te", 1, gateway)).get(20, TimeUnit.SECONDS);
        List<ResourceManager.Slot> slots = onMain(() -> rm.allocate(JobId.random(), 1));
        assertThat(slots).singleElement().satisfies(s -> assertThat(s.gateway()).isSameAs(gateway));
    }

    @Test
    void tooFewSlotsFailTheAllocationSayingWhatIsMissing() throws Exception {
        register("a", 2);
        register("b", 1);
        JobId first = JobId.random();
        allocate(first, 2);

        assertThatThrownBy(() -> allocate(JobId.random(), 2))
                .isInstanceOf(ResourceManager.NotEnoughSlotsException.class)
                .hasMessageContaining("needs 2 task slots")
                .hasMessageContaining("1 free of 3 on 2 TaskExecutor(s)")
                .hasMessageContaining("taskmanager.numberOfTaskSlots");

        // A refused allocation takes nothing.
        assertThat(allocate(JobId.random(), 1)).hasSize(1);
    }

    @Test
    void releasedSlotsCanBeTakenAgain() throws Exception {
        register("a", 2);
        JobId job = JobId.random();
        allocate(job, 2);
        assertThatThrownBy(() -> allocate(JobId.random(), 1))
                .isInstanceOf(ResourceManager.NotEnoughSlotsException.class);

        onMain(
                () -> {
                    rm.release(job);
                    return null;
                });
        assertThat(allocate(JobId.random(), 2)).containsExactly("a", "a");
    }

    @Test
    void anEmptyClusterHasNoSlots() {
        assertThatThrownBy(() -> allocate(JobId.random(), 1))
                .isInstanceOf(ResourceManager.NotEnoughSlotsException.class)
                .hasMessageContaining("0 free of 0 on 0 TaskExecutor(s)");
    }

    @Test
    void itRunsOnlyOnItsMainThread() {
        assertThatThrownBy(() -> rm.allocate(JobId.random(), 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spate-test-rm");
    }
}
