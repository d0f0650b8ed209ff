package io.spate.api.common;

import io.spate.annotations.Public;
import io.spate.common.serialization.TypeSerializer;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of how a job's code runs that travel with the job: for now, the serializers the user
 * registered for types Spate cannot serialize on its own.
 */
@Public
public final class ExecutionConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<Class<?>, TypeSerializer<?>> registeredSerializers =
            new LinkedHashMap<>();

    /**
     * Uses {@code serializer} for every value of exactly {@code type} (not its subclasses), in
     * streams and in state. A registered serializer wins over the built-in ones.
     */
    public <T> ExecutionConfig registerSerializer(Class<T> type, TypeSerializer<T> serializer) {
        registeredSerializers.put(
                Objects.requireNonNull(type, "type"),
                Objects.requireNonNull(serializer, "serializer"));
        return this;
    }

    public Map<Class<?>, TypeSerializer<?>> getRegisteredSerializers() {
        return Collections.unmodifiableMap(registeredSerializers);
    }
}
