package io.spate.api.windowing.assigners;

import io.spate.annotations.Public;
import io.spate.api.common.functions.Function;

/**
 * The session gap of one element, for sessions whose gap depends on the data: the element's session
 * stays open until no element arrives for this long after it.
 *
 * @param <T> the element type
 */
@Public
@FunctionalInterface
public interface SessionWindowTimeGapExtractor<T> extends Function {
    /** The gap in milliseconds; must be positive. */
    long extract(T element);
}
