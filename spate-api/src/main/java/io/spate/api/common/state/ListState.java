package io.spate.api.common.state;

import io.spate.annotations.Public;
import java.util.List;

/** A list of values per key. {@link #get()} returns an empty iterable rather than null. */
@Public
public interface ListState<T> extends AppendingState<T, Iterable<T>> {
    /** Replaces the list for the current key. */
    void update(List<T> values) throws Exception;

    void addAll(List<T> values) throws Exception;
}
