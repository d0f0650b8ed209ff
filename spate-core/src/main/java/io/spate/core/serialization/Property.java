package io.spate.core.serialization;

import io.spate.api.common.typeinfo.InvalidTypesException;
import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.serialization.TypeSerializer;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * One field of a record or POJO: how to read it from an object and write it, and how to read it
 * back. The method handles are resolved once, when the serializer is built (and again after the
 * serializer itself was deserialized, since handles are not serializable); there is no reflection
 * per value. Primitive fields go through handles typed with the primitive, so they are never boxed
 * on the way out; only a record's canonical constructor receives them boxed.
 */
final class Property implements Serializable {
    private static final long serialVersionUID = 1L;

    /** How the value is written: raw for primitives, through a serializer for the rest. */
    enum Kind {
        BOOLEAN,
        BYTE,
        SHORT,
        CHAR,
        INT,
        LONG,
        FLOAT,
        DOUBLE,
        REFERENCE
    }

    /** How the field is reached. */
    private enum Access {
        RECORD_COMPONENT,
        FIELD,
        ACCESSORS
    }

    private final String name;
    private final Class<?> owner;
    private final Class<?> type;
    private final Access access;
    private final String getterName;
    private final String setterName;
    private final Class<?> setterReturnType;
    private final Kind kind;
    private final TypeSerializer<Object> serializer;
    private final boolean nullable;
    private final String location;

    private transient MethodHandle getter;
    private transient MethodHandle setter;

    @SuppressWarnings("unchecked")
    private Property(
            String name,
            Class<?> owner,
            Class<?> type,
            Access access,
            Method getter,
            Method setter,
            TypeSerializer<?> serializer,
            String location) {
        this.name = name;
        this.owner = owner;
        this.type = type;
        this.access = access;
        this.getterName = getter == null ? null : getter.getName();
        this.setterName = setter == null ? null : setter.getName();
        this.setterReturnType = setter == null ? null : setter.getReturnType();
        // The null marker is written here rather than by a NullableSerializer: one virtual call
        // less per field on the hot path.
        this.nullable = serializer instanceof NullableSerializer;
        this.serializer =
                (TypeSerializer<Object>)
                        (nullable ? ((NullableSerializer<?>) serializer).wrapped() : serializer);
        this.kind = serializer == null ? primitiveKind(type) : Kind.REFERENCE;
        this.location = location;
        resolve();
    }

    /**
     * @param serializer the serializer of the component, null-aware; null to write a primitive
     *     component raw
     */
    static Property ofRecordComponent(RecordComponent component, TypeSerializer<?> serializer) {
        Class<?> record = component.getDeclaringRecord();
        return new Property(
                component.getName(),
                record,
                component.getType(),
                Access.RECORD_COMPONENT,
                null,
                null,
                serializer,
                "field '" + component.getName() + "' of " + record.getName());
    }

    /** A public, non-final field, read and written directly. */
    static Property ofField(Class<?> pojo, Field field, TypeSerializer<?> serializer) {
        return new Property(
                field.getName(),
                field.getDeclaringClass(),
                field.getType(),
                Access.FIELD,
                null,
                null,
                serializer,
                "field '" + field.getName() + "' of " + pojo.getName());
    }

    /** A field reached through its public getter and setter. */
    static Property ofAccessors(
            Class<?> pojo,
            Field field,
            Method getter,
            Method setter,
            TypeSerializer<?> serializer) {
        return new Property(
                field.getName(),
                pojo,
                field.getType(),
                Access.ACCESSORS,
                getter,
                setter,
                serializer,
                "field '" + field.getName() + "' of " + pojo.getName());
    }

    String name() {
        return name;
    }

    private static Kind primitiveKind(Class<?> type) {
        if (type == int.class) {
            return Kind.INT;
        } else if (type == long.class) {
            return Kind.LONG;
        } else if (type == double.class) {
            return Kind.DOUBLE;
        } else if (type == float.class) {
            return Kind.FLOAT;
        } else if (type == boolean.class) {
            return Kind.BOOLEAN;
        } else if (type == byte.class) {
            return Kind.BYTE;
        } else if (type == short.class) {
            return Kind.SHORT;
        } else if (type == char.class) {
            return Kind.CHAR;
        }
        throw new IllegalArgumentException(type + " is not primitive; it needs a serializer");
    }

