package io.spate.common.util;

import io.spate.annotations.Public;
import java.util.Iterator;

/** An iterator over a resource; closing it releases the resource (and may stop what feeds it). */
@Public
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {
    @Override
    void close();
}
