package io.spate.cluster.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalRpcTest {
    private static final long BOUND_SECONDS = 20;

    /** A gateway as the cluster's are: every method answers through a future. */
    interface CounterGateway {
        CompletableFuture<Integer> increment();

        CompletableFuture<String> threadName();

        CompletableFuture<Integer> failLater(String message);

        CompletableFuture<Integer> throwNow(String message);

        CompletableFuture<Void> await(CountDownLatch latch);
    }

    /** The endpoint: unsynchronised state, safe because only its main thread touches it. */
    static final class Counter implements CounterGateway {
        private final MainThreadExecutor mainThread;
        private int count;
        final List<String> violations = new ArrayList<>();

        Counter(MainThreadExecutor mainThread) {
            this.mainThread = mainThread;
        }

        private void check() {
            if (!mainThread.isMainThread()) {
                violations.add(Thread.currentThread().getName());
            }
        }

        @Override
        public CompletableFuture<Integer> increment() {
            check();
            return CompletableFuture.completedFuture(++count);
        }

        @Override
        public CompletableFuture<String> threadName() {
            check();
            return CompletableFuture.completedFuture(Thread.currentThread().getName());
        }

        @Override
        public CompletableFuture<Integer> failLater(String message) {
            check();
            return CompletableFuture.failedFuture(new IllegalStateException(message));
        }

        @Override
        public CompletableFuture<Integer> throwNow(String message) {
            check();
            throw new IllegalArgumentException(message);
        }

        @Override
        public CompletableFuture<Void> await(CountDownLatch latch) {
            check();
            try {
                latch.await(BOUND_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return CompletableFuture.completedFuture(null);
        }
    }

    private final MainThreadExecutor mainThread = new MainThreadExecutor("spate-test-endpoint");
    private final Counter endpoint = new Counter(mainThread);
    private final CounterGateway gateway =
            LocalRpc.connect(CounterGateway.class, endpoint, mainThread);

    @AfterEach
    void close() {
        mainThread.close();
    }

    private static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(BOUND_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void callsRunOnTheEndpointsMainThreadOneAtATimeInOrder() throws Exception {
        assertThat(get(gateway.threadName())).isEqualTo("spate-test-endpoint");

        List<List<CompletableFuture<Integer>>> results = new ArrayList<>();
        List<Thread> callers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            List<CompletableFuture<Integer>> mine = new ArrayList<>();
            results.add(mine);
            Thread caller =
                    new Thread(
                            () -> {
                                for (int i = 0; i < 500; i++) {
                                    mine.add(gateway.increment());
                                }
                            });
            callers.add(caller);
            caller.start();
        }
        for (Thread caller : callers) {
            caller.join(TimeUnit.SECONDS.toMillis(BOUND_SECONDS));
        }
        List<Integer> values = new ArrayList<>();
        for (List<CompletableFuture<Integer>> mine : results) {
            List<Integer> seen = new ArrayList<>();
            for (CompletableFuture<Integer> r : mine) {
                seen.add(get(r));
            }
            // One caller's calls run in the order it made them.
            assertThat(seen).isSorted();
            values.addAll(seen);
        }
        // No increment was lost or seen twice, although the endpoint does not synchronise.
        assertThat(values).hasSize(2000).doesNotHaveDuplicates();
        assertThat(get(gateway.increment())).isEqualTo(2001);
        assertThat(endpoint.violations).isEmpty();
    }

    @Test
    void aCallReturnsBeforeTheEndpointHasRun() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> blocked = gateway.await(release);
        CompletableFuture<Integer> queued = gateway.increment();

        assertThat(blocked).isNotDone();
        assertThat(queued).isNotDone();
        release.countDown();
        get(blocked);
        assertThat(get(queued)).isEqualTo(1);
    }

    @Test
    void aFailedResultComesBackThroughTheFuture() {
        assertThatThrownBy(() -> get(gateway.failLater("no luck")))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no luck");
    }

    @Test
    void anExceptionThrownByTheEndpointComesBackUnwrapped() throws Exception {
        assertThatThrownBy(() -> get(gateway.throwNow("bad argument")))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad argument");
        // The endpoint keeps working.
        assertThat(get(gateway.increment())).isEqualTo(1);
    }

    @Test
    void aClosedEndpointFailsCalls() {
        mainThread.close();
        CompletableFuture<Integer> call = gateway.increment();
        assertThat(call).isCompletedExceptionally();
        assertThatThrownBy(() -> get(call))
                .cause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("shut down")
                .hasMessageContaining("spate-test-endpoint");
    }

    @Test
    void callsQueuedBeforeCloseStillRun() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> blocked = gateway.await(release);
        CompletableFuture<Integer> queued = gateway.increment();
        Thread closer = new Thread(mainThread::close);
        closer.start();
        release.countDown();
        closer.join(TimeUnit.SECONDS.toMillis(BOUND_SECONDS));
        get(blocked);
        assertThat(get(queued)).isEqualTo(1);
    }

    interface NotAGateway {
        String name();
    }

    @Test
    void everyGatewayMethodMustReturnAFuture() {
        assertThatThrownBy(() -> LocalRpc.connect(NotAGateway.class, () -> "x", mainThread))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NotAGateway.name")
                .hasMessageContaining("must return a CompletableFuture");
    }

    @Test
    void objectMethodsAreAnsweredByTheProxyItself() {
        CounterGateway other = LocalRpc.connect(CounterGateway.class, endpoint, mainThread);
        assertThat(gateway).isEqualTo(gateway).isNotEqualTo(other);
        assertThat(gateway.hashCode()).isEqualTo(gateway.hashCode());
        assertThat(gateway).hasToString("LocalRpc(CounterGateway)");
    }

    @Test
    void theMainThreadCanBeAsserted() throws Exception {
        assertThatThrownBy(mainThread::assertMainThread)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must run on spate-test-endpoint");
        CompletableFuture<Boolean> onMain = new CompletableFuture<>();
        mainThread.execute(
                () -> {
                    mainThread.assertMainThread();
                    onMain.complete(mainThread.isMainThread());
                });
        assertThat(get(onMain)).isTrue();
    }
}
