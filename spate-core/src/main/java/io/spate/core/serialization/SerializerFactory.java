package io.spate.core.serialization;

import io.spate.api.common.typeinfo.InvalidTypesException;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.common.serialization.TypeSerializer;
import java.util.Map;

/** Placeholder until the serializer work lands; replaced by the real factory. */
public final class SerializerFactory {
    private final Map<Class<?>, TypeSerializer<?>> registered;

    public SerializerFactory(Map<Class<?>, TypeSerializer<?>> registeredSerializers) {
        this.registered = registeredSerializers;
    }

    @SuppressWarnings("unchecked")
    public <T> TypeSerializer<T> create(TypeInfo<T> type) {
        TypeSerializer<?> s = registered.get(type.getRawType());
        if (s != null) {
            return (TypeSerializer<T>) s;
        }
        if (type.getRawType() == Object.class) {
            throw new InvalidTypesException("Cannot find a serializer for type " + type);
        }
        return new TypeSerializer<T>() {
            @Override
            public void serialize(T value, io.spate.common.io.DataOutputView out) {
                throw new UnsupportedOperationException();
            }

            @Override
            public T deserialize(io.spate.common.io.DataInputView in) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
