package io.spate.api.common.typeinfo;

import io.spate.annotations.Public;
import java.io.Serializable;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The type of the elements of a stream or of a piece of state, with its generic arguments: what
 * Spate chooses a serializer by. Captured when the job is built, from the functions' signatures,
 * from a lambda's {@link java.lang.invoke.SerializedLambda}, or given by the user ({@link Types},
 * {@link TypeHint}, {@code returns(...)}).
 *
 * <p>For an array type, the single type argument is the component type. A generic class without its
 * arguments (for example a raw {@code List}) is <em>incomplete</em>: no serializer can be chosen
 * for it, and the error says so.
 *
 * <p>Immutable and serializable, so that it can travel with the job.
 *
 * @param <T> the type described
 */
@Public
public final class TypeInfo<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Class<T> rawType;
    private final List<TypeInfo<?>> typeArguments;

    private TypeInfo(Class<T> rawType, List<TypeInfo<?>> typeArguments) {
        this.rawType = Objects.requireNonNull(rawType, "rawType");
        this.typeArguments = typeArguments;
    }

    /**
     * The type of a class. For a generic class, use {@link #parameterized} or a {@link TypeHint}.
     */
    public static <T> TypeInfo<T> of(Class<T> type) {
        if (type.isArray()) {
            return new TypeInfo<>(type, List.of(of(type.getComponentType())));
        }
        return new TypeInfo<>(type, List.of());
    }

    /** The type captured by a {@link TypeHint}. */
    public static <T> TypeInfo<T> of(TypeHint<T> hint) {
        return hint.getTypeInfo();
    }

    /**
     * Converts a reflective type. Type variables and unbounded wildcards cannot be converted: they
     * are what erasure hides, and the error asks for the type to be given explicitly.
     */
    public static TypeInfo<?> of(Type type) {
        if (type instanceof Class) {
            return of((Class<?>) type);
        }
        if (type instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) type;
            List<TypeInfo<?>> args = new ArrayList<>();
            for (Type a : p.getActualTypeArguments()) {
                args.add(of(a));
            }
            return create((Class<?>) p.getRawType(), args);
        }
        if (type instanceof GenericArrayType) {
            TypeInfo<?> component = of(((GenericArrayType) type).getGenericComponentType());
            return arrayOf(component);
        }
        if (type instanceof WildcardType) {
            Type[] upper = ((WildcardType) type).getUpperBounds();
            if (((WildcardType) type).getLowerBounds().length == 0
                    && upper.length == 1
                    && upper[0] != Object.class) {
                return of(upper[0]);
            }
            throw new InvalidTypesException(
                    "The wildcard type '" + type + "' does not say what the values are");
        }
        if (type instanceof TypeVariable) {
            throw new InvalidTypesException(
                    "The type variable '"
                            + type
                            + "' cannot be resolved: Java erases it at run time");
        }
        throw new InvalidTypesException("Unsupported kind of type: " + type);
    }

    /** A generic type with its arguments, for example {@code parameterized(List.class, STRING)}. */
    @SuppressWarnings("unchecked")
    public static <T> TypeInfo<T> parameterized(
            Class<? super T> rawType, TypeInfo<?>... arguments) {
        int expected = rawType.getTypeParameters().length;
        if (arguments.length != expected) {
            throw new InvalidTypesException(
                    rawType.getName()
                            + " takes "
                            + expected
                            + " type arguments, "
                            + arguments.length
                            + " were given");
        }
        return (TypeInfo<T>) create(rawType, List.of(arguments));
    }

    /** The array type whose components are of {@code component}. */
    public static TypeInfo<?> arrayOf(TypeInfo<?> component) {
        Class<?> arrayClass = java.lang.reflect.Array.newInstance(component.rawType, 0).getClass();
        return create(arrayClass, List.of(component));
    }

    private static <T> TypeInfo<T> create(Class<T> raw, List<TypeInfo<?>> args) {
        return new TypeInfo<>(raw, Collections.unmodifiableList(new ArrayList<>(args)));
    }

    public Class<T> getRawType() {
        return rawType;
    }

    /** The generic arguments in declaration order; for an array, its component type. */
    public List<TypeInfo<?>> getTypeArguments() {
        return typeArguments;
    }

    public TypeInfo<?> getTypeArgument(int index) {
        return typeArguments.get(index);
    }

    public boolean isArray() {
        return rawType.isArray();
    }

    /** The component type of an array type. */
    public TypeInfo<?> getComponentType() {
        if (!isArray()) {
            throw new IllegalStateException(this + " is not an array type");
        }
        return typeArguments.get(0);
    }

    /** Whether every generic class in this type has its arguments. */
    public boolean isComplete() {
        if (!isArray() && typeArguments.size() != rawType.getTypeParameters().length) {
            return false;
        }
        for (TypeInfo<?> a : typeArguments) {
            if (!a.isComplete()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TypeInfo)) {
            return false;
        }
        TypeInfo<?> other = (TypeInfo<?>) o;
        return rawType == other.rawType && typeArguments.equals(other.typeArguments);
    }

    @Override
    public int hashCode() {
        return rawType.hashCode() * 31 + typeArguments.hashCode();
    }

    /**
     * The type as Java source would write it, with full class names: {@code
     * java.util.List<java.lang.String>}.
     */
    @Override
    public String toString() {
        if (isArray()) {
            return getComponentType() + "[]";
        }
        if (typeArguments.isEmpty()) {
            return rawType.getName();
        }
        StringBuilder sb = new StringBuilder(rawType.getName()).append('<');
        for (int i = 0; i < typeArguments.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(typeArguments.get(i));
        }
        return sb.append('>').toString();
    }
}
