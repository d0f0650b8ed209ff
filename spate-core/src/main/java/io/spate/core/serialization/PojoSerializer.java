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
 * POJOs and tuples: the fields sorted by name, each as its {@link Property} writes it; read back by
 * creating the object with its public no-argument constructor and setting each field. A value whose
 * class is a subclass of the POJO's fails with {@link UnsupportedSubclassException} rather than
 * losing the subclass's fields.
 *
 * @param <T> the POJO type
 */
final class PojoSerializer<T> implements TypeSerializer<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private final Property[] fields;

    /** The no-argument constructor, typed ()Object. */
    private transient MethodHandle constructor;

    PojoSerializer(Class<T> type, Property[] fields) {
        this.type = type;
        this.fields = fields;
        resolve();
    }

    private void resolve() {
        try {
            constructor =
                    Property.lookupFor(type)
                            .findConstructor(type, MethodType.methodType(void.class))
                            .asType(MethodType.methodType(Object.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new InvalidTypesException(
                    "Spate cannot access the no-argument constructor of "
                            + type.getName()
                            + " ("
                            + e.getMessage()
                            + ")",
                    e);
        }
    }

    @Override
    public void serialize(T value, DataOutputView out) throws IOException {
        if (value.getClass() != type) {
            throw new UnsupportedSubclassException(type, value.getClass());
        }
        for (Property field : fields) {
            field.write(value, out);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(DataInputView in) throws IOException {
        Object result;
        try {
            result = constructor.invokeExact();
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("The constructor of " + type.getName() + " failed", t);
        }
        for (Property field : fields) {
            field.readInto(result, in);
        }
        return (T) result;
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        resolve();
    }

    @Override
    public String toString() {
        return "Pojo "
                + type.getName()
                + Arrays.stream(fields)
                        .map(Property::toString)
                        .collect(Collectors.joining(", ", "(", ")"));
    }
}
