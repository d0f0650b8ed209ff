package io.spate.core.state;

import io.spate.annotations.Internal;
import io.spate.annotations.ThreadSafe;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.common.serialization.TypeSerializer;
import io.spate.core.serialization.SerializerFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serializers for the namespaces of keyed state and timers (windows), found by the namespace's
 * class name, which snapshots record. Used by the task thread and the snapshot thread.
 */
@Internal
@ThreadSafe
public final class NamespaceSerializers {
    private final SerializerFactory serializers;
    private final ClassLoader classLoader;
    private final Map<String, TypeSerializer<Object>> byClass = new ConcurrentHashMap<>();

    public NamespaceSerializers(SerializerFactory serializers, ClassLoader classLoader) {
        this.serializers = serializers;
        this.classLoader = classLoader;
    }

    @SuppressWarnings("unchecked")
    public TypeSerializer<Object> forClass(String className) {
        return byClass.computeIfAbsent(
                className,
                name -> {
                    try {
                        Class<?> c = Class.forName(name, false, classLoader);
                        return (TypeSerializer<Object>) serializers.create(TypeInfo.of(c));
                    } catch (ClassNotFoundException e) {
                        throw new IllegalStateException(
                                "Cannot load the namespace class " + name + " of a snapshot", e);
                    }
                });
    }
}
