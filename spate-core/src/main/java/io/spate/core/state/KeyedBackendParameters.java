package io.spate.core.state;

import io.spate.annotations.Internal;
import io.spate.common.serialization.TypeSerializer;
import io.spate.common.time.Clock;
import io.spate.core.serialization.SerializerFactory;

/**
 * What a keyed state backend is created with.
 *
 * @param operatorName for error messages
 * @param keyGroupRange the key groups the subtask owns
 * @param maxParallelism the number of key groups of the operator
 * @param keySerializer writes and reads the keys in snapshots
 * @param serializers chooses serializers for state values and namespaces
 * @param clock the time state TTL is measured with
 * @param userClassLoader loads the classes named in snapshots (namespaces)
 */
@Internal
public record KeyedBackendParameters<K>(
        String operatorName,
        KeyGroupRange keyGroupRange,
        int maxParallelism,
        TypeSerializer<K> keySerializer,
        SerializerFactory serializers,
        Clock clock,
        ClassLoader userClassLoader) {}
