package io.spate.core.partition;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.KeySelector;
import io.spate.api.common.functions.Partitioner;
import io.spate.api.graph.PartitionSpec;
import io.spate.core.state.KeyGroups;
import java.util.SplittableRandom;

/** Creates the partitioner of an upstream subtask for each kind of exchange. */
@Internal
public final class Partitioners {
    private Partitioners() {}

    /**
     * The partitioner of upstream subtask {@code index} for an exchange of {@code spec}, with
     * {@code channels} output channels (see {@link ExchangePattern#targets}).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T> StreamPartitioner<T> create(
            PartitionSpec spec, int index, int channels, int downstreamMaxParallelism) {
        switch (spec.kind()) {
            case FORWARD:
            case GLOBAL:
                return record -> 0;
            case BROADCAST:
                return record -> StreamPartitioner.ALL_CHANNELS;
            case REBALANCE:
            case RESCALE:
                return new RoundRobin<>(index, channels);
            case SHUFFLE:
                return new Random<>(index, channels);
            case KEY_GROUPS:
                return new ByKeyGroup<>(
                        (KeySelector<T, ?>) spec.keySelector(), downstreamMaxParallelism, channels);
            case CUSTOM:
                return new Custom<>(
                        (KeySelector<T, Object>) spec.keySelector(),
                        (Partitioner<Object>) (Partitioner) spec.partitioner(),
                        channels);
            default:
                throw new IllegalArgumentException("unknown partitioning " + spec.kind());
        }
    }

    private static final class RoundRobin<T> implements StreamPartitioner<T> {
        private final int channels;
        private int next;

        RoundRobin(int index, int channels) {
            this.channels = channels;
            // Start at different channels so that parallel producers do not all hit channel 0.
            this.next = index % channels;
        }

        @Override
        public int selectChannel(T record) {
            int c = next;
            next = c + 1 == channels ? 0 : c + 1;
            return c;
        }
    }

    private static final class Random<T> implements StreamPartitioner<T> {
        private final SplittableRandom random;
        private final int channels;

        Random(int index, int channels) {
            this.random = new SplittableRandom(0x5eed ^ index);
            this.channels = channels;
        }

        @Override
        public int selectChannel(T record) {
            return random.nextInt(channels);
        }
    }

    private static final class ByKeyGroup<T> implements StreamPartitioner<T> {
        private final KeySelector<T, ?> keySelector;
        private final int maxParallelism;
        private final int channels;

        ByKeyGroup(KeySelector<T, ?> keySelector, int maxParallelism, int channels) {
            this.keySelector = keySelector;
            this.maxParallelism = maxParallelism;
            this.channels = channels;
        }

        @Override
        public int selectChannel(T record) throws Exception {
            Object key = keySelector.getKey(record);
            if (key == null) {
                throw new NullPointerException(
                        "The key selector returned null for " + record + "; keys must not be null");
            }
            int keyGroup = KeyGroups.keyGroupOf(key, maxParallelism);
            return KeyGroups.subtaskOf(keyGroup, maxParallelism, channels);
        }
    }

    private static final class Custom<T> implements StreamPartitioner<T> {
        private final KeySelector<T, Object> keySelector;
        private final Partitioner<Object> partitioner;
        private final int channels;

        Custom(KeySelector<T, Object> keySelector, Partitioner<Object> partitioner, int channels) {
            this.keySelector = keySelector;
            this.partitioner = partitioner;
            this.channels = channels;
        }

        @Override
        public int selectChannel(T record) throws Exception {
            int c = partitioner.partition(keySelector.getKey(record), channels);
            if (c < 0 || c >= channels) {
                throw new IllegalStateException(
                        "The custom partitioner returned "
                                + c
                                + ", outside [0, "
                                + channels
                                + ") for "
                                + record);
            }
            return c;
        }
    }
}
