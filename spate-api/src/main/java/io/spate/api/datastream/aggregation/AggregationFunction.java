package io.spate.api.datastream.aggregation;

import io.spate.annotations.Internal;
import io.spate.api.common.InvalidProgramException;
import io.spate.api.common.functions.ReduceFunction;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The reduce function behind {@code sum}, {@code min}, {@code max}, {@code minBy} and {@code maxBy}
 * on a keyed stream.
 *
 * @param <T> the element type
 */
@Internal
public final class AggregationFunction<T> implements ReduceFunction<T> {
    private static final long serialVersionUID = 1L;

    /** The aggregations. */
    public enum Kind {
        SUM,
        MIN,
        MAX,
        MIN_BY,
        MAX_BY
    }

    private final Kind kind;
    private final FieldAccessor<T> field;

    public AggregationFunction(Kind kind, FieldAccessor<T> field) {
        this.kind = kind;
        this.field = field;
        Class<?> type = field.fieldType();
        if (kind == Kind.SUM && !isSummable(type)) {
            throw new InvalidProgramException(
                    "Cannot sum " + field + ": its type " + type.getName() + " is not a number");
        }
        if (kind != Kind.SUM && !Comparable.class.isAssignableFrom(type)) {
            throw new InvalidProgramException(
                    "Cannot take the "
                            + kind.name().toLowerCase(java.util.Locale.ROOT)
                            + " of "
                            + field
                            + ": its type "
                            + type.getName()
                            + " is not Comparable");
        }
    }

    private static boolean isSummable(Class<?> t) {
        return t == Integer.class
                || t == Long.class
                || t == Double.class
                || t == Float.class
                || t == Short.class
                || t == Byte.class
                || t == BigInteger.class
                || t == BigDecimal.class;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public T reduce(T accumulated, T value) {
        Object a = field.get(accumulated);
        Object b = field.get(value);
        switch (kind) {
            case SUM:
                return field.with(accumulated, add(a, b));
            case MIN:
                return compare(b, a) < 0 ? field.with(accumulated, b) : accumulated;
            case MAX:
                return compare(b, a) > 0 ? field.with(accumulated, b) : accumulated;
            case MIN_BY:
                return compare(b, a) < 0 ? value : accumulated;
            case MAX_BY:
                return compare(b, a) > 0 ? value : accumulated;
            default:
                throw new IllegalStateException(kind.toString());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        return ((Comparable) a).compareTo(b);
    }

    private static Object add(Object a, Object b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        if (a instanceof Integer) {
            return (Integer) a + (Integer) b;
        }
        if (a instanceof Long) {
            return (Long) a + (Long) b;
        }
        if (a instanceof Double) {
            return (Double) a + (Double) b;
        }
        if (a instanceof Float) {
            return (Float) a + (Float) b;
        }
        if (a instanceof Short) {
            return (short) ((Short) a + (Short) b);
        }
        if (a instanceof Byte) {
            return (byte) ((Byte) a + (Byte) b);
        }
        if (a instanceof BigInteger) {
            return ((BigInteger) a).add((BigInteger) b);
        }
        return ((BigDecimal) a).add((BigDecimal) b);
    }
}
