package io.spate.core.serialization;

import io.spate.annotations.Internal;
import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.serialization.TypeSerializer;
import java.io.IOException;
import java.lang.reflect.Array;
import java.util.Objects;

/**
 * Arrays of objects: the length as a variable-length int, then each component. The array that comes
 * back has the declared component class.
 *
 * @param <C> the component type
 */
@Internal
public final class ObjectArraySerializer<C> implements TypeSerializer<C[]> {
    private static final long serialVersionUID = 1L;

    private final Class<C> componentClass;
    private final TypeSerializer<C> component;
    private final int minComponentBytes;

    /**
     * @param componentClass the class of the array that deserialization creates
     * @param component the serializer of the components; wrap it in a {@link NullableSerializer}
     *     when components may be null
     */
    public ObjectArraySerializer(Class<C> componentClass, TypeSerializer<C> component) {
        this.componentClass = Objects.requireNonNull(componentClass, "componentClass");
        this.component = Objects.requireNonNull(component, "component");
        if (componentClass.isPrimitive()) {
            throw new IllegalArgumentException(
                    "Use the primitive array serializers for " + componentClass + "[]");
        }
        this.minComponentBytes = component instanceof NullableSerializer ? 1 : 0;
    }

    @Override
    public void serialize(C[] value, DataOutputView out) throws IOException {
        out.writeVarInt(value.length);
        for (C c : value) {
            component.serialize(c, out);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public C[] deserialize(DataInputView in) throws IOException {
        int length = Lengths.read(in, minComponentBytes, componentClass.getName() + "[]");
        C[] result = (C[]) Array.newInstance(componentClass, length);
        for (int i = 0; i < length; i++) {
            result[i] = component.deserialize(in);
        }
        return result;
    }

    @Override
    public String toString() {
        return "Array(" + component + ")";
    }
}
