package io.spate.core.plan;

import io.spate.annotations.Internal;
import io.spate.api.graph.PartitionSpec;
import io.spate.common.serialization.TypeSerializer;
import java.io.Serializable;

/**
 * An exchange between two vertices: records leave operator {@code sourceOperator} of vertex {@code
 * sourceVertex} and enter vertex {@code targetVertex} at input {@code targetInput}, spread by
 * {@code partitioning}. The serializer is used when the exchange crosses processes.
 */
@Internal
public record JobEdge(
        int id,
        int sourceVertex,
        int sourceOperator,
        int targetVertex,
        int targetInput,
        PartitionSpec partitioning,
        TypeSerializer<?> serializer)
        implements Serializable {}
