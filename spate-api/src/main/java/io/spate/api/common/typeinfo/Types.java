package io.spate.api.common.typeinfo;

import io.spate.annotations.Public;
import io.spate.api.common.tuple.Tuple;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Ready-made {@link TypeInfo}s and builders for the common cases. */
@Public
@SuppressWarnings("checkstyle:MethodName")
public final class Types {
    private Types() {}

    public static final TypeInfo<String> STRING = TypeInfo.of(String.class);
    public static final TypeInfo<Boolean> BOOLEAN = TypeInfo.of(Boolean.class);
    public static final TypeInfo<Byte> BYTE = TypeInfo.of(Byte.class);
    public static final TypeInfo<Short> SHORT = TypeInfo.of(Short.class);
    public static final TypeInfo<Integer> INT = TypeInfo.of(Integer.class);
    public static final TypeInfo<Long> LONG = TypeInfo.of(Long.class);
    public static final TypeInfo<Float> FLOAT = TypeInfo.of(Float.class);
    public static final TypeInfo<Double> DOUBLE = TypeInfo.of(Double.class);
    public static final TypeInfo<Character> CHAR = TypeInfo.of(Character.class);
    public static final TypeInfo<byte[]> BYTES = TypeInfo.of(byte[].class);

    /** The tuple class of matching arity with these field types. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T extends Tuple> TypeInfo<T> TUPLE(TypeInfo<?>... fieldTypes) {
        return (TypeInfo<T>)
                TypeInfo.parameterized((Class) Tuple.getTupleClass(fieldTypes.length), fieldTypes);
    }

    public static <E> TypeInfo<List<E>> LIST(TypeInfo<E> elementType) {
        return TypeInfo.parameterized(List.class, elementType);
    }

    public static <E> TypeInfo<Set<E>> SET(TypeInfo<E> elementType) {
        return TypeInfo.parameterized(Set.class, elementType);
    }

    public static <K, V> TypeInfo<Map<K, V>> MAP(TypeInfo<K> keyType, TypeInfo<V> valueType) {
        return TypeInfo.parameterized(Map.class, keyType, valueType);
    }

    public static <E> TypeInfo<Optional<E>> OPTIONAL(TypeInfo<E> elementType) {
        return TypeInfo.parameterized(Optional.class, elementType);
    }

    @SuppressWarnings("unchecked")
    public static <E> TypeInfo<E[]> ARRAY(TypeInfo<E> componentType) {
        return (TypeInfo<E[]>) TypeInfo.arrayOf(componentType);
    }

    /** The type of a record, POJO, enum or any non-generic class. */
    public static <T> TypeInfo<T> of(Class<T> type) {
        return TypeInfo.of(type);
    }
}
