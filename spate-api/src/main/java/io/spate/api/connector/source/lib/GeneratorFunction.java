package io.spate.api.connector.source.lib;

import io.spate.annotations.Public;
import io.spate.api.common.functions.Function;

/**
 * Makes the record of a given index for a {@link DataGeneratorSource}. Must be deterministic, so
 * that a replay produces the same records.
 *
 * @param <T> the record type
 */
@Public
@FunctionalInterface
public interface GeneratorFunction<I, T> extends Function {
    T map(I index) throws Exception;
}
