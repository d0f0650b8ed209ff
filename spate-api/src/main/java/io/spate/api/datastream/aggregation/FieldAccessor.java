package io.spate.api.datastream.aggregation;

import io.spate.annotations.Internal;
import io.spate.api.common.InvalidProgramException;
import io.spate.api.common.tuple.Tuple;
import io.spate.api.common.typeinfo.TypeInfo;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;

/**
 * Reads one field of an element and makes a copy of the element with that field replaced, for
 * tuples (by position), records and POJOs (by name) and plain values (position 0). Copies are new
 * objects: an element already emitted is never changed.
 *
 * @param <T> the element type
 */
@Internal
public abstract class FieldAccessor<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String description;
    private final Class<?> fieldType;

    FieldAccessor(String description, Class<?> fieldType) {
        this.description = description;
        this.fieldType = fieldType;
    }

    public abstract Object get(T element);

    /** A new element equal to {@code element} except that the field holds {@code value}. */
    public abstract T with(T element, Object value);

    /** The declared type of the field (boxed for primitives). */
    public Class<?> fieldType() {
        return fieldType;
    }

    @Override
    public String toString() {
        return description;
    }

    /** The field at {@code position}: of a tuple, or position 0 of a plain value. */
    public static <T> FieldAccessor<T> of(TypeInfo<T> type, int position) {
        Class<T> raw = type.getRawType();
        if (Tuple.class.isAssignableFrom(raw)) {
            int arity = type.getTypeArguments().size();
            if (position < 0 || position >= arity) {
                throw new InvalidProgramException(
                        "Field position "
                                + position
                                + " does not exist in "
                                + type
                                + " (arity "
                                + arity
                                + ")");
            }
            return new TupleField<>(type, position);
        }
        if (position == 0 && Comparable.class.isAssignableFrom(raw)) {
            return new WholeValue<>(raw);
        }
        throw new InvalidProgramException(
                "Aggregating by position needs a tuple (or position 0 of a number stream); "
                        + type
                        + " is neither. Use the field name for records and POJOs.");
    }

    /** The named field of a record or POJO. */
    public static <T> FieldAccessor<T> of(TypeInfo<T> type, String field) {
        Class<T> raw = type.getRawType();
        if (raw.isRecord()) {
            return new RecordField<>(raw, field);
        }
        if (Tuple.class.isAssignableFrom(raw) && field.matches("f\\d+")) {
            return of(type, Integer.parseInt(field.substring(1)));
        }
        return new PojoField<>(raw, field);
    }

    static Class<?> boxed(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        if (c == int.class) {
            return Integer.class;
        }
        if (c == long.class) {
            return Long.class;
        }
        if (c == double.class) {
            return Double.class;
        }
        if (c == float.class) {
            return Float.class;
        }
        if (c == short.class) {
            return Short.class;
        }
        if (c == byte.class) {
            return Byte.class;
        }
        if (c == char.class) {
            return Character.class;
        }
        return Boolean.class;
    }

    private static final class WholeValue<T> extends FieldAccessor<T> {
        private static final long serialVersionUID = 1L;

        WholeValue(Class<T> type) {
            super("the value itself", type);
        }

        @Override
        public Object get(T element) {
            return element;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T with(T element, Object value) {
            return (T) value;
        }
    }

    private static final class TupleField<T> extends FieldAccessor<T> {
        private static final long serialVersionUID = 1L;
        private final int position;
        private final int arity;

        TupleField(TypeInfo<T> type, int position) {
            super(
                    "field f" + position + " of " + type,
                    type.getTypeArgument(position).getRawType());
            this.position = position;
            this.arity = type.getTypeArguments().size();
        }

        @Override
        public Object get(T element) {
            return ((Tuple) element).getField(position);
        }

        @Override
        @SuppressWarnings("unchecked")
        public T with(T element, Object value) {
            Tuple source = (Tuple) element;
            Tuple copy = Tuple.newInstance(arity);
            for (int i = 0; i < arity; i++) {
                copy.setField(i == position ? value : source.getField(i), i);
            }
            return (T) copy;
        }
    }

    private static final class RecordField<T> extends FieldAccessor<T> {
        private static final long serialVersionUID = 1L;
        private final Class<T> type;
        private final String name;
        private transient RecordComponent[] components;
        private transient Constructor<T> constructor;
        private transient int index;

        RecordField(Class<T> type, String name) {
            super("component '" + name + "' of " + type.getName(), componentType(type, name));
            this.type = type;
            this.name = name;
        }

        private static Class<?> componentType(Class<?> type, String name) {
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.getName().equals(name)) {
                    return boxed(c.getType());
                }
            }
            throw new InvalidProgramException(
                    "The record " + type.getName() + " has no component '" + name + "'");
        }

        private void resolve() {
            if (components != null) {
                return;
            }
            RecordComponent[] cs = type.getRecordComponents();
            Class<?>[] types = new Class<?>[cs.length];
            for (int i = 0; i < cs.length; i++) {
                types[i] = cs[i].getType();
                if (cs[i].getName().equals(name)) {
                    index = i;
                }
                cs[i].getAccessor().setAccessible(true);
            }
            try {
                constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new InvalidProgramException(
                        "No canonical constructor in " + type.getName(), e);
            }
            components = cs;
        }

        @Override
        public Object get(T element) {
            resolve();
            try {
                return components[index].getAccessor().invoke(element);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + this, e);
            }
        }

        @Override
        public T with(T element, Object value) {
            resolve();
            Object[] args = new Object[components.length];
            try {
                for (int i = 0; i < args.length; i++) {
                    args[i] = i == index ? value : components[i].getAccessor().invoke(element);
                }
                return constructor.newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot copy " + type.getName(), e);
            }
        }
    }

    private static final class PojoField<T> extends FieldAccessor<T> {
        private static final long serialVersionUID = 1L;
        private final Class<T> type;
        private final String name;
        private transient Field[] fields;
        private transient Field field;

        PojoField(Class<T> type, String name) {
            super("field '" + name + "' of " + type.getName(), fieldType(type, name));
            this.type = type;
            this.name = name;
            try {
                type.getConstructor();
            } catch (NoSuchMethodException e) {
                throw new InvalidProgramException(
                        "Cannot aggregate by field '"
                                + name
                                + "': "
                                + type.getName()
                                + " is not a POJO (it has no public no-argument constructor)");
            }
        }

        private static Class<?> fieldType(Class<?> type, String name) {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (f.getName().equals(name) && !Modifier.isStatic(f.getModifiers())) {
                        return boxed(f.getType());
                    }
                }
            }
            throw new InvalidProgramException(
                    "The type " + type.getName() + " has no field '" + name + "'");
        }

        private void resolve() {
            if (fields != null) {
                return;
            }
            java.util.List<Field> all = new java.util.ArrayList<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers())) {
                        f.setAccessible(true);
                        all.add(f);
                        if (f.getName().equals(name) && field == null) {
                            field = f;
                        }
                    }
                }
            }
            fields = all.toArray(new Field[0]);
        }

        @Override
        public Object get(T element) {
            resolve();
            try {
                return field.get(element);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read " + this, e);
            }
        }

        @Override
        public T with(T element, Object value) {
            resolve();
            try {
                T copy = type.getConstructor().newInstance();
                for (Field f : fields) {
                    f.set(copy, f == field ? value : f.get(element));
                }
                return copy;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot copy " + type.getName(), e);
            }
        }
    }
}
