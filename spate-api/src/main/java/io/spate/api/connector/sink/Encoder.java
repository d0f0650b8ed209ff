package io.spate.api.connector.sink;

import io.spate.annotations.Public;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;

/**
 * Writes one record into a row-format file.
 *
 * @param <T> the record type
 */
@Public
@FunctionalInterface
public interface Encoder<T> extends Serializable {
    void encode(T element, OutputStream out) throws IOException;
}
