package io.spate.core.operators;

import io.spate.annotations.Internal;
import io.spate.core.checkpoint.KeyGroupedPart;
import io.spate.core.checkpoint.OperatorListState;
import java.util.List;
import java.util.Map;

/**
 * What an operator's synchronous snapshot captured, besides its keyed state backend (which the
 * runtime snapshots itself): keyed parts such as timers, written later on the I/O thread, and its
 * operator state, already serialized.
 */
@Internal
public record OperatorSnapshot(
        List<KeyGroupedPart> keyedParts, Map<String, OperatorListState> operatorState) {

    public static final OperatorSnapshot EMPTY = new OperatorSnapshot(List.of(), Map.of());

    public OperatorSnapshot {
        keyedParts = List.copyOf(keyedParts);
        operatorState = Map.copyOf(operatorState);
    }
}
