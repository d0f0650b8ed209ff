package io.spate.core.serialization;

import io.spate.api.common.typeinfo.InvalidTypesException;
import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.serialization.TypeSerializer;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Java records: the components in declaration order, each as its {@link Property} writes it; read
 * back through the canonical constructor, so a record's validation runs on the data read. Records
 * are final, so no value can carry data that the components miss.
 *
 * @param <T> the record type
 */
final class RecordSerializer<T> implements TypeSerializer<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private final Property[] components;

    /** The canonical constructor, taking its arguments as one Object[]. */
    private transient MethodHandle constructor;

    RecordSerializer(Class<T> type, Property[] components) {
        this.type = type;
        this.components = components;
        resolve();
    }

    private void resolve() {
        Class<?>[] parameterTypes =
                Arrays.stream(type.getRecordComponents())
                        .map(c -> c.getType())
                        .toArray(Class<?>[]::new);
        try {
            constructor =
                    Property.lookupFor(type)
                            .findConstructor(
                                    type, MethodType.methodType(void.class, parameterTypes))
                            .asSpreader(Object[].class, parameterTypes.length)
                            .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new InvalidTypesException(
                    "Spate cannot access the canonical constructor of the record "
                            + type.getName()
                            + " ("
                            + e.getMessage()
                            + "). Make the record public, or open its package to Spate",
                    e);
        }
    }

    @Override
    public void serialize(T value, DataOutputView out) throws IOException {
        for (Property component : components) {
            component.write(value, out);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(DataInputView in) throws IOException {
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = components[i].read(in);
        }
        try {
            return (T) constructor.invokeExact(arguments);
        } catch (Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException(
                    "The canonical constructor of "
                            + type.getName()
                            + " rejected the data read: "
                            + t,
                    t);
        }
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        resolve();
    }

    @Override
    public String toString() {
        return "Record "
                + type.getName()
                + Arrays.stream(components)
                        .map(Property::toString)
                        .collect(Collectors.joining(", ", "(", ")"));
    }
}
