package io.spate.core.serialization;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides whether a class is a POJO that Spate can serialize field by field, and if not, says every
 * reason why. A POJO is a public, concrete, top-level or static nested class with a public
 * no-argument constructor whose every non-static, non-transient field (its own and inherited) is
 * either public and not final, or has a public getter ({@code getX()}, or {@code isX()} for a
 * boolean) and a public setter ({@code setX(x)}). Fields are serialized in sorted name order.
 */
final class PojoAnalysis {
    /** A field and how to reach it: directly when the accessors are null. */
    static final class PojoField {
        final Field field;
        final Method getter;
        final Method setter;

        PojoField(Field field, Method getter, Method setter) {
            this.field = field;
            this.getter = getter;
            this.setter = setter;
        }

        String name() {
            return field.getName();
        }
    }

    private final List<PojoField> fields = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private PojoAnalysis() {}

    static PojoAnalysis of(Class<?> c) {
        PojoAnalysis a = new PojoAnalysis();
        a.analyzeClass(c);
        if (a.problems.isEmpty()) {
            a.analyzeFields(c);
        }
        a.fields.sort(Comparator.comparing(PojoField::name));
        return a;
    }

    boolean isPojo() {
        return problems.isEmpty();
    }

    /** The fields in serialization order; meaningful only for a POJO. */
    List<PojoField> fields() {
        return fields;
    }

    /** Why the class is not a POJO, each a phrase ("it has no public no-argument constructor"). */
    List<String> problems() {
        return problems;
    }

    private void analyzeClass(Class<?> c) {
        if (!Modifier.isPublic(c.getModifiers())) {
            problems.add("it is not public");
        }
        if (c.isAnonymousClass() || c.isLocalClass()) {
            problems.add("it is an anonymous or local class");
        } else if (c.isMemberClass() && !Modifier.isStatic(c.getModifiers())) {
            problems.add(
                    "it is an inner class, which needs an instance of its enclosing class (make it"
                            + " static)");
        }
        try {
            c.getConstructor();
        } catch (NoSuchMethodException e) {
            problems.add("it has no public no-argument constructor");
        }
    }

    private void analyzeFields(Class<?> c) {
        Map<String, Class<?>> declaredBy = new HashMap<>();
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                int m = f.getModifiers();
                if (Modifier.isStatic(m) || Modifier.isTransient(m) || f.isSynthetic()) {
                    continue;
                }
                Class<?> previous = declaredBy.putIfAbsent(f.getName(), k);
                if (previous != null) {
                    problems.add(
                            "field '"
                                    + f.getName()
                                    + "' is declared in both "
                                    + previous.getName()
                                    + " and "
                                    + k.getName());
                    continue;
                }
                analyzeField(c, f);
            }
        }
    }

    private void analyzeField(Class<?> c, Field f) {
        int m = f.getModifiers();
        if (Modifier.isFinal(m)) {
            problems.add(
                    "field '" + f.getName() + "' is final, so it cannot be set after creation");
            return;
        }
        if (Modifier.isPublic(m) && Modifier.isPublic(f.getDeclaringClass().getModifiers())) {
            fields.add(new PojoField(f, null, null));
            return;
        }
        String suffix = Character.toUpperCase(f.getName().charAt(0)) + f.getName().substring(1);
        Method getter = publicMethod(c, "get" + suffix, f.getType());
        if (getter == null && (f.getType() == boolean.class || f.getType() == Boolean.class)) {
            getter = publicMethod(c, "is" + suffix, f.getType());
        }
        Method setter = null;
        try {
            setter = c.getMethod("set" + suffix, f.getType());
            if (Modifier.isStatic(setter.getModifiers())) {
                setter = null;
            }
        } catch (NoSuchMethodException e) {
            // reported below
        }
        if (getter == null || setter == null) {
            problems.add(
                    "field '"
                            + f.getName()
                            + "' is not public and has no public "
                            + (getter == null ? "getter get" + suffix + "()" : "")
                            + (getter == null && setter == null ? " and no public " : "")
                            + (setter == null
                                    ? "setter set"
                                            + suffix
                                            + "("
                                            + f.getType().getSimpleName()
                                            + ")"
                                    : ""));
            return;
        }
        fields.add(new PojoField(f, getter, setter));
    }

    private static Method publicMethod(Class<?> c, String name, Class<?> returnType) {
        try {
            Method m = c.getMethod(name);
            return m.getReturnType() == returnType && !Modifier.isStatic(m.getModifiers())
                    ? m
                    : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
