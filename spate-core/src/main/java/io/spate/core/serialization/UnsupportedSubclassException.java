package io.spate.core.serialization;

import io.spate.annotations.Internal;
import java.util.ArrayList;
import java.util.List;

/**
 * A value's class is a subclass of the class its serializer was built for. The serializer of a POJO
 * or tuple writes the fields of the declared class only, so writing the value would silently drop
 * the subclass's data; it fails instead. The serializer of a sealed type fails the same way for a
 * value of a class it does not know. As the exception passes out through enclosing fields, each
 * adds where it was, so the message names the path to the value.
 */
@Internal
public final class UnsupportedSubclassException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final Class<?> declared;
    private final Class<?> actual;
    private final String reason;
    private final List<String> locations = new ArrayList<>(4);

    UnsupportedSubclassException(Class<?> declared, Class<?> actual) {
        this(declared, actual, null);
    }

    /**
     * @param reason why the value cannot be written, completing "...as com.acme.Shape: "; null for
     *     the reason of a POJO serializer
     */
    UnsupportedSubclassException(Class<?> declared, Class<?> actual, String reason) {
        super(declared.getName());
        this.declared = declared;
        this.actual = actual;
        this.reason = reason;
    }

    /** Records that the value sat in {@code location}, innermost first. */
    UnsupportedSubclassException in(String location) {
        locations.add(location);
        return this;
    }

    @Override
    public String getMessage() {
        StringBuilder sb =
                new StringBuilder("Cannot serialize a value of class ")
                        .append(actual.getName())
                        .append(" as ")
                        .append(declared.getName());
        for (String location : locations) {
            sb.append(locations.get(0) == location ? " in " : ", in ").append(location);
        }
        if (reason != null) {
            return sb.append(": the serializer of the sealed type ")
                    .append(declared.getName())
                    .append(" knows only its permitted subclasses, and ")
                    .append(actual.getName())
                    .append(" ")
                    .append(reason)
                    .append(". Is the class loaded twice, or was the value put where a ")
                    .append(declared.getName())
                    .append(" is declared through an unchecked cast?")
                    .toString();
        }
        return sb.append(": the serializer of ")
                .append(declared.getName())
                .append(" writes only the fields of that class, so the data of the subclass would")
                .append(" be lost. Declare the field, element or stream with the concrete class,")
                .append(" or register a serializer for ")
                .append(declared.getName())
                .append(" that handles its subclasses with")
                .append(" env.getConfig().registerSerializer(...)")
                .toString();
    }
}
