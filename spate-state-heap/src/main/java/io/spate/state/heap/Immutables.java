package io.spate.state.heap;

import io.spate.api.common.typeinfo.TypeInfo;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Which state value types can never change in place: strings, boxed primitives, enums, a few value
 * classes of the JDK, and records made only of such types. Values of these types need no copy
 * before a running snapshot may read them — a large saving for the common case of counters and
 * aggregates.
 */
final class Immutables {
    private Immutables() {}

    private static final Set<Class<?>> VALUE_CLASSES =
            Set.of(
                    String.class,
                    Boolean.class,
                    Byte.class,
                    Short.class,
                    Character.class,
                    Integer.class,
                    Long.class,
                    Float.class,
                    Double.class,
                    BigInteger.class,
                    BigDecimal.class,
                    Instant.class,
                    LocalDate.class,
                    LocalDateTime.class,
                    Duration.class,
                    UUID.class);

    static boolean isImmutable(TypeInfo<?> type) {
        Class<?> raw = type.getRawType();
        if (VALUE_CLASSES.contains(raw) || raw.isEnum()) {
            return true;
        }
        if (raw == Optional.class) {
            return type.getTypeArguments().size() == 1 && isImmutable(type.getTypeArgument(0));
        }
        if (raw.isRecord() && type.getTypeArguments().isEmpty()) {
            for (RecordComponent c : raw.getRecordComponents()) {
                Class<?> t = c.getType();
                if (t.isPrimitive()) {
                    continue;
                }
                if (!Modifier.isFinal(t.getModifiers()) && !t.isEnum()) {
                    return false;
                }
                if (!isImmutable(TypeInfo.of(t))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
