package io.spate.core.state;

import io.spate.annotations.Internal;
import java.io.Serializable;

/**
 * Creates the keyed state backends of keyed operators' subtasks. One implementation per storage
 * (heap, RocksDB), chosen by configuration; the operators only see {@link KeyedStateBackend}. Every
 * implementation writes the same snapshot format, so that savepoints move between them.
 */
@Internal
public interface StateBackend extends Serializable {

    /** A short name used in configuration: {@code heap}, {@code rocksdb}. */
    String name();

    <K> KeyedStateBackend<K> createKeyedStateBackend(KeyedBackendParameters<K> parameters);
}
