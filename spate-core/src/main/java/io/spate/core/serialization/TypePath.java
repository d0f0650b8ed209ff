package io.spate.core.serialization;

import io.spate.api.common.typeinfo.TypeInfo;

/**
 * Where in the top-level type the factory is, for error messages: each step knows how to describe
 * itself ("field 'items' of com.acme.Basket") and its part of a path expression ({@code
 * com.acme.Wrapper.basket.items[element]}). Immutable; each step points at its parent.
 */
final class TypePath {
    private final TypePath parent;
    private final TypeInfo<?> root;
    private final String description;
    private final String step;
    private final int depth;

    private TypePath(TypePath parent, TypeInfo<?> root, String description, String step) {
        this.parent = parent;
        this.root = root;
        this.description = description;
        this.step = step;
        this.depth = parent == null ? 0 : parent.depth + 1;
    }

    static TypePath root(TypeInfo<?> type) {
        return new TypePath(null, type, null, type.toString());
    }

    TypePath field(String name, TypeInfo<?> owner) {
        return child("field '" + name + "' of " + owner, "." + name);
    }

    /** An element of a collection or a component of an array. */
    TypePath element(TypeInfo<?> container) {
        return child("element of " + container, "[element]");
    }

    TypePath key(TypeInfo<?> map) {
        return child("key of " + map, "[key]");
    }

    TypePath value(TypeInfo<?> map) {
        return child("value of " + map, "[value]");
    }

    TypePath optionalValue(TypeInfo<?> optional) {
        return child("value of " + optional, ".get()");
    }

    /** The values of a sealed type that are of one of its permitted subclasses. */
    TypePath permittedSubclass(Class<?> subclass, TypeInfo<?> sealed) {
        return child(
                "permitted subclass " + subclass.getName() + " of " + sealed,
                "[as " + subclass.getSimpleName() + "]");
    }

    private TypePath child(String description, String step) {
        return new TypePath(this, root, description, step);
    }

    /** The top-level type. */
    TypeInfo<?> rootType() {
        return root;
    }

    int depth() {
        return depth;
    }

    /**
     * " (field 'items' of com.acme.Basket)" below the top, with the whole path when it is longer
     * than one step; empty for the top-level type.
     */
    String where() {
        if (parent == null) {
            return "";
        }
        if (parent.parent == null) {
            return " (" + description + ")";
        }
        return " (" + description + ", at " + expression() + ")";
    }

    private String expression() {
        return parent == null ? step : parent.expression() + step;
    }
}
