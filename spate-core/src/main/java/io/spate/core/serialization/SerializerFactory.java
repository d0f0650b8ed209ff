package io.spate.core.serialization;

import io.spate.annotations.Internal;
import io.spate.api.common.typeinfo.InvalidTypesException;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.common.serialization.TypeSerializer;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Chooses the serializer of a type when a job is built. Called while a job graph is translated,
 * once per stream and per piece of state; the serializers it returns are then shipped with the job
 * and used on the data path.
 *
 * <p>In order of precedence:
 *
 * <ol>
 *   <li>a serializer registered for exactly the class ({@code
 *       env.getConfig().registerSerializer(Type.class, serializer)}), at any depth;
 *   <li>built-in serializers: primitives and their boxes, String, primitive arrays, BigInteger,
 *       BigDecimal, Instant, LocalDate, LocalDateTime, Duration, UUID, enums (by ordinal), object
 *       arrays, {@code List}/{@code ArrayList}/{@code LinkedList}/{@code Collection}, {@code
 *       Set}/{@code HashSet}/{@code LinkedHashSet}/{@code SortedSet}/{@code TreeSet}, {@code
 *       Map}/{@code HashMap}/{@code LinkedHashMap}/{@code SortedMap}/{@code TreeMap}, Optional;
 *   <li>Java records, component by component through the canonical constructor;
 *   <li>sealed interfaces and sealed abstract classes (and sealed classes with instances of their
 *       own): a tag for the value's concrete class, then the value as that class's serializer
 *       writes it. The concrete classes are found by walking {@link Class#getPermittedSubclasses()}
 *       depth first in declaration order, through sealed subtypes; each needs a serializer of its
 *       own (by any rule of this list), and a permitted subclass that is abstract or an interface
 *       without being sealed fails, since its values' classes are unknown. Type arguments pass to
 *       permitted subclasses that declare them ({@code record Ok<T>(T value) implements
 *       Result<T>});
 *   <li>POJOs and tuples ({@code Tuple1..Tuple8} and their subclasses are POJOs with public fields
 *       {@code f0, f1, ...}), field by field in sorted name order. A POJO is a public class with a
 *       public no-argument constructor whose every non-static, non-transient field is public and
 *       not final, or has a public getter and setter.
 * </ol>
 *
 * <p>Top-level values are never null; fields, elements, keys, values and array components may be,
 * and are written behind a one-byte null marker. Generic fields are resolved against the type's
 * arguments ({@code Box<String>} for {@code record Box<T>(T value)}), and recursive types ({@code
 * record Node(String name, List<Node> children)}) get a serializer that refers to itself.
 *
 * <p>Anything else fails here, when the job is built, with an {@link InvalidTypesException} that
 * names the type, the path to it from the top-level type, and how to fix it. There is no fallback
 * to Java serialization or to a generic serializer.
 *
 * <p>Immutable and thread-safe.
 */
@Internal
public final class SerializerFactory {
    /** Deeper than this, a type is unreasonable; the limit keeps a stack overflow away. */
    private static final int MAX_DEPTH = 64;

    /**
     * More than this many types of one class nested in each other means a class that contains
     * itself with other type arguments each time (polymorphic recursion), which never ends.
     */
    private static final int MAX_EXPANSIONS = 8;

    private static final Map<Class<?>, TypeSerializer<?>> BUILT_INS = builtIns();
    private static final Map<Class<?>, CollectionSerializer.Kind> COLLECTIONS = collections();
    private static final Map<Class<?>, MapSerializer.Kind> MAPS = maps();

    private final Map<Class<?>, TypeSerializer<?>> registeredSerializers;

    /**
     * @param registeredSerializers serializers for exactly these classes, which take precedence
     *     over everything built in ({@code ExecutionConfig#getRegisteredSerializers()})
     */
    public SerializerFactory(Map<Class<?>, TypeSerializer<?>> registeredSerializers) {
        this.registeredSerializers = Map.copyOf(registeredSerializers);
    }

    /**
     * The serializer of {@code type}.
     *
     * @throws InvalidTypesException when no serializer exists, naming the type, the path to it and
     *     the fix
     */
    @SuppressWarnings("unchecked")
    public <T> TypeSerializer<T> create(TypeInfo<T> type) {
        Objects.requireNonNull(type, "type");
        return (TypeSerializer<T>) new Build().serializer(type, TypePath.root(type));
    }

    /** The state of one {@link #create} call: what is built, and what is being built. */
    private final class Build {
        private final Map<TypeInfo<?>, TypeSerializer<?>> built = new HashMap<>();
        private final Map<Pending, ForwardingSerializer<?>> inProgress = new HashMap<>();

        /** How many types of each class are being built, nested in each other. */
        private final Map<Class<?>, Integer> expansions = new HashMap<>();

        TypeSerializer<?> serializer(TypeInfo<?> type, TypePath path) {
            TypeSerializer<?> registered = registeredSerializers.get(type.getRawType());
            if (registered != null) {
                return registered;
            }
            TypeSerializer<?> existing = built.get(type);
            if (existing != null) {
                return existing;
            }
            if (path.depth() > MAX_DEPTH) {
                throw new InvalidTypesException(
                        "Cannot find a serializer for type "
                                + path.rootType()
                                + ": it nests more than "
                                + MAX_DEPTH
                                + " levels deep (down to "
                                + type.getRawType().getName()
                                + "). Register a serializer for one of the nested classes with"
                                + " env.getConfig().registerSerializer(...), or flatten the type.");
            }
            TypeSerializer<?> result = build(type, path);
            built.put(type, result);
            return result;
        }

        /** The serializer for a position that may hold null: a field, element, key or value. */
        @SuppressWarnings({"unchecked", "rawtypes"})
        TypeSerializer<?> nullable(TypeInfo<?> type, TypePath path) {
            return new NullableSerializer(serializer(type, path));
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private TypeSerializer<?> build(TypeInfo<?> type, TypePath path) {
            Class<?> raw = type.getRawType();
            if (!type.isArray()
                    && type.getTypeArguments().size() != raw.getTypeParameters().length) {
                throw noSerializer(
                        type,
                        path,
                        "it is the generic class "
                                + raw.getName()
                                + " without its type arguments, so the types inside it are"
                                + " unknown",
                        "Give the full type, for example with Types.LIST(Types.STRING) or new"
                                + " TypeHint<List<String>>() {}, or declare the field with its type"
                                + " arguments.");
            }
            TypeSerializer<?> builtIn = BUILT_INS.get(raw);
            if (builtIn != null) {
                return builtIn;
            }
            if (raw.isArray()) {
                TypeInfo<?> component = type.getComponentType();
                return new ObjectArraySerializer(
                        component.getRawType(), nullable(component, path.element(type)));
            }
            if (raw.isEnum()) {
                return new EnumSerializer(raw);
            }
            CollectionSerializer.Kind collection = COLLECTIONS.get(raw);
            if (collection != null) {
                TypeInfo<?> element = type.getTypeArgument(0);
                if (collection == CollectionSerializer.Kind.TREE_SET) {
                    requireComparable(type, path, element, "elements");
                }
                return new CollectionSerializer(nullable(element, path.element(type)), collection);
            }
            MapSerializer.Kind map = MAPS.get(raw);
            if (map != null) {
                TypeInfo<?> key = type.getTypeArgument(0);
                if (map == MapSerializer.Kind.TREE_MAP) {
                    requireComparable(type, path, key, "keys");
                }
                return new MapSerializer(
                        nullable(key, path.key(type)),
                        nullable(type.getTypeArgument(1), path.value(type)),
                        map);
            }
            if (raw == Optional.class) {
                return new OptionalSerializer(
                        serializer(type.getTypeArgument(0), path.optionalValue(type)));
            }
            if (raw.isRecord()) {
                return composite(type, path, Shape.RECORD);
            }
            if (raw.isSealed()) {
                return composite(type, path, Shape.SEALED);
            }
            rejectUnsupported(type, path);
            PojoAnalysis pojo = PojoAnalysis.of(raw);
            if (!pojo.isPojo()) {
                throw noSerializer(
                        type,
                        path,
                        "it is not a record, not an enum and not a POJO ("
                                + String.join("; ", pojo.problems())
                                + ")",
                        registerFix(raw));
            }
            return composite(type, path, Shape.POJO);
        }

        /**
         * A record, POJO or sealed-type serializer. Its fields (or its subclasses' fields) may lead
         * back to the same type; those get a {@link ForwardingSerializer} that is pointed at the
         * result once it exists.
         */
        @SuppressWarnings({"unchecked", "rawtypes"})
        private TypeSerializer<?> composite(TypeInfo<?> type, TypePath path, Shape shape) {
            Pending key = new Pending(type, shape);
            ForwardingSerializer<?> pending = inProgress.get(key);
            if (pending != null) {
                return pending;
            }
            Class<?> raw = type.getRawType();
            if (expansions.merge(raw, 1, Integer::sum) > MAX_EXPANSIONS) {
                throw new InvalidTypesException(
                        "Cannot find a serializer for type "
                                + path.rootType()
                                + ": "
                                + raw.getName()
                                + " contains itself with other type arguments at every level (as"
                                + " in record Node<T>(List<Node<List<T>>> children)), so the type"
                                + " never ends. Register a serializer with"
                                + " env.getConfig().registerSerializer("
                                + sourceName(raw)
                                + ".class, serializer), or give the nested values the same type"
                                + " arguments as the enclosing one.");
            }
            ForwardingSerializer forward = new ForwardingSerializer<>(type);
            inProgress.put(key, forward);
            try {
                TypeSerializer<?> result;
                switch (shape) {
                    case RECORD:
                        result = record(type, path);
                        break;
                    case POJO:
                        result = pojo(type, path);
                        break;
                    default:
                        result = sealed(type, path);
                }
                forward.setTarget(result);
                return result;
            } finally {
                inProgress.remove(key);
                expansions.merge(raw, -1, Integer::sum);
            }
        }

        /** The concrete classes of a sealed type with their serializers; see {@link #sealed}. */
        private final class SealedWalk {
            final List<Class<?>> classes = new ArrayList<>();
            final List<TypeSerializer<?>> serializers = new ArrayList<>();
            final Set<Class<?>> seen = new HashSet<>();

            /**
             * Adds {@code type}'s concrete classes: itself if instantiable, then its subclasses.
             */
            void add(TypeInfo<?> type, TypePath path, boolean root) {
                Class<?> raw = type.getRawType();
                if (!seen.add(raw)) {
                    return; // reached again through another sealed parent: keeps its first tag
                }
                TypeSerializer<?> registered = registeredSerializers.get(raw);
                if (!root && (registered != null || !raw.isSealed() || raw.isEnum())) {
                    if (raw.isInterface() || Modifier.isAbstract(raw.getModifiers())) {
                        if (registered == null) {
                            throw noSerializer(
                                    type,
                                    path,
                                    (raw.isInterface()
                                                    ? "it is an interface"
                                                    : "it is an abstract class")
                                            + " that is not sealed, so the classes of its values are"
                                            + " known only at run time",
                                    "Make "
                                            + raw.getSimpleName()
                                            + " sealed, or register a serializer for it with"
                                            + " env.getConfig().registerSerializer("
                                            + sourceName(raw)
                                            + ".class, serializer).");
                        }
                    }
                    classes.add(raw);
                    serializers.add(serializer(type, path));
                    return;
                }
                if (!raw.isInterface() && !Modifier.isAbstract(raw.getModifiers())) {
                    // A sealed class with instances of its own: those are written field by field.
                    classes.add(raw);
                    serializers.add(ownInstances(type, path));
                }
                for (Class<?> sub : raw.getPermittedSubclasses()) {
                    TypeInfo<?> subType = permittedSubtype(type, sub, path);
                    add(subType, path.permittedSubclass(sub, type), false);
                }
            }
        }

        /**
         * A sealed type: the concrete classes reached through its permitted subclasses, depth first
         * in declaration order, each with its own serializer.
         */
        @SuppressWarnings({"unchecked", "rawtypes"})
        private TypeSerializer<?> sealed(TypeInfo<?> type, TypePath path) {
            SealedWalk walk = new SealedWalk();
            walk.add(type, path, true);
            if (walk.classes.isEmpty()) {
                throw noSerializer(
                        type,
                        path,
                        "it is sealed but has no concrete class to serialize",
                        registerFix(type.getRawType()));
            }
            return new SealedSerializer(
                    type.getRawType(),
                    walk.classes.toArray(new Class<?>[0]),
                    walk.serializers.toArray(new TypeSerializer<?>[0]));
        }

        /** The serializer of the instances of a sealed class that are of exactly that class. */
        private TypeSerializer<?> ownInstances(TypeInfo<?> type, TypePath path) {
            Class<?> raw = type.getRawType();
            PojoAnalysis pojo = PojoAnalysis.of(raw);
            if (!pojo.isPojo()) {
                throw noSerializer(
                        type,
                        path,
                        "it is a sealed class with instances of its own, and not a POJO ("
                                + String.join("; ", pojo.problems())
                                + ")",
                        "Make it abstract, make it a POJO, or register a serializer with"
                                + " env.getConfig().registerSerializer("
                                + sourceName(raw)
                                + ".class, serializer).");
            }
            return composite(type, path, Shape.POJO);
        }

        /**
         * The type of permitted subclass {@code sub} of {@code sealed}: with the type arguments
         * that {@code sealed}'s arguments determine, for a generic subclass.
         */
        private TypeInfo<?> permittedSubtype(TypeInfo<?> sealed, Class<?> sub, TypePath path) {
            TypeVariable<?>[] variables = sub.getTypeParameters();
            if (variables.length == 0) {
                return TypeInfo.of(sub);
            }
            Map<TypeVariable<?>, TypeInfo<?>> bound = new HashMap<>();
            Type declared = directSupertype(sub, sealed.getRawType());
            if (declared instanceof ParameterizedType) {
                unify(declared, sealed, bound);
            }
            TypeInfo<?>[] arguments = new TypeInfo<?>[variables.length];
            for (int i = 0; i < variables.length; i++) {
                arguments[i] = bound.get(variables[i]);
                if (arguments[i] == null) {
                    throw noSerializer(
                            TypeInfo.of(sub),
                            path.permittedSubclass(sub, sealed),
                            "its type variable "
                                    + variables[i]
                                    + " is not determined by the type arguments of "
                                    + sealed,
                            "Declare "
                                    + sub.getSimpleName()
                                    + " with type variables that "
                                    + sealed.getRawType().getSimpleName()
                                    + " passes on directly, or register a serializer for "
                                    + sealed.getRawType().getSimpleName()
                                    + " with env.getConfig().registerSerializer(...).");
                }
            }
            return TypeInfo.parameterized(sub, arguments);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private TypeSerializer<?> record(TypeInfo<?> type, TypePath path) {
            TypeBindings bindings = TypeBindings.of(type);
            RecordComponent[] components = type.getRawType().getRecordComponents();
            Property[] properties = new Property[components.length];
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                TypePath fieldPath = path.field(c.getName(), type);
                TypeInfo<?> fieldType = resolve(bindings, c.getGenericType(), fieldPath);
                properties[i] = Property.ofRecordComponent(c, property(fieldType, fieldPath));
            }
            return new RecordSerializer(type.getRawType(), properties);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private TypeSerializer<?> pojo(TypeInfo<?> type, TypePath path) {
            Class<?> raw = type.getRawType();
            TypeBindings bindings = TypeBindings.of(type);
            List<PojoAnalysis.PojoField> fields = PojoAnalysis.of(raw).fields();
            Property[] properties = new Property[fields.size()];
            for (int i = 0; i < properties.length; i++) {
                PojoAnalysis.PojoField f = fields.get(i);
                TypePath fieldPath = path.field(f.name(), type);
                TypeInfo<?> fieldType = resolve(bindings, f.field.getGenericType(), fieldPath);
                TypeSerializer<?> serializer = property(fieldType, fieldPath);
                properties[i] =
                        f.getter == null
                                ? Property.ofField(raw, f.field, serializer)
                                : Property.ofAccessors(
                                        raw, f.field, f.getter, f.setter, serializer);
            }
            return new PojoSerializer(raw, properties);
        }

        /** The serializer of a field; null for a primitive field that is written raw. */
        private TypeSerializer<?> property(TypeInfo<?> type, TypePath path) {
            Class<?> raw = type.getRawType();
            if (raw.isPrimitive()) {
                // Registered serializers apply to exactly their class, so to int.class, not int
                // fields of Integer.class; a primitive field is never null.
                return registeredSerializers.get(raw);
            }
            return nullable(type, path);
        }

        private TypeInfo<?> resolve(TypeBindings bindings, Type declared, TypePath path) {
            try {
                return bindings.resolve(declared);
            } catch (InvalidTypesException e) {
                throw new InvalidTypesException(
                        "Cannot find a serializer for type "
                                + declared.getTypeName()
                                + path.where()
                                + ": "
                                + e.getMessage()
                                + ". Give the type with all its type arguments, for example with a"
                                + " TypeHint, or declare the field with a concrete type.",
                        e);
            }
        }

        private void requireComparable(
                TypeInfo<?> type, TypePath path, TypeInfo<?> ordered, String what) {
            Class<?> c = ordered.getRawType();
            if (!c.isPrimitive() && !Comparable.class.isAssignableFrom(c)) {
                throw noSerializer(
                        type,
                        path,
                        "a sorted collection is read back with natural ordering, which needs "
                                + what
                                + " of a Comparable class, and "
                                + c.getName()
                                + " is not Comparable",
                        "Make "
                                + c.getSimpleName()
                                + " Comparable, use an unsorted collection, or register a"
                                + " serializer with env.getConfig().registerSerializer("
                                + sourceName(type.getRawType())
                                + ".class, serializer).");
            }
        }

        /** Fails for the kinds of class that are never serialized field by field. */
        private void rejectUnsupported(TypeInfo<?> type, TypePath path) {
            Class<?> raw = type.getRawType();
            String reason = null;
            String fix =
                    "Declare a concrete record or POJO class instead, or register a serializer"
                            + " with env.getConfig().registerSerializer("
                            + sourceName(raw)
                            + ".class, serializer).";
            if (raw == Object.class) {
                reason = "java.lang.Object says nothing about the class of the values";
            } else if (raw.isInterface()) {
                reason = "it is an interface, so the class of the values is known only at run time";
            } else if (Modifier.isAbstract(raw.getModifiers())) {
                reason =
                        "it is an abstract class, so the class of the values is known only at run"
                                + " time";
            } else if (raw.isPrimitive()) {
                reason = "it has no values";
            } else if (isJdkClass(raw)) {
                reason =
                        "Spate has no built-in serializer for this JDK class, and never treats JDK"
                                + " classes as POJOs (their state is private)";
                fix = registerFix(raw);
            }
            if (reason != null) {
                throw noSerializer(type, path, reason, fix);
            }
        }
    }

    /** The kinds of composite serializer, which recursive types build in several steps. */
    private enum Shape {
        RECORD,
        POJO,
        SEALED
    }

    /**
     * A serializer being built. A sealed class with instances of its own is built twice at once: as
     * a sealed type, and as the POJO its own instances are.
     */
    private record Pending(TypeInfo<?> type, Shape shape) {}

    /** How {@code sub} names {@code parent} among its direct supertypes, or null. */
    private static Type directSupertype(Class<?> sub, Class<?> parent) {
        Type superclass = sub.getGenericSuperclass();
        if (superclass != null && rawClass(superclass) == parent) {
            return superclass;
        }
        for (Type t : sub.getGenericInterfaces()) {
            if (rawClass(t) == parent) {
                return t;
            }
        }
        return null;
    }

    private static Class<?> rawClass(Type t) {
        if (t instanceof Class) {
            return (Class<?>) t;
        }
        if (t instanceof ParameterizedType) {
            return (Class<?>) ((ParameterizedType) t).getRawType();
        }
        return null;
    }

    /** Binds the type variables in {@code declared} to the matching parts of {@code actual}. */
    private static void unify(
            Type declared, TypeInfo<?> actual, Map<TypeVariable<?>, TypeInfo<?>> bound) {
        if (declared instanceof TypeVariable) {
            bound.putIfAbsent((TypeVariable<?>) declared, actual);
        } else if (declared instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) declared;
            Type[] arguments = p.getActualTypeArguments();
            if (p.getRawType() == actual.getRawType()
                    && arguments.length == actual.getTypeArguments().size()) {
                for (int i = 0; i < arguments.length; i++) {
                    unify(arguments[i], actual.getTypeArgument(i), bound);
                }
            }
        } else if (declared instanceof GenericArrayType && actual.isArray()) {
            unify(
                    ((GenericArrayType) declared).getGenericComponentType(),
                    actual.getComponentType(),
                    bound);
        }
    }

    private static boolean isJdkClass(Class<?> c) {
        String name = c.getName();
        return name.startsWith("java.")
                || name.startsWith("javax.")
                || name.startsWith("jdk.")
                || name.startsWith("sun.")
                || name.startsWith("com.sun.");
    }

    private static InvalidTypesException noSerializer(
            TypeInfo<?> type, TypePath path, String reason, String fix) {
        return new InvalidTypesException(
                "Cannot find a serializer for type "
                        + type
                        + path.where()
                        + ": "
                        + reason
                        + ". "
                        + fix);
    }

    private static String registerFix(Class<?> raw) {
        return "Register one with env.getConfig().registerSerializer("
                + sourceName(raw)
                + ".class, serializer), or make it a record or POJO.";
    }

    /** The class as Java source names it: {@code com.acme.Outer.Inner}, not {@code Outer$Inner}. */
    private static String sourceName(Class<?> c) {
        String canonical = c.getCanonicalName();
        return canonical != null ? canonical : c.getName();
    }

    private static Map<Class<?>, TypeSerializer<?>> builtIns() {
        Map<Class<?>, TypeSerializer<?>> m = new HashMap<>();
        m.put(boolean.class, BooleanSerializer.INSTANCE);
        m.put(Boolean.class, BooleanSerializer.INSTANCE);
        m.put(byte.class, ByteSerializer.INSTANCE);
        m.put(Byte.class, ByteSerializer.INSTANCE);
        m.put(short.class, ShortSerializer.INSTANCE);
        m.put(Short.class, ShortSerializer.INSTANCE);
        m.put(char.class, CharSerializer.INSTANCE);
        m.put(Character.class, CharSerializer.INSTANCE);
        m.put(int.class, IntSerializer.INSTANCE);
        m.put(Integer.class, IntSerializer.INSTANCE);
        m.put(long.class, LongSerializer.INSTANCE);
        m.put(Long.class, LongSerializer.INSTANCE);
        m.put(float.class, FloatSerializer.INSTANCE);
        m.put(Float.class, FloatSerializer.INSTANCE);
        m.put(double.class, DoubleSerializer.INSTANCE);
        m.put(Double.class, DoubleSerializer.INSTANCE);
        m.put(String.class, StringSerializer.INSTANCE);
        m.put(boolean[].class, BooleanArraySerializer.INSTANCE);
        m.put(byte[].class, ByteArraySerializer.INSTANCE);
        m.put(short[].class, ShortArraySerializer.INSTANCE);
        m.put(char[].class, CharArraySerializer.INSTANCE);
        m.put(int[].class, IntArraySerializer.INSTANCE);
        m.put(long[].class, LongArraySerializer.INSTANCE);
        m.put(float[].class, FloatArraySerializer.INSTANCE);
        m.put(double[].class, DoubleArraySerializer.INSTANCE);
        m.put(BigInteger.class, BigIntegerSerializer.INSTANCE);
        m.put(BigDecimal.class, BigDecimalSerializer.INSTANCE);
        m.put(Instant.class, InstantSerializer.INSTANCE);
        m.put(LocalDate.class, LocalDateSerializer.INSTANCE);
        m.put(LocalDateTime.class, LocalDateTimeSerializer.INSTANCE);
        m.put(Duration.class, DurationSerializer.INSTANCE);
        m.put(UUID.class, UuidSerializer.INSTANCE);
        return Map.copyOf(m);
    }

    private static Map<Class<?>, CollectionSerializer.Kind> collections() {
        return Map.of(
                Collection.class, CollectionSerializer.Kind.ARRAY_LIST,
                List.class, CollectionSerializer.Kind.ARRAY_LIST,
                ArrayList.class, CollectionSerializer.Kind.ARRAY_LIST,
                LinkedList.class, CollectionSerializer.Kind.LINKED_LIST,
                Set.class, CollectionSerializer.Kind.LINKED_HASH_SET,
                HashSet.class, CollectionSerializer.Kind.HASH_SET,
                LinkedHashSet.class, CollectionSerializer.Kind.LINKED_HASH_SET,
                SortedSet.class, CollectionSerializer.Kind.TREE_SET,
                NavigableSet.class, CollectionSerializer.Kind.TREE_SET,
                TreeSet.class, CollectionSerializer.Kind.TREE_SET);
    }

    private static Map<Class<?>, MapSerializer.Kind> maps() {
        return Map.of(
                Map.class, MapSerializer.Kind.LINKED_HASH_MAP,
                HashMap.class, MapSerializer.Kind.HASH_MAP,
                LinkedHashMap.class, MapSerializer.Kind.LINKED_HASH_MAP,
                SortedMap.class, MapSerializer.Kind.TREE_MAP,
                NavigableMap.class, MapSerializer.Kind.TREE_MAP,
                TreeMap.class, MapSerializer.Kind.TREE_MAP);
    }
}
