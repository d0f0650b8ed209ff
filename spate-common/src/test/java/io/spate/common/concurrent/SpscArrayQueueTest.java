package io.spate.common.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpscArrayQueueTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 7, 8, 9, 100, 1000, 1024})
    void holdsExactlyTheRequestedCapacityEvenWhenNotAPowerOfTwo(int capacity) {
        SpscArrayQueue<Integer> q = new SpscArrayQueue<>(capacity);
        assertThat(q.capacity()).isEqualTo(capacity);

        for (int i = 0; i < capacity; i++) {
            assertThat(q.offer(i)).as("offer %d of %d", i, capacity).isTrue();
        }
        assertThat(q.offer(-1)).as("offer beyond capacity").isFalse();
        assertThat(q.size()).isEqualTo(capacity);

        assertThat(q.poll()).isEqualTo(0);
        assertThat(q.offer(capacity)).isTrue();
        assertThat(q.offer(-1)).isFalse();
        assertThat(q.size()).isEqualTo(capacity);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 6, 8})
    void staysFifoAcrossManyWrapArounds(int capacity) {
        SpscArrayQueue<Integer> q = new SpscArrayQueue<>(capacity);
        int next = 0;
        int expected = 0;
        // Fill and drain in uneven steps so that head and tail wrap the array at every offset.
        for (int round = 0; round < 500; round++) {
            int toOffer = 1 + round % capacity;
            for (int i = 0; i < toOffer && q.offer(next); i++) {
                next++;
            }
            int toPoll = 1 + (round * 7) % capacity;
            for (int i = 0; i < toPoll; i++) {
                Integer e = q.poll();
                if (e == null) {
                    break;
                }
                assertThat(e).isEqualTo(expected++);
            }
        }
        for (Integer e; (e = q.poll()) != null; ) {
            assertThat(e).isEqualTo(expected++);
        }
        assertThat(expected).isEqualTo(next);
        assertThat(q.isEmpty()).isTrue();
    }

    @Test
    void pollAndPeekOnAnEmptyQueueReturnNull() {
        SpscArrayQueue<String> q = new SpscArrayQueue<>(4);
        assertThat(q.poll()).isNull();
        assertThat(q.peek()).isNull();
        assertThat(q.isEmpty()).isTrue();
        assertThat(q.size()).isZero();
    }

    @Test
    void peekShowsTheOldestElementWithoutRemovingIt() {
        SpscArrayQueue<String> q = new SpscArrayQueue<>(4);
        q.offer("a");
        q.offer("b");
        assertThat(q.peek()).isEqualTo("a");
        assertThat(q.peek()).isEqualTo("a");
        assertThat(q.size()).isEqualTo(2);
        assertThat(q.poll()).isEqualTo("a");
        assertThat(q.peek()).isEqualTo("b");
        assertThat(q.poll()).isEqualTo("b");
        assertThat(q.peek()).isNull();
    }

    @Test
    void refusesNullAndStaysUnchanged() {
        SpscArrayQueue<String> q = new SpscArrayQueue<>(2);
        q.offer("a");
        assertThatThrownBy(() -> q.offer(null)).isInstanceOf(NullPointerException.class);
        assertThat(q.size()).isEqualTo(1);
        assertThat(q.poll()).isEqualTo("a");
        assertThat(q.poll()).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, (1 << 30) + 1, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void refusesCapacitiesOutsideTheSupportedRange(int capacity) {
        assertThatThrownBy(() -> new SpscArrayQueue<>(capacity))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(capacity));
    }

    /** A mutable message, to check that the consumer sees what the producer wrote before offer. */
    private static final class Message {
        long sequence;
        long check;
    }

    @Test
    void oneProducerAndOneConsumerMoveMillionsOfElementsInOrderWithoutLoss() throws Exception {
        final int count = 3_000_000;
        // Deliberately not a power of two, so that the capacity check and the index mask differ.
        SpscArrayQueue<Message> q = new SpscArrayQueue<>(1000);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Void> producer =
                    CompletableFuture.runAsync(
                            () -> {
                                for (long i = 0; i < count; i++) {
                                    Message m = new Message();
                                    m.sequence = i;
                                    m.check = i * 31 + 7;
                                    while (!q.offer(m)) {
                                        Thread.onSpinWait();
                                        Thread.yield();
                                    }
                                }
                            },
                            threads);
            CompletableFuture<Long> consumer =
                    CompletableFuture.supplyAsync(
                            () -> {
                                long expected = 0;
                                while (expected < count) {
                                    Message m = q.poll();
                                    if (m == null) {
                                        Thread.onSpinWait();
                                        Thread.yield();
                                        continue;
                                    }
                                    if (m.sequence != expected || m.check != expected * 31 + 7) {
                                        throw new AssertionError(
                                                "expected element "
                                                        + expected
                                                        + " but got "
                                                        + m.sequence
                                                        + " (check "
                                                        + m.check
                                                        + ")");
                                    }
                                    expected++;
                                }
                                return expected;
                            },
                            threads);

            producer.get(60, TimeUnit.SECONDS);
            assertThat(consumer.get(60, TimeUnit.SECONDS)).isEqualTo(count);
            assertThat(q.poll()).isNull();
            assertThat(q.isEmpty()).isTrue();
        } finally {
            threads.shutdownNow();
        }
    }
}
