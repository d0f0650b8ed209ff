package io.spate.common.util;

import io.spate.annotations.Internal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;

/**
 * A user object (function, source, sink) kept in Java-serialized form, so that every subtask can
 * get a fresh copy of its own and the job can be shipped to other processes. Only user code
 * submitted by the job's owner is kept this way; messages between Spate's processes never use Java
 * serialization.
 *
 * @param <T> the type of the object
 */
@Internal
public final class SerializedValue<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final byte[] bytes;

    private SerializedValue(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Serializes {@code value}; throws {@link java.io.NotSerializableException} naming the culprit.
     */
    public static <T> SerializedValue<T> of(T value) throws IOException {
        return new SerializedValue<>(toBytes(value));
    }

    /**
     * {@code value} in Java serialization's bytes; throws {@link java.io.NotSerializableException}
     * naming the culprit.
     */
    public static byte[] toBytes(Object value) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(buffer)) {
            out.writeObject(value);
        }
        return buffer.toByteArray();
    }

    /** A fresh copy, with classes resolved through {@code classLoader}. */
    @SuppressWarnings("unchecked")
    public T deserialize(ClassLoader classLoader) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in =
                new ClassLoaderObjectInputStream(new ByteArrayInputStream(bytes), classLoader)) {
            return (T) in.readObject();
        }
    }

    public int size() {
        return bytes.length;
    }

    private static final class ClassLoaderObjectInputStream extends ObjectInputStream {
        private final ClassLoader classLoader;

        ClassLoaderObjectInputStream(InputStream in, ClassLoader classLoader) throws IOException {
            super(in);
            this.classLoader = classLoader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc)
                throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, classLoader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}
