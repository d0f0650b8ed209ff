package io.spate.core.serialization;

import io.spate.api.common.typeinfo.InvalidTypesException;
import io.spate.api.common.typeinfo.TypeInfo;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.HashMap;
import java.util.Map;

/**
 * What the type variables of a class and of its superclasses stand for in one {@link TypeInfo}: for
 * {@code Box<String>} with {@code record Box<T>(T value)}, T is String. Used to turn the declared
 * generic type of a field into the field's {@link TypeInfo}, including fields inherited from a
 * generic superclass ({@code class WordCount extends Tuple2<String, Integer>}).
 */
final class TypeBindings {
    private final Class<?> owner;
    private final Map<TypeVariable<?>, TypeInfo<?>> bindings;

    private TypeBindings(Class<?> owner, Map<TypeVariable<?>, TypeInfo<?>> bindings) {
        this.owner = owner;
        this.bindings = bindings;
    }

    /** The bindings of a complete (non-raw) type and of its superclass chain. */
    static TypeBindings of(TypeInfo<?> type) {
        Class<?> raw = type.getRawType();
        Map<TypeVariable<?>, TypeInfo<?>> bindings = new HashMap<>();
        TypeVariable<?>[] variables = raw.getTypeParameters();
        for (int i = 0; i < variables.length && i < type.getTypeArguments().size(); i++) {
            bindings.put(variables[i], type.getTypeArgument(i));
        }
        TypeBindings result = new TypeBindings(raw, bindings);
        Type superclass = raw.getGenericSuperclass();
        while (superclass != null && superclass != Object.class) {
            Class<?> superRaw;
            if (superclass instanceof ParameterizedType) {
                ParameterizedType p = (ParameterizedType) superclass;
                superRaw = (Class<?>) p.getRawType();
                TypeVariable<?>[] superVariables = superRaw.getTypeParameters();
                Type[] arguments = p.getActualTypeArguments();
                for (int i = 0; i < superVariables.length; i++) {
                    try {
                        bindings.put(superVariables[i], result.resolve(arguments[i]));
                    } catch (InvalidTypesException e) {
                        // Left unbound; a field that uses it reports the problem.
                    }
                }
            } else {
                superRaw = (Class<?>) superclass;
            }
            superclass = superRaw.getGenericSuperclass();
        }
        return result;
    }

    /**
     * The {@link TypeInfo} of a declared type, with the type variables replaced by what they are
     * bound to. A raw generic class comes back incomplete, for the caller to report.
     *
     * @throws InvalidTypesException when a type variable is not bound or a wildcard is unbounded;
     *     the message completes "Cannot find a serializer for ...: "
     */
    TypeInfo<?> resolve(Type type) {
        if (type instanceof Class) {
            return TypeInfo.of((Class<?>) type);
        }
        if (type instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) type;
            Type[] arguments = p.getActualTypeArguments();
            TypeInfo<?>[] resolved = new TypeInfo<?>[arguments.length];
            for (int i = 0; i < arguments.length; i++) {
                resolved[i] = resolve(arguments[i]);
            }
            return TypeInfo.parameterized((Class<?>) p.getRawType(), resolved);
        }
        if (type instanceof GenericArrayType) {
            return TypeInfo.arrayOf(resolve(((GenericArrayType) type).getGenericComponentType()));
        }
        if (type instanceof TypeVariable) {
            TypeInfo<?> bound = bindings.get(type);
            if (bound == null) {
                throw new InvalidTypesException(
                        "it is the type variable "
                                + type
                                + " of "
                                + ((TypeVariable<?>) type).getGenericDeclaration()
                                + ", which "
                                + owner.getName()
                                + " does not bind to a type");
            }
            return bound;
        }
        if (type instanceof WildcardType) {
            WildcardType w = (WildcardType) type;
            if (w.getLowerBounds().length == 0
                    && w.getUpperBounds().length == 1
                    && w.getUpperBounds()[0] != Object.class) {
                return resolve(w.getUpperBounds()[0]);
            }
            throw new InvalidTypesException(
                    "it is the wildcard " + w + ", which does not say what the values are");
        }
        throw new InvalidTypesException("it is a " + type + ", which Spate does not understand");
    }
}
