package io.spate.core.operators;

import io.spate.annotations.Internal;

/**
 * Whether a stream currently holds back event time. An IDLE input (a silent source split, a source
 * subtask with nothing to read) is left out when operators take the minimum of their inputs'
 * watermarks; it becomes ACTIVE again when it emits.
 */
@Internal
public enum WatermarkStatus {
    ACTIVE,
    IDLE
}
