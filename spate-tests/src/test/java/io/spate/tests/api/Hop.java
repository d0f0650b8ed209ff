package io.spate.tests.api;

import io.spate.api.common.functions.RichMapFunction;

/**
 * An element that crossed an exchange: the upstream subtask that sent it and the downstream subtask
 * that received it.
 */
record Hop(int from, int to, long value) {

    /** Adds the receiving subtask's index to an element tagged by its sender. */
    static final class Tag extends RichMapFunction<Tagged, Hop> {
        private static final long serialVersionUID = 1L;

        @Override
        public Hop map(Tagged t) {
            return new Hop(t.subtask(), getRuntimeContext().getIndexOfThisSubtask(), t.value());
        }
    }
}
