package io.spate.common.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class BackoffIdleStrategyTest {
    private static final long ONE_HOUR_NANOS = TimeUnit.HOURS.toNanos(1);

    @Test
    void refusesParkTimesThatCannotBackOff() {
        assertThatThrownBy(() -> new BackoffIdleStrategy(1, 1, 0, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minParkNanos");
        assertThatThrownBy(() -> new BackoffIdleStrategy(1, 1, 10, 9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10")
                .hasMessageContaining("9");
    }

    /**
     * With parks of an hour, a thread that calls {@code idle(false)} more often than spins plus
     * yields allow would visibly park. The thread below reports each step; the test checks that it
     * parks exactly when the spins and yields are used up, and that progress resets the count.
     */
    @Test
    void parksOnlyAfterSpinsAndYieldsAndProgressResetsTheBackOff() throws Exception {
        int spins = 3;
        int yields = 2;
        BackoffIdleStrategy idle =
                new BackoffIdleStrategy(spins, yields, ONE_HOUR_NANOS, ONE_HOUR_NANOS);
        BlockingQueue<Boolean> steps = new LinkedBlockingQueue<>();
        AtomicInteger completed = new AtomicInteger();
        Thread idler =
                new Thread(
                        () -> {
                            try {
                                while (true) {
                                    Boolean progress = steps.take();
                                    idle.idle(progress);
                                    completed.incrementAndGet();
                                }
                            } catch (InterruptedException e) {
                                // the test is over
                            }
                        },
                        "backoff-test-idler");
        idler.setDaemon(true);
        idler.start();
        try {
            // The first spins + yields idle calls return without parking.
            for (int i = 0; i < spins + yields; i++) {
                steps.add(false);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> completed.get() == spins + yields);

            // Progress resets: another spins + yields calls return without parking.
            steps.add(true);
            for (int i = 0; i < spins + yields; i++) {
                steps.add(false);
            }
            int beforePark = 2 * (spins + yields) + 1;
            await().atMost(Duration.ofSeconds(20)).until(() -> completed.get() == beforePark);

            // The next idle call parks (for an hour): the thread waits inside parkNanos.
            steps.add(false);
            await().atMost(Duration.ofSeconds(20))
                    .until(
                            () ->
                                    idler.getState() == Thread.State.TIMED_WAITING
                                            && steps.isEmpty()
                                            && completed.get() == beforePark);
            LockSupport.unpark(idler);
            await().atMost(Duration.ofSeconds(20)).until(() -> completed.get() == beforePark + 1);
        } finally {
            idler.interrupt();
            idler.join(TimeUnit.SECONDS.toMillis(20));
        }
        assertThat(idler.isAlive()).isFalse();
    }
}
