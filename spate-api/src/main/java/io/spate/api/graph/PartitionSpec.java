package io.spate.api.graph;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.KeySelector;
import io.spate.api.common.functions.Partitioner;
import io.spate.api.common.typeinfo.TypeInfo;
import java.io.Serializable;

/**
 * How elements travel from one operator's subtasks to the next one's.
 *
 * @param kind the strategy
 * @param keySelector for {@link Kind#KEY_GROUPS} and {@link Kind#CUSTOM}
 * @param keyType the key type, for {@link Kind#KEY_GROUPS}
 * @param partitioner for {@link Kind#CUSTOM}
 */
@Internal
public record PartitionSpec(
        Kind kind, KeySelector<?, ?> keySelector, TypeInfo<?> keyType, Partitioner<?> partitioner)
        implements Serializable {

    /** The strategies. */
    public enum Kind {
        /**
         * Subtask i to subtask i; needs equal parallelism. Fused into one tasklet when possible.
         */
        FORWARD,
        /** Round robin over all downstream subtasks. */
        REBALANCE,
        /** Round robin over a local subset of downstream subtasks. */
        RESCALE,
        /** Every element to every downstream subtask. */
        BROADCAST,
        /** A uniformly random downstream subtask. */
        SHUFFLE,
        /** Everything to downstream subtask 0. */
        GLOBAL,
        /** By key: key → key group → the subtask that owns the key group. */
        KEY_GROUPS,
        /** By key with a user {@link Partitioner}. */
        CUSTOM
    }

    public static PartitionSpec of(Kind kind) {
        return new PartitionSpec(kind, null, null, null);
    }

    public static PartitionSpec byKey(KeySelector<?, ?> keySelector, TypeInfo<?> keyType) {
        return new PartitionSpec(Kind.KEY_GROUPS, keySelector, keyType, null);
    }

    public static PartitionSpec custom(Partitioner<?> partitioner, KeySelector<?, ?> keySelector) {
        return new PartitionSpec(Kind.CUSTOM, keySelector, null, partitioner);
    }
}
