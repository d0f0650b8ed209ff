package io.spate.api.datastream;

import io.spate.annotations.Public;
import io.spate.api.common.typeinfo.InvalidTypesException;
import io.spate.api.common.typeinfo.TypeInfo;
import java.io.Serializable;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * Names a side output: a second stream an operator can emit to ({@code ctx.output(tag, value)}),
 * read with {@code getSideOutput(tag)}. Two tags are the same side output when their ids are equal.
 *
 * <p>Create it as an anonymous subclass so that its type is captured ({@code new
 * OutputTag<String>("late") {}}), or give the type.
 *
 * @param <T> the type of the side output's elements
 */
@Public
public class OutputTag<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String id;
    private final TypeInfo<T> type;

    /**
     * A tag whose type is captured from an anonymous subclass: {@code new OutputTag<X>("id") {}}.
     */
    @SuppressWarnings("unchecked")
    public OutputTag(String id) {
        this.id = checkId(id);
        Type superType = getClass().getGenericSuperclass();
        if (!(superType instanceof ParameterizedType)) {
            throw new InvalidTypesException(
                    "The type of OutputTag '"
                            + id
                            + "' is unknown: create it as an anonymous subclass, new OutputTag<String>(\""
                            + id
                            + "\") {}, or give the type: new OutputTag<>(\""
                            + id
                            + "\", Types.STRING)");
        }
        this.type =
                (TypeInfo<T>)
                        TypeInfo.of(((ParameterizedType) superType).getActualTypeArguments()[0]);
    }

    public OutputTag(String id, TypeInfo<T> type) {
        this.id = checkId(id);
        this.type = Objects.requireNonNull(type, "type");
    }

    private static String checkId(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("An OutputTag needs a non-empty id");
        }
        return id;
    }

    public String getId() {
        return id;
    }

    public TypeInfo<T> getType() {
        return type;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutputTag && ((OutputTag<?>) o).id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "OutputTag(" + id + ": " + type + ")";
    }
}