    private void resolve() {
        MethodHandles.Lookup lookup = lookupFor(owner);
        try {
            MethodHandle g;
            MethodHandle s = null;
            switch (access) {
                case RECORD_COMPONENT:
                    g = lookup.findVirtual(owner, name, MethodType.methodType(type));
                    break;
                case FIELD:
                    g = lookup.findGetter(owner, name, type);
                    s = lookup.findSetter(owner, name, type);
                    break;
                case ACCESSORS:
                    g = lookup.findVirtual(owner, getterName, MethodType.methodType(type));
                    s =
                            MethodHandles.dropReturn(
                                    lookup.findVirtual(
                                            owner,
                                            setterName,
                                            MethodType.methodType(setterReturnType, type)));
                    break;
                default:
                    throw new AssertionError(access);
            }
            // Erase the owner (and references) to Object, keep primitives: the call sites below
            // use invokeExact with exactly these types.
            Class<?> slot = kind == Kind.REFERENCE ? Object.class : type;
            getter = g.asType(MethodType.methodType(slot, Object.class));
            setter =
                    s == null
                            ? null
                            : s.asType(MethodType.methodType(void.class, Object.class, slot));
        } catch (NoSuchMethodException | NoSuchFieldException | IllegalAccessException e) {
            throw new InvalidTypesException(
                    "Spate cannot access "
                            + location
                            + " ("
                            + e.getMessage()
                            + "). Make the class and its members public, or open the package to"
                            + " Spate",
                    e);
        }
    }

    /**
     * A lookup with as much access to {@code c} as its module allows: private access where the
     * package is open (always on the class path), public access otherwise.
     */
    static MethodHandles.Lookup lookupFor(Class<?> c) {
        try {
            return MethodHandles.privateLookupIn(c, MethodHandles.lookup());
        } catch (IllegalAccessException | SecurityException e) {
            return MethodHandles.publicLookup();
        }
    }

    /** Reads this field of {@code object} and writes it. */
    void write(Object object, DataOutputView out) throws IOException {
        try {
            switch (kind) {
                case INT:
                    out.writeInt((int) getter.invokeExact(object));
                    return;
                case LONG:
                    out.writeLong((long) getter.invokeExact(object));
                    return;
                case DOUBLE:
                    out.writeLong(Double.doubleToRawLongBits((double) getter.invokeExact(object)));
                    return;
                case FLOAT:
                    out.writeInt(Float.floatToRawIntBits((float) getter.invokeExact(object)));
                    return;
                case BOOLEAN:
                    out.writeBoolean((boolean) getter.invokeExact(object));
                    return;
                case BYTE:
                    out.writeByte((byte) getter.invokeExact(object));
                    return;
                case SHORT:
                    out.writeShort((short) getter.invokeExact(object));
                    return;
                case CHAR:
                    out.writeChar((char) getter.invokeExact(object));
                    return;
                default:
                    writeReference((Object) getter.invokeExact(object), out);
            }
        } catch (UnsupportedSubclassException e) {
            throw e.in(location);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("Reading " + location + " failed", t);
        }
    }

    private void writeReference(Object value, DataOutputView out) throws IOException {
        if (nullable) {
            if (value == null) {
                out.writeByte(0);
                return;
            }
            out.writeByte(1);
        }
        serializer.serialize(value, out);
    }

    private Object readReference(DataInputView in) throws IOException {
        if (nullable) {
            byte marker = in.readByte();
            if (marker == 0) {
                return null;
            }
            if (marker != 1) {
                throw new IOException(
                        "Malformed data: null marker of " + location + " is " + marker);
            }
        }
        return serializer.deserialize(in);
    }

    /** Reads the value as {@link #write} wrote it, boxed: for a record's constructor. */
    Object read(DataInputView in) throws IOException {
        switch (kind) {
            case INT:
                return in.readInt();
            case LONG:
                return in.readLong();
            case DOUBLE:
                return Double.longBitsToDouble(in.readLong());
            case FLOAT:
                return Float.intBitsToFloat(in.readInt());
            case BOOLEAN:
                return in.readBoolean();
            case BYTE:
                return in.readByte();
            case SHORT:
                return in.readShort();
            case CHAR:
                return in.readChar();
            default:
                return readReference(in);
        }
    }

    /** Reads the value as {@link #write} wrote it and sets it on {@code object}. */
    void readInto(Object object, DataInputView in) throws IOException {
        try {
            switch (kind) {
                case INT:
                    setter.invokeExact(object, in.readInt());
                    return;
                case LONG:
                    setter.invokeExact(object, in.readLong());
                    return;
                case DOUBLE:
                    setter.invokeExact(object, Double.longBitsToDouble(in.readLong()));
                    return;
                case FLOAT:
                    setter.invokeExact(object, Float.intBitsToFloat(in.readInt()));
                    return;
                case BOOLEAN:
                    setter.invokeExact(object, in.readBoolean());
                    return;
                case BYTE:
                    setter.invokeExact(object, in.readByte());
                    return;
                case SHORT:
                    setter.invokeExact(object, in.readShort());
                    return;
                case CHAR:
                    setter.invokeExact(object, in.readChar());
                    return;
                default:
                    setter.invokeExact(object, readReference(in));
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("Setting " + location + " failed", t);
        }
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        resolve();
    }

    @Override
    public String toString() {
        return name
                + ": "
                + (kind != Kind.REFERENCE
                        ? kind
                        : nullable ? "Nullable(" + serializer + ")" : serializer);
    }
}
