package io.spate.api.common.typeinfo;

import io.spate.annotations.Internal;
import io.spate.api.common.tuple.Tuple;
import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the types a user function consumes and produces, when the job is built.
 *
 * <p>Works for lambdas and method references (through the {@link java.lang.invoke.SerializedLambda}
 * that a serializable lambda reveals) and for classes that implement or extend a function type with
 * concrete type arguments. Where erasure hides a type (a lambda returning a generic type such as
 * {@code Tuple2<String, Integer>}, or a lambda whose output goes into a {@code Collector}), the
 * error asks for {@code .returns(...)}.
 *
 * <p>How it works: for a class, the generic superclasses and interfaces are walked from the
 * function's class up to the function type, binding each type parameter on the way. Type variables
 * of the function's own class that remain (a generic {@code Identity<T> implements MapFunction<T,
 * T>}) are bound by matching the declared input type against the known input type. For a lambda,
 * Java keeps only the erased classes of the instantiated method ({@link
 * SerializedLambda#getInstantiatedMethodType()}), which is enough exactly when the output is a
 * plain parameter or the return type of the method and its class is not generic.
 */
@Internal
public final class TypeExtractor {
    private TypeExtractor() {}

    /**
     * The type bound to type parameter {@code outputIndex} of {@code baseType} by {@code function}.
     *
     * @param function the user's function object
     * @param baseType the function interface or abstract class declaring the type parameters
     *     ({@code MapFunction.class}, {@code ProcessFunction.class}, ...)
     * @param inputIndex the type parameter that is the input, or -1 when there is none
     * @param outputIndex the type parameter to find
     * @param inputType the known type of the input, used to resolve generic functions; may be null
     * @param operatorName the operator, for error messages
     * @throws InvalidTypesException saying why and how to give the type explicitly
     */
    @SuppressWarnings("unchecked")
    public static <O> TypeInfo<O> extract(
            Object function,
            Class<?> baseType,
            int inputIndex,
            int outputIndex,
            TypeInfo<?> inputType,
            String operatorName) {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(baseType, "baseType");
        if (!baseType.isInstance(function)) {
            throw new IllegalArgumentException(
                    function.getClass().getName() + " is not a " + baseType.getName());
        }
        int arity = baseType.getTypeParameters().length;
        if (outputIndex < 0 || outputIndex >= arity || inputIndex < -1 || inputIndex >= arity) {
            throw new IllegalArgumentException(
                    baseType.getName()
                            + " has "
                            + arity
                            + " type parameters; input index "
                            + inputIndex
                            + " or output index "
                            + outputIndex
                            + " is out of range");
        }
        Request request =
                new Request(function, baseType, inputIndex, outputIndex, inputType, operatorName);
        SerializedLambda lambda = serializedLambda(function);
        return (TypeInfo<O>)
                (lambda != null ? LambdaTypes.extract(request, lambda) : fromClass(request));
    }

    /** What was asked, kept together for the error messages. */
    private record Request(
            Object function,
            Class<?> baseType,
            int inputIndex,
            int outputIndex,
            TypeInfo<?> inputType,
            String operatorName) {
        Request {
            operatorName = operatorName == null ? "operator" : operatorName;
        }

        TypeVariable<?> outputParameter() {
            return baseType.getTypeParameters()[outputIndex];
        }

        /** The start of every message: which operator, which function. */
        String prefix(String functionDescription) {
            return "Cannot determine the output type of '"
                    + operatorName
                    + "' ("
                    + functionDescription
                    + "). ";
        }
    }

    // ---------------------------------------------------------------- classes

    private static TypeInfo<?> fromClass(Request request) {
        Class<?> functionClass = request.function().getClass();
        String description = describeClass(functionClass);
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        collectBindings(functionClass, request.baseType(), bindings);
        TypeVariable<?> parameter = request.outputParameter();
        Type output = substitute(parameter, bindings);
        if (output.equals(parameter)) {
            throw new InvalidTypesException(
                    request.prefix(description)
                            + "It extends or implements "
                            + request.baseType().getSimpleName()
                            + " without type arguments (a raw type), so Java records nothing about"
                            + " its output. Declare the type arguments, for example 'implements "
                            + request.baseType().getSimpleName()
                            + "<String, Integer>', or give the type with .returns(...), for example"
                            + " .returns(Types.STRING).");
        }
        if (containsTypeVariable(output)) {
            output = substitute(output, bindingsFromInput(request, bindings));
        }
        if (containsTypeVariable(output)) {
            TypeVariable<?> variable = firstTypeVariable(output);
            throw new InvalidTypesException(
                    request.prefix(description)
                            + "Its output is "
                            + output.getTypeName()
                            + ", and "
                            + variable.getName()
                            + " is a type variable of "
                            + variable.getGenericDeclaration()
                            + ", which Java erases at run time"
                            + (request.inputType() == null
                                    ? ""
                                    : " and not determined by the input type "
                                            + request.inputType())
                            + ". Give the type with .returns(...), for example .returns(Types.STRING)"
                            + " or .returns(new TypeHint<List<String>>() {}), or declare the"
                            + " function with concrete type arguments (for example 'extends "
                            + functionClass.getSimpleName()
                            + "<String>' or 'implements "
                            + request.baseType().getSimpleName()
                            + "<String, Integer>').");
        }
        return toTypeInfo(output, request, description);
    }

    /** Binds type variables by matching the declared input type against the known input type. */
    private static Map<TypeVariable<?>, Type> bindingsFromInput(
            Request request, Map<TypeVariable<?>, Type> bindings) {
        Map<TypeVariable<?>, Type> fromInput = new HashMap<>();
        if (request.inputIndex() >= 0 && request.inputType() != null) {
            Type declaredInput =
                    substitute(
                            request.baseType().getTypeParameters()[request.inputIndex()], bindings);
            unify(declaredInput, toReflectiveType(request.inputType()), fromInput);
        }
        return fromInput;
    }

    private static String describeClass(Class<?> functionClass) {
        if (functionClass.isAnonymousClass()) {
            return "anonymous class " + functionClass.getName();
        }
        return "class " + functionClass.getName();
    }

    private static TypeInfo<?> toTypeInfo(Type type, Request request, String description) {
        try {
            return TypeInfo.of(type);
        } catch (InvalidTypesException e) {
            throw new InvalidTypesException(
                    request.prefix(description)
                            + e.getMessage()
                            + ". Give the type with .returns(...), for example"
                            + " .returns(new TypeHint<List<String>>() {}).",
                    e);
        }
    }

    // ---------------------------------------------------------------- lambdas

    /** The lambda's serialized form, or null when the function is not a serializable lambda. */
    private static SerializedLambda serializedLambda(Object function) {
        Class<?> c = function.getClass();
        if (!c.isSynthetic() && !c.isHidden()) {
            return null;
        }
        try {
            Method writeReplace = c.getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            Object replacement = writeReplace.invoke(function);
            return replacement instanceof SerializedLambda ? (SerializedLambda) replacement : null;
        } catch (NoSuchMethodException e) {
            if (c.getName().contains("$$Lambda")) {
                // Only a lambda whose target type is Serializable records its signature.
                throw new InvalidTypesException(
                        "Cannot read the types of the lambda "
                                + c.getName()
                                + ": it is not serializable. Give the output type with"
                                + " .returns(...), or implement the function interface in a class.",
                        e);
            }
            return null;
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            // Typically a lambda in a named module that does not open its package to Spate.
            throw new InvalidTypesException(
                    "Cannot read the types of the lambda "
                            + c.getName()
                            + " ("
                            + e
                            + "). Give the output type with .returns(...), or implement the"
                            + " function interface in a class.",
                    e);
        }
    }

    /** Extraction from the erased signature a serializable lambda records. */
    private static final class LambdaTypes {
        private final Request request;
        private final SerializedLambda lambda;
        private final ClassLoader loader;
        private final String description;

        private LambdaTypes(Request request, SerializedLambda lambda) {
            this.request = request;
            this.lambda = lambda;
            ClassLoader l = request.function().getClass().getClassLoader();
            this.loader = l != null ? l : ClassLoader.getSystemClassLoader();
            this.description = describeLambda(lambda);
        }

        static TypeInfo<?> extract(Request request, SerializedLambda lambda) {
            return new LambdaTypes(request, lambda).extract();
        }

        private TypeInfo<?> extract() {
            Class<?> functionalInterface = load(lambda.getFunctionalInterfaceClass());
            Map<TypeVariable<?>, Type> bindings = new HashMap<>();
            if (!collectBindings(functionalInterface, request.baseType(), bindings)) {
                throw new IllegalArgumentException(
                        "The lambda implements "
                                + functionalInterface.getName()
                                + ", which is not a "
                                + request.baseType().getName());
            }
            Type target = substitute(request.outputParameter(), bindings);
            if (!containsTypeVariable(target)) {
                // A sub-interface with concrete type arguments: nothing was erased.
                return toTypeInfo(target, request, description);
            }
            Method sam = findSingleAbstractMethod(functionalInterface);
            collectBindings(functionalInterface, sam.getDeclaringClass(), bindings);
            MethodType instantiated =
                    MethodType.fromMethodDescriptorString(
                            lambda.getInstantiatedMethodType(), loader);

            // Bind the variables that stand alone as the return type or a parameter, from the
            // erased classes the lambda was instantiated with, when those classes say it all.
            Map<TypeVariable<?>, Type> known = new HashMap<>();
            Class<?> erasedOutput = null;
            Type genericReturn = substitute(sam.getGenericReturnType(), bindings);
            if (genericReturn instanceof TypeVariable) {
                Type returned = implementationReturnType(instantiated.returnType());
                bindIfComplete((TypeVariable<?>) genericReturn, returned, known);
                if (genericReturn.equals(target)) {
                    erasedOutput = instantiated.returnType();
                }
            }
            Type[] genericParameters = sam.getGenericParameterTypes();
            for (int i = 0; i < genericParameters.length; i++) {
                Type p = substitute(genericParameters[i], bindings);
                if (p instanceof TypeVariable) {
                    bindIfComplete((TypeVariable<?>) p, instantiated.parameterType(i), known);
                    if (p.equals(target) && erasedOutput == null) {
                        erasedOutput = instantiated.parameterType(i);
                    }
                }
            }
            Map<TypeVariable<?>, Type> fromInput = bindingsFromInput(request, bindings);
            fromInput.putAll(known);
            Type resolved = substitute(target, fromInput);
            if (!containsTypeVariable(resolved)) {
                return toTypeInfo(resolved, request, description);
            }
            throw new InvalidTypesException(
                    erasedOutput != null
                            ? erasedMessage(erasedOutput)
                            : nestedMessage(sam, genericParameters, bindings, target));
        }

        /**
         * The return type of a method reference's target when it is more precise than the erased
         * class: {@code Parser::parse} declared as returning {@code Tuple2<String, Integer>} keeps
         * its type arguments, unlike a lambda body.
         */
        private Type implementationReturnType(Class<?> erased) {
            if (lambda.getImplMethodName().startsWith("lambda$")
                    || "<init>".equals(lambda.getImplMethodName())
                    || erased.getTypeParameters().length == 0) {
                return erased;
            }
            Class<?> implClass = load(lambda.getImplClass());
            for (Method m : implClass.getDeclaredMethods()) {
                if (m.getName().equals(lambda.getImplMethodName())
                        && MethodType.methodType(m.getReturnType(), m.getParameterTypes())
                                .toMethodDescriptorString()
                                .equals(lambda.getImplMethodSignature())) {
                    Type generic = m.getGenericReturnType();
                    boolean precise =
                            generic instanceof ParameterizedType
                                    && ((ParameterizedType) generic).getRawType() == erased
                                    && !containsTypeVariable(generic);
                    return precise ? generic : erased;
                }
            }
            return erased;
        }

        private Method findSingleAbstractMethod(Class<?> functionalInterface) {
            String name = lambda.getFunctionalInterfaceMethodName();
            String signature = lambda.getFunctionalInterfaceMethodSignature();
            for (Method m : functionalInterface.getMethods()) {
                if (Modifier.isAbstract(m.getModifiers())
                        && m.getName().equals(name)
                        && MethodType.methodType(m.getReturnType(), m.getParameterTypes())
                                .toMethodDescriptorString()
                                .equals(signature)) {
                    return m;
                }
            }
            throw new IllegalStateException(
                    "No method " + name + signature + " in " + functionalInterface.getName());
        }

        private Class<?> load(String internalName) {
            String name = internalName.replace('/', '.');
            try {
                return Class.forName(name, false, loader);
            } catch (ClassNotFoundException e) {
                throw new InvalidTypesException(
                        request.prefix(description)
                                + "class "
                                + name
                                + " is not visible from the function's class loader. Give the"
                                + " type with .returns(...).",
                        e);
            }
        }

        private String erasedMessage(Class<?> erased) {
            String base = request.baseType().getSimpleName();
            return request.prefix(description)
                    + "Java erases the type arguments of lambdas and method references: the"
                    + " output of '"
                    + request.operatorName()
                    + "' is "
                    + describeErased(erased)
                    + ". Give the type with "
                    + returnsExamples(erased)
                    + " (with your own types), or implement "
                    + base
                    + " in a class or an anonymous class (new "
                    + base
                    + "<...>() {...}), whose type arguments Java keeps.";
        }

        private String nestedMessage(
                Method sam,
                Type[] genericParameters,
                Map<TypeVariable<?>, Type> bindings,
                Type target) {
            String where = "the signature of " + sam.getName();
            for (Type p : genericParameters) {
                Type substituted = substitute(p, bindings);
                if (!(substituted instanceof TypeVariable) && mentions(substituted, target)) {
                    where = simpleTypeName(substituted) + " in " + where;
                    break;
                }
            }
            String base = request.baseType().getSimpleName();
            return request.prefix(description)
                    + "Java erases the type arguments of lambdas and method references: the"
                    + " output type of '"
                    + request.operatorName()
                    + "' appears only inside "
                    + where
                    + ", where the lambda does not record it. Give the type with"
                    + " .returns(Types.STRING) or .returns(new TypeHint<Tuple2<String, Integer>>()"
                    + " {}) (with your own type), or implement "
                    + base
                    + " in a class or an anonymous class (new "
                    + base
                    + "<...>() {...}), whose type arguments Java keeps.";
        }
    }

    /** Binds {@code variable} to {@code type} unless erasure left the type incomplete. */
    private static void bindIfComplete(
            TypeVariable<?> variable, Type type, Map<TypeVariable<?>, Type> bindings) {
        if (type instanceof Class && isHiddenByErasure((Class<?>) type)) {
            return;
        }
        bindings.putIfAbsent(variable, type instanceof Class ? box((Class<?>) type) : type);
    }

    /** Whether an erased class cannot be the whole truth: Object, or a generic class. */
    private static boolean isHiddenByErasure(Class<?> c) {
        Class<?> element = c;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        return element == Object.class || element.getTypeParameters().length > 0;
    }

    private static Class<?> box(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        return MethodType.methodType(c).wrap().returnType();
    }

    private static String describeLambda(SerializedLambda lambda) {
        String implClass = lambda.getImplClass().replace('/', '.');
        String method = lambda.getImplMethodName();
        if (method.startsWith("lambda$")) {
            // javac names a lambda body lambda$<enclosing method>$<n>, or for a serializable
            // lambda lambda$<enclosing method>$<hash>$<n>.
            int end = method.indexOf('$', 7);
            String enclosing = end > 7 ? method.substring(7, end) : method;
            if ("new".equals(enclosing)) {
                enclosing = "<init>";
            } else if ("static".equals(enclosing)) {
                enclosing = "<clinit>";
            }
            return "the lambda in " + implClass + "." + enclosing;
        }
        return "the method reference "
                + implClass
                + "::"
                + ("<init>".equals(method) ? "new" : method);
    }

    private static String describeErased(Class<?> erased) {
        if (erased == Object.class) {
            return "known only as java.lang.Object (the lambda is generic, or returns a type"
                    + " variable)";
        }
        if (erased.isArray()) {
            return "an array " + erased.getSimpleName() + " whose component type is incomplete";
        }
        if (Tuple.class.isAssignableFrom(erased)) {
            return "a " + erased.getSimpleName() + " whose field types are unknown";
        }
        if (List.class.isAssignableFrom(erased) || Set.class.isAssignableFrom(erased)) {
            return "a " + erased.getName() + " whose element type is unknown";
        }
        if (Map.class.isAssignableFrom(erased)) {
            return "a " + erased.getName() + " whose key and value types are unknown";
        }
        return "a " + erased.getName() + " whose type arguments are unknown";
    }

    private static final String[] EXAMPLE_TYPES = {"STRING", "INT", "LONG", "DOUBLE"};
    private static final String[] EXAMPLE_CLASSES = {"String", "Integer", "Long", "Double"};

    private static String returnsExamples(Class<?> erased) {
        if (Tuple.class.isAssignableFrom(erased) && erased.getTypeParameters().length > 0) {
            int arity = erased.getTypeParameters().length;
            StringBuilder types = new StringBuilder();
            StringBuilder classes = new StringBuilder();
            for (int i = 0; i < arity; i++) {
                String sep = i == 0 ? "" : ", ";
                types.append(sep).append("Types.").append(EXAMPLE_TYPES[i % 4]);
                classes.append(sep).append(EXAMPLE_CLASSES[i % 4]);
            }
            return ".returns(Types.TUPLE("
                    + types
                    + ")) or .returns(new TypeHint<"
                    + erased.getSimpleName()
                    + "<"
                    + classes
                    + ">>() {})";
        }
        if (List.class.isAssignableFrom(erased)) {
            return ".returns(Types.LIST(Types.STRING)) or .returns(new TypeHint<List<String>>() {})";
        }
        if (Set.class.isAssignableFrom(erased)) {
            return ".returns(Types.SET(Types.STRING)) or .returns(new TypeHint<Set<String>>() {})";
        }
        if (Map.class.isAssignableFrom(erased)) {
            return ".returns(Types.MAP(Types.STRING, Types.LONG)) or .returns(new"
                    + " TypeHint<Map<String, Long>>() {})";
        }
        if (erased == Optional.class) {
            return ".returns(Types.OPTIONAL(Types.STRING)) or .returns(new"
                    + " TypeHint<Optional<String>>() {})";
        }
        if (erased.isArray()) {
            return ".returns(Types.ARRAY(Types.LIST(Types.STRING))) or .returns(new"
                    + " TypeHint<List<String>[]>() {})";
        }
        if (erased == Object.class) {
            return ".returns(Types.STRING) or .returns(new TypeHint<Tuple2<String, Integer>>() {})";
        }
        String[] arguments = new String[erased.getTypeParameters().length];
        Arrays.fill(arguments, "String");
        return ".returns(new TypeHint<"
                + erased.getSimpleName()
                + "<"
                + String.join(", ", arguments)
                + ">>() {})";
    }

    private static String simpleTypeName(Type type) {
        if (type instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) type;
            StringBuilder sb =
                    new StringBuilder(((Class<?>) p.getRawType()).getSimpleName()).append('<');
            Type[] args = p.getActualTypeArguments();
            for (int i = 0; i < args.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(simpleTypeName(args[i]));
            }
            return sb.append('>').toString();
        }
        if (type instanceof Class) {
            return ((Class<?>) type).getSimpleName();
        }
        return type.getTypeName();
    }

    // ---------------------------------------------------------------- type algebra

    /**
     * Walks the generic supertypes from {@code type} up to {@code target}, binding the type
     * parameters of every class on the way. Returns whether {@code target} was reached.
     */
    private static boolean collectBindings(
            Type type, Class<?> target, Map<TypeVariable<?>, Type> bindings) {
        Class<?> raw;
        if (type instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) type;
            raw = (Class<?>) p.getRawType();
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] arguments = p.getActualTypeArguments();
            for (int i = 0; i < variables.length; i++) {
                bindings.put(variables[i], substitute(arguments[i], bindings));
            }
        } else if (type instanceof Class) {
            raw = (Class<?>) type;
        } else {
            return false;
        }
        if (raw == target) {
            return true;
        }
        Type superclass = raw.getGenericSuperclass();
        if (superclass != null
                && target.isAssignableFrom(erase(superclass))
                && collectBindings(superclass, target, bindings)) {
            return true;
        }
        for (Type itf : raw.getGenericInterfaces()) {
            if (target.isAssignableFrom(erase(itf)) && collectBindings(itf, target, bindings)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Binds the type variables in {@code formal} by matching it against the concrete {@code
     * actual}: {@code List<T>} against {@code ArrayList<String>} binds T to String.
     */
    private static void unify(Type formal, Type actual, Map<TypeVariable<?>, Type> bindings) {
        if (formal instanceof TypeVariable) {
            bindings.putIfAbsent((TypeVariable<?>) formal, actual);
        } else if (formal instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) formal;
            Class<?> raw = (Class<?>) p.getRawType();
            Class<?> actualRaw = erase(actual);
            if (actualRaw == null || !raw.isAssignableFrom(actualRaw)) {
                return;
            }
            Map<TypeVariable<?>, Type> actualBindings = new HashMap<>();
            collectBindings(actual, raw, actualBindings);
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] formalArguments = p.getActualTypeArguments();
            for (int i = 0; i < variables.length; i++) {
                Type a = actualBindings.get(variables[i]);
                if (a != null && !containsTypeVariable(a)) {
                    unify(formalArguments[i], a, bindings);
                }
            }
        } else if (formal instanceof GenericArrayType) {
            Type component = componentType(actual);
            if (component != null) {
                unify(((GenericArrayType) formal).getGenericComponentType(), component, bindings);
            }
        } else if (formal instanceof WildcardType) {
            for (Type bound : ((WildcardType) formal).getUpperBounds()) {
                unify(bound, actual, bindings);
            }
        }
    }

    private static Type componentType(Type arrayType) {
        if (arrayType instanceof Class && ((Class<?>) arrayType).isArray()) {
            return ((Class<?>) arrayType).getComponentType();
        }
        if (arrayType instanceof GenericArrayType) {
            return ((GenericArrayType) arrayType).getGenericComponentType();
        }
        return null;
    }

    private static Type substitute(Type type, Map<TypeVariable<?>, Type> bindings) {
        if (bindings.isEmpty()) {
            return type;
        }
        if (type instanceof TypeVariable) {
            return bindings.getOrDefault(type, type);
        }
        if (type instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) type;
            Type[] args = p.getActualTypeArguments().clone();
            for (int i = 0; i < args.length; i++) {
                args[i] = substitute(args[i], bindings);
            }
            return new ResolvedParameterizedType((Class<?>) p.getRawType(), args);
        }
        if (type instanceof GenericArrayType) {
            return arrayOf(
                    substitute(((GenericArrayType) type).getGenericComponentType(), bindings));
        }
        if (type instanceof WildcardType) {
            // "? extends X" means X here; other wildcards stay, for TypeInfo to reject.
            WildcardType w = (WildcardType) type;
            Type[] upper = w.getUpperBounds();
            if (w.getLowerBounds().length == 0 && upper.length == 1 && upper[0] != Object.class) {
                return substitute(upper[0], bindings);
            }
        }
        return type;
    }

    private static Type arrayOf(Type component) {
        if (component instanceof Class) {
            return Array.newInstance((Class<?>) component, 0).getClass();
        }
        return new ResolvedGenericArrayType(component);
    }

    private static boolean containsTypeVariable(Type type) {
        return firstTypeVariable(type) != null;
    }

    private static TypeVariable<?> firstTypeVariable(Type type) {
        if (type instanceof TypeVariable) {
            return (TypeVariable<?>) type;
        }
        for (Type part : parts(type)) {
            TypeVariable<?> found = firstTypeVariable(part);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static boolean mentions(Type type, Type variable) {
        if (type.equals(variable)) {
            return true;
        }
        for (Type part : parts(type)) {
            if (mentions(part, variable)) {
                return true;
            }
        }
        return false;
    }

    /** The types a type is made of: type arguments, array component, wildcard bounds. */
    private static Type[] parts(Type type) {
        if (type instanceof ParameterizedType) {
            return ((ParameterizedType) type).getActualTypeArguments();
        }
        if (type instanceof GenericArrayType) {
            return new Type[] {((GenericArrayType) type).getGenericComponentType()};
        }
        if (type instanceof WildcardType) {
            WildcardType w = (WildcardType) type;
            return w.getLowerBounds().length > 0 ? w.getLowerBounds() : w.getUpperBounds();
        }
        return new Type[0];
    }

    private static Class<?> erase(Type type) {
        if (type instanceof Class) {
            return (Class<?>) type;
        }
        if (type instanceof ParameterizedType) {
            return (Class<?>) ((ParameterizedType) type).getRawType();
        }
        if (type instanceof GenericArrayType) {
            Class<?> component = erase(((GenericArrayType) type).getGenericComponentType());
            return component == null ? null : Array.newInstance(component, 0).getClass();
        }
        return null;
    }

    /** The reflective form of a {@link TypeInfo}, so it can be matched against declarations. */
    private static Type toReflectiveType(TypeInfo<?> info) {
        if (info.isArray()) {
            return arrayOf(toReflectiveType(info.getComponentType()));
        }
        List<TypeInfo<?>> arguments = info.getTypeArguments();
        if (arguments.isEmpty()) {
            return info.getRawType();
        }
        Type[] args = new Type[arguments.size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = toReflectiveType(arguments.get(i));
        }
        return new ResolvedParameterizedType(info.getRawType(), args);
    }

    private static final class ResolvedParameterizedType implements ParameterizedType {
        private final Class<?> raw;
        private final Type[] arguments;

        ResolvedParameterizedType(Class<?> raw, Type[] arguments) {
            this.raw = raw;
            this.arguments = arguments;
        }

        @Override
        public Type[] getActualTypeArguments() {
            return arguments.clone();
        }

        @Override
        public Type getRawType() {
            return raw;
        }

        @Override
        public Type getOwnerType() {
            return raw.getDeclaringClass();
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(raw.getName()).append('<');
            for (int i = 0; i < arguments.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(arguments[i].getTypeName());
            }
            return sb.append('>').toString();
        }
    }

    private static final class ResolvedGenericArrayType implements GenericArrayType {
        private final Type component;

        ResolvedGenericArrayType(Type component) {
            this.component = component;
        }

        @Override
        public Type getGenericComponentType() {
            return component;
        }

        @Override
        public String toString() {
            return component.getTypeName() + "[]";
        }
    }
}
