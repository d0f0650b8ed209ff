package io.spate.api.common.typeinfo;

import io.spate.annotations.Public;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Captures a full generic type that Java would otherwise erase: {@code new TypeHint<Tuple2<String,
 * Long>>() {}}. Used with {@code returns(...)} and state descriptors.
 *
 * @param <T> the type to capture
 */
@Public
public abstract class TypeHint<T> {
    private final TypeInfo<T> typeInfo;

    @SuppressWarnings("unchecked")
    protected TypeHint() {
        Type superType = getClass().getGenericSuperclass();
        if (!(superType instanceof ParameterizedType)
                || ((ParameterizedType) superType).getRawType() != TypeHint.class) {
            throw new InvalidTypesException(
                    "Create a TypeHint as an anonymous subclass with a concrete type, e.g. new"
                            + " TypeHint<Tuple2<String, Long>>() {}");
        }
        Type captured = ((ParameterizedType) superType).getActualTypeArguments()[0];
        this.typeInfo = (TypeInfo<T>) TypeInfo.of(captured);
    }

    public TypeInfo<T> getTypeInfo() {
        return typeInfo;
    }
}
