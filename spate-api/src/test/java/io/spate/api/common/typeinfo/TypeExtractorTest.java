package io.spate.api.common.typeinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.functions.Collector;
import io.spate.api.common.functions.FlatMapFunction;
import io.spate.api.common.functions.KeySelector;
import io.spate.api.common.functions.MapFunction;
import io.spate.api.common.functions.Partitioner;
import io.spate.api.common.functions.ReduceFunction;
import io.spate.api.common.functions.RichMapFunction;
import io.spate.api.common.tuple.Tuple2;
import io.spate.api.connector.source.lib.GeneratorFunction;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.ProcessFunction;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TypeExtractorTest {

    record Person(String name, int age) {}

    static Person parsePerson(String line) {
        return new Person(line, line.length());
    }

    static Tuple2<String, Integer> wordWithLength(String word) {
        return Tuple2.of(word, word.length());
    }

    static <T> TypeInfo<T> mapOutput(MapFunction<?, ?> f, TypeInfo<?> input) {
        return TypeExtractor.extract(f, MapFunction.class, 0, 1, input, "Map");
    }

    static <T> TypeInfo<T> mapOutput(MapFunction<?, ?> f) {
        return mapOutput(f, Types.STRING);
    }

    @Nested
    class Lambdas {
        @Test
        void lambdaReturningString() {
            MapFunction<String, String> upper = s -> s.toUpperCase(Locale.ROOT);
            assertThat(mapOutput(upper)).isEqualTo(Types.STRING);
        }

        @Test
        void methodReferenceReturningBoxedPrimitive() {
            MapFunction<String, Integer> length = String::length;
            assertThat(mapOutput(length)).isEqualTo(Types.INT);
            MapFunction<String, Long> parse = Long::parseLong;
            assertThat(mapOutput(parse)).isEqualTo(Types.LONG);
            MapFunction<String, Boolean> empty = String::isEmpty;
            assertThat(mapOutput(empty)).isEqualTo(Types.BOOLEAN);
            MapFunction<String, Double> d = s -> 1.5;
            assertThat(mapOutput(d)).isEqualTo(Types.DOUBLE);
        }

        @Test
        void lambdaAndMethodReferenceReturningRecord() {
            MapFunction<String, Person> lambda = s -> new Person(s, 1);
            MapFunction<String, Person> staticRef = TypeExtractorTest::parsePerson;
            assertThat(mapOutput(lambda)).isEqualTo(Types.of(Person.class));
            assertThat(mapOutput(staticRef)).isEqualTo(Types.of(Person.class));
        }

        @Test
        void lambdaReturningArrays() {
            MapFunction<String, int[]> codes = s -> s.chars().toArray();
            MapFunction<String, String[]> split = s -> s.split(" ");
            MapFunction<String, byte[]> bytes = s -> new byte[] {1};
            assertThat(mapOutput(codes)).isEqualTo(TypeInfo.of(int[].class));
            assertThat(mapOutput(split)).isEqualTo(Types.ARRAY(Types.STRING));
            assertThat(mapOutput(bytes)).isEqualTo(Types.BYTES);
        }

        @Test
        void methodReferenceWithGenericDeclaredReturnTypeKeepsItsArguments() {
            MapFunction<String, Tuple2<String, Integer>> f = TypeExtractorTest::wordWithLength;
            assertThat(mapOutput(f)).isEqualTo(Types.TUPLE(Types.STRING, Types.INT));
        }

        @Test
        void keySelectorLambdas() {
            KeySelector<Person, String> byName = Person::name;
            KeySelector<Person, Integer> byAge = p -> p.age();
            assertThat(
                            TypeExtractor.<String>extract(
                                    byName,
                                    KeySelector.class,
                                    0,
                                    1,
                                    Types.of(Person.class),
                                    "KeyBy"))
                    .isEqualTo(Types.STRING);
            assertThat(
                            TypeExtractor.<Integer>extract(
                                    byAge, KeySelector.class, 0, 1, null, "KeyBy"))
                    .isEqualTo(Types.INT);
        }

        @Test
        void plainParameterTypes() {
            Partitioner<String> partitioner = (key, n) -> Math.floorMod(key.hashCode(), n);
            assertThat(
                            TypeExtractor.<String>extract(
                                    partitioner, Partitioner.class, -1, 0, null, "Partition"))
                    .isEqualTo(Types.STRING);
            KeySelector<Person, String> byName = Person::name;
            assertThat(
                            TypeExtractor.<Person>extract(
                                    byName, KeySelector.class, -1, 0, null, "KeyBy"))
                    .isEqualTo(Types.of(Person.class));
        }

        @Test
        void reduceAndGeneratorLambdas() {
            ReduceFunction<Integer> sum = Integer::sum;
            GeneratorFunction<Long, String> gen = i -> "n" + i;
            assertThat(
                            TypeExtractor.<Integer>extract(
                                    sum, ReduceFunction.class, 0, 0, Types.INT, "Reduce"))
                    .isEqualTo(Types.INT);
            assertThat(
                            TypeExtractor.<String>extract(
                                    gen, GeneratorFunction.class, 0, 1, Types.LONG, "Generator"))
                    .isEqualTo(Types.STRING);
        }

        @Test
        void subInterfaceWithConcreteArguments() {
            StringLength f = String::length;
            assertThat(mapOutput(f)).isEqualTo(Types.INT);
        }

        @Test
        void intersectionCast() {
            MapFunction<String, Integer> f =
                    (MapFunction<String, Integer> & Serializable) s -> s.length();
            assertThat(mapOutput(f)).isEqualTo(Types.INT);
        }

        @Test
        void lambdaReturningTupleFailsAndAsksForReturns() {
            MapFunction<String, Tuple2<String, Integer>> f = s -> Tuple2.of(s, s.length());
            assertThatThrownBy(() -> mapOutput(f))
                    .isInstanceOf(InvalidTypesException.class)
                    .hasMessageContaining("'Map'")
                    .hasMessageContaining("the lambda in " + TypeExtractorTest.class.getName())
                    .hasMessageContaining("Java erases the type arguments of lambdas")
                    .hasMessageContaining("Tuple2 whose field types are unknown")
                    .hasMessageContaining(".returns(Types.TUPLE(Types.STRING, Types.INT))")
                    .hasMessageContaining(".returns(new TypeHint<Tuple2<String, Integer>>() {})")
                    .hasMessageContaining("implement MapFunction in a class")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }

        @Test
        void lambdaReturningListFailsWithListExample() {
            MapFunction<String, List<String>> f = s -> List.of(s);
            assertThatThrownBy(() -> mapOutput(f))
                    .isInstanceOf(InvalidTypesException.class)
                    .hasMessageContaining("java.util.List whose element type is unknown")
                    .hasMessageContaining(".returns(Types.LIST(Types.STRING))");
        }

        @Test
        void constructorReferenceOfGenericClassFails() {
            MapFunction<String, ArrayList<String>> f = s -> new ArrayList<>();
            assertThatThrownBy(() -> mapOutput(f))
                    .isInstanceOf(InvalidTypesException.class)
                    .hasMessageContaining("java.util.ArrayList whose element type is unknown");
        }

        @Test
        void flatMapLambdaFailsBecauseCollectorIsErased() {
            FlatMapFunction<String, String> words =
                    (line, out) -> {
                        for (String w : line.split(" ")) {
                            out.collect(w);
                        }
                    };
            assertThatThrownBy(
                            () ->
                                    TypeExtractor.extract(
                                            words,
                                            FlatMapFunction.class,
                                            0,
                                            1,
                                            Types.STRING,
                                            "Tokenize"))
                    .isInstanceOf(InvalidTypesException.class)
                    .hasMessageContaining("'Tokenize'")
                    .hasMessageContaining("Collector<O>")
                    .hasMessageContaining(".returns(Types.STRING)")
                    .hasMessageContaining("implement FlatMapFunction in a class");
        }

        @Test
        void genericLambdaReturningTypeVariableFails() {
            MapFunction<String, String> f = identityLambda();
            assertThatThrownBy(() -> mapOutput(f))
                    .isInstanceOf(InvalidTypesException.class)
                    .hasMessageContaining("java.lang.Object")
                    .hasMessageContaining(".returns(");
        }
    }

    interface StringLength extends MapFunction<String, Integer> {}

    static <T> MapFunction<T, T> identityLambda() {
        return x -> x;
    }

    @Nested
    class Classes {
        @Test
        void anonymousClassReturningTuple() {
            MapFunction<String, Tuple2<String, Integer>> f =
                    new MapFunction<>() {
                        @Override
                        public Tuple2<String, Integer> map(String value) {
                            return Tuple2.of(value, 1);
                        }
                    };
            assertThat(mapOutput(f)).isEqualTo(Types.TUPLE(Types.STRING, Types.INT));
        }

        @Test
        void anonymousFlatMapKeepsCollectorType() {
            FlatMapFunction<String, Tuple2<String, Integer>> f =
                    new FlatMapFunction<>() {
                        @Override
                        public void flatMap(String v, Collector<Tuple2<String, Integer>> out) {
                            out.collect(Tuple2.of(v, 1));
                        }
                    };
            assertThat(
                            TypeExtractor.<Tuple2<String, Integer>>extract(
                                    f, FlatMapFunction.class, 0, 1, Types.STRING, "FlatMap"))
                    .isEqualTo(Types.TUPLE(Types.STRING, Types.INT));
        }

        @Test
        void namedRichFunction() {
            assertThat(mapOutput(new CountWords())).isEqualTo(Types.MAP(Types.STRING, Types.LONG));
        }

        @Test
        void genericIdentityResolvedFromInput() {
            assertThat(mapOutput(new Identity<String>(), Types.STRING)).isEqualTo(Types.STRING);
            TypeInfo<?> tuple = Types.TUPLE(Types.STRING, Types.INT);
            assertThat(mapOutput(new Identity<>(), tuple)).isEqualTo(tuple);
        }

        @Test
        void nestedTypeVariableResolvedFromInput() {
            assertThat(mapOutput(new First<>(), Types.LIST(Types.STRING))).isEqualTo(Types.STRING);
            // The declared input is List<T>; the known input is a subtype that binds it indirectly.
            TypeInfo<ArrayList<Long>> arrayList =
                    TypeInfo.parameterized(ArrayList.class, Types.LONG);
            assertThat(mapOutput(new First<>(), arrayList)).isEqualTo(Types.LONG);
            assertThat(mapOutput(new Wrap<>(), Types.INT)).isEqualTo(Types.LIST(Types.INT));
        }

        @Test
        void genericIdentityWithoutInputFails() {
            assertThatThrownBy(() -> mapOutput(new Identity<String>(), null))
                    .isInstanceOf(InvalidTypesException.class)
                    .hasMessageContaining("'Map'")
                    .hasMessageContaining(Identity.class.getName())
                    .hasMessageContaining("type variable")
                    .hasMessageContaining(".returns(");
        }

        @Test
        void anonymousClassInGenericMethodResolvedFromInput() {
            assertThat(
                            mapOutput(
                                    TypeExtractorTest.<Person>anonymousIdentity(),
                                    Types.of(Person.class)))
                    .isEqualTo(Types.of(Person.class));
        }

        @Test
        void rawImplementationFails() {
            assertThatThrownBy(() -> mapOutput(new RawMapper()))
                    .isInstanceOf(InvalidTypesException.class)
                    .hasMessageContaining(RawMapper.class.getName())
                    .hasMessageContaining("raw type");
        }

        @Test
        void processFunctionSubclasses() {
            ProcessFunction<String, Integer> anonymous =
                    new ProcessFunction<>() {
                        @Override
                        public void processElement(
                                String value, Context ctx, Collector<Integer> out) {}
                    };
            assertThat(
                            TypeExtractor.<Integer>extract(
                                    anonymous, ProcessFunction.class, 0, 1, null, "Process"))
                    .isEqualTo(Types.INT);
            assertThat(
                            TypeExtractor.<List<String>>extract(
                                    new Batcher(), ProcessFunction.class, 0, 1, null, "Process"))
                    .isEqualTo(Types.LIST(Types.STRING));
        }

        @Test
        void keyedProcessFunction() {
            KeyedProcessFunction<String, Person, Long> f =
                    new KeyedProcessFunction<>() {
                        @Override
                        public void processElement(
                                Person value, Context ctx, Collector<Long> out) {}
                    };
            assertThat(
                            TypeExtractor.<Long>extract(
                                    f, KeyedProcessFunction.class, 1, 2, null, "Process"))
                    .isEqualTo(Types.LONG);
            assertThat(
                            TypeExtractor.<String>extract(
                                    f, KeyedProcessFunction.class, 1, 0, null, "Process"))
                    .isEqualTo(Types.STRING);
        }

        @Test
        void boundedWildcardsMeanTheirBound() {
            MapFunction<String, List<? extends CharSequence>> bounded =
                    new MapFunction<>() {
                        @Override
                        public List<? extends CharSequence> map(String value) {
                            return List.of(value);
                        }
                    };
            assertThat(mapOutput(bounded)).isEqualTo(Types.LIST(Types.of(CharSequence.class)));
        }

        @Test
        void unboundedWildcardFailsWithOperatorAndFix() {
            MapFunction<String, List<?>> unbounded =
                    new MapFunction<>() {
                        @Override
                        public List<?> map(String value) {
                            return List.of(value);
                        }
                    };
            assertThatThrownBy(() -> mapOutput(unbounded))
                    .isInstanceOf(InvalidTypesException.class)
                    .hasMessageContaining("'Map'")
                    .hasMessageContaining("wildcard")
                    .hasMessageContaining(".returns(");
        }

        @Test
        void functionOfWrongBaseTypeIsAProgrammingError() {
            MapFunction<String, String> f = s -> s;
            assertThatThrownBy(() -> TypeExtractor.extract(f, KeySelector.class, 0, 1, null, "X"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    static <T> MapFunction<T, T> anonymousIdentity() {
        return new MapFunction<T, T>() {
            @Override
            public T map(T value) {
                return value;
            }
        };
    }

    static final class CountWords extends RichMapFunction<String, Map<String, Long>> {
        @Override
        public Map<String, Long> map(String value) {
            return Map.of(value, 1L);
        }
    }

    static final class Identity<T> implements MapFunction<T, T> {
        @Override
        public T map(T value) {
            return value;
        }
    }

    static final class First<T> implements MapFunction<List<T>, T> {
        @Override
        public T map(List<T> value) {
            return value.get(0);
        }
    }

    static final class Wrap<T> implements MapFunction<T, List<T>> {
        @Override
        public List<T> map(T value) {
            return List.of(value);
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static final class RawMapper implements MapFunction {
        @Override
        public Object map(Object value) {
            return value;
        }
    }

    /** Binds the output through an intermediate generic base class. */
    abstract static class Batching<X> extends ProcessFunction<X, List<X>> {}

    static final class Batcher extends Batching<String> {
        @Override
        public void processElement(String value, Context ctx, Collector<List<String>> out) {}
    }
}
