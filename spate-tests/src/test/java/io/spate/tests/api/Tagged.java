package io.spate.tests.api;

import io.spate.api.common.functions.RichMapFunction;

/**
 * An element with the index of the subtask that saw it.
 *
 * @param subtask the index of the subtask of the tagging operator
 * @param value the element
 */
record Tagged(int subtask, long value) {

    /** Tags each number with the index of the subtask that maps it. */
    static final class Tag extends RichMapFunction<Long, Tagged> {
        private static final long serialVersionUID = 1L;

        @Override
        public Tagged map(Long value) {
            return new Tagged(getRuntimeContext().getIndexOfThisSubtask(), value);
        }
    }
}
