package io.spate.core.serialization;

import static io.spate.core.serialization.RoundTrip.assertRoundTrips;
import static io.spate.core.serialization.RoundTrip.bytes;
import static io.spate.core.serialization.RoundTrip.copy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.tuple.Tuple2;
import io.spate.api.common.tuple.Tuple3;
import io.spate.api.common.tuple.Tuple8;
import io.spate.api.common.typeinfo.TypeHint;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.common.typeinfo.Types;
import io.spate.common.io.MemoryDataInput;
import io.spate.common.io.MemoryDataOutput;
import io.spate.common.serialization.TypeSerializer;
import io.spate.core.serialization.TestTypes.AllPrimitives;
import io.spate.core.serialization.TestTypes.Box;
import io.spate.core.serialization.TestTypes.Color;
import io.spate.core.serialization.TestTypes.Customer;
import io.spate.core.serialization.TestTypes.Holder;
import io.spate.core.serialization.TestTypes.MarkedStringSerializer;
import io.spate.core.serialization.TestTypes.Money;
import io.spate.core.serialization.TestTypes.MoneySerializer;
import io.spate.core.serialization.TestTypes.Node;
import io.spate.core.serialization.TestTypes.Order;
import io.spate.core.serialization.TestTypes.Pair;
import io.spate.core.serialization.TestTypes.Person;
import io.spate.core.serialization.TestTypes.Point;
import io.spate.core.serialization.TestTypes.Priced;
import io.spate.core.serialization.TestTypes.SpecialCustomer;
import io.spate.core.serialization.TestTypes.Tree;
import io.spate.core.serialization.TestTypes.Validated;
import io.spate.core.serialization.TestTypes.WordCount;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Records, POJOs, tuples, collections and their combinations. */
class CompositeSerializersTest {
    private final SerializerFactory factory = new SerializerFactory(Map.of());

    private <T> TypeSerializer<T> serializer(TypeHint<T> hint) {
        return factory.create(hint.getTypeInfo());
    }

    @Nested
    class Records {
        @Test
        void primitiveComponentsInDeclarationOrder() {
            TypeSerializer<Point> s = factory.create(Types.of(Point.class));
            assertRoundTrips(s, new Point(-1, Integer.MAX_VALUE));
            assertThat(bytes(s, new Point(1, 2))).containsExactly(0, 0, 0, 1, 0, 0, 0, 2);
            assertRoundTrips(
                    factory.create(Types.of(AllPrimitives.class)),
                    new AllPrimitives(true, (byte) -1, (short) 300, 'é', 7, -8L, Float.NaN, -0d));
        }

        @Test
        void referenceComponentsMayBeNull() {
            TypeSerializer<Person> s = factory.create(Types.of(Person.class));
            assertRoundTrips(s, new Person("Ada", 36, Optional.of("ada@x"), List.of("a", "b")));
            assertRoundTrips(s, new Person(null, 0, null, null));
            assertRoundTrips(s, new Person("", 1, Optional.empty(), Arrays.asList("a", null)));
        }

        @Test
        void nestedRecordsPojosEnumsAndTime() {
            TypeSerializer<Order> s = factory.create(Types.of(Order.class));
            Order order =
                    new Order(
                            "o-1",
                            new Customer("Bo", 12, true, 99L),
                            Map.of("apple", 3, "pear", 1),
                            Color.BLUE,
                            new BigDecimal("19.99"),
                            Instant.ofEpochSecond(1_700_000_000L, 5),
                            new long[] {1, 2});
            assertRoundTrips(s, order);
            assertRoundTrips(s, new Order(null, null, null, null, null, null, null));
        }

        @Test
        void genericComponentsResolvedFromTypeArguments() {
            assertRoundTrips(serializer(new TypeHint<Box<String>>() {}), new Box<>("x"));
            assertRoundTrips(
                    serializer(new TypeHint<Box<List<Point>>>() {}),
                    new Box<>(List.of(new Point(1, 2))));
            assertRoundTrips(
                    serializer(new TypeHint<Pair<Integer, Box<Map<String, Long>>>>() {}),
                    new Pair<>(5, new Box<>(Map.of("k", 1L))));
            assertRoundTrips(serializer(new TypeHint<Box<Long>>() {}), new Box<>(null));
            Box<int[]> ints =
                    copy(serializer(new TypeHint<Box<int[]>>() {}), new Box<>(new int[] {4}));
            assertThat(ints.value()).containsExactly(4);
        }

        @Test
        void recursiveRecord() {
            TypeSerializer<Node> s = factory.create(Types.of(Node.class));
            Node leaf = new Node("leaf", List.of());
            Node tree =
                    new Node(
                            "root",
                            List.of(new Node("a", List.of(leaf, leaf)), new Node("b", null)));
            assertRoundTrips(s, tree);
            assertThat(s.toString()).contains("Recursive(" + Node.class.getName() + ")");
        }

        @Test
        void canonicalConstructorValidatesDataRead() throws IOException {
            TypeSerializer<Validated> s = factory.create(Types.of(Validated.class));
            MemoryDataOutput out = new MemoryDataOutput();
            out.writeInt(-5);
            assertThatThrownBy(() -> s.deserialize(new MemoryDataInput(out.toByteArray())))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining(Validated.class.getName())
                    .hasMessageContaining("negative: -5");
        }
    }

    @Nested
    class Pojos {
        @Test
        void accessorsAndPublicFieldsInSortedNameOrder() {
            TypeSerializer<Customer> s = factory.create(Types.of(Customer.class));
            assertRoundTrips(s, new Customer("Cy", 7, true, 3L));
            assertRoundTrips(s, new Customer(null, 0, false, null));
            // loyaltyPoints, name, referrerId, vip; the transient and static fields are skipped.
            Customer c = new Customer("A", 1, true, null);
            c.cachedDisplayName = "ignored";
            assertThat(bytes(s, c)).containsExactly(0, 0, 0, 1, 1, 1, 'A', 0, 1);
            assertThat(copy(s, c).cachedDisplayName).isNull();
        }

        @Test
        void recursivePojo() {
            TypeSerializer<Tree> s = factory.create(Types.of(Tree.class));
            Tree root = new Tree();
            root.label = "root";
            Tree child = new Tree();
            child.label = "child";
            child.children = null;
            root.children.add(child);
            root.children.add(null);
            root.parentless = new Tree();
            assertRoundTrips(s, root);
        }

        @Test
        void genericPojo() {
            TypeSerializer<Holder<Point>> s = serializer(new TypeHint<Holder<Point>>() {});
            Holder<Point> h = new Holder<>();
            h.item = new Point(3, 4);
            h.items = Arrays.asList(new Point(5, 6), null);
            assertRoundTrips(s, h);
        }

        @Test
        void subclassValueFailsInsteadOfLosingData() {
            TypeSerializer<Order> s = factory.create(Types.of(Order.class));
            SpecialCustomer special = new SpecialCustomer();
            special.perk = "lounge";
            Order order = new Order("o", special, Map.of(), Color.RED, null, null, null);
            assertThatThrownBy(() -> s.serialize(order, new MemoryDataOutput()))
                    .isInstanceOf(UnsupportedSubclassException.class)
                    .hasMessageContaining(SpecialCustomer.class.getName())
                    .hasMessageContaining("as " + Customer.class.getName())
                    .hasMessageContaining("field 'customer' of " + Order.class.getName())
                    .hasMessageContaining("would be lost");
            TypeSerializer<List<Customer>> list =
                    factory.create(Types.LIST(Types.of(Customer.class)));
            assertThatThrownBy(() -> list.serialize(List.of(special), new MemoryDataOutput()))
                    .isInstanceOf(UnsupportedSubclassException.class);
        }
    }

    @Nested
    class Tuples {
        @Test
        void tuplesWithNullFields() {
            TypeSerializer<Tuple2<String, Integer>> s =
                    factory.create(Types.TUPLE(Types.STRING, Types.INT));
            assertRoundTrips(s, Tuple2.of("a", 1));
            assertRoundTrips(s, new Tuple2<>());
            assertRoundTrips(
                    serializer(new TypeHint<Tuple3<Long, List<String>, Point>>() {}),
                    Tuple3.of(1L, List.of("x"), new Point(1, 1)));
        }

        @Test
        void everyArity() {
            TypeInfo<?>[] fields = new TypeInfo<?>[8];
            Arrays.fill(fields, Types.INT);
            for (int arity = 1; arity <= 8; arity++) {
                TypeInfo<io.spate.api.common.tuple.Tuple> type =
                        Types.TUPLE(Arrays.copyOf(fields, arity));
                io.spate.api.common.tuple.Tuple t =
                        io.spate.api.common.tuple.Tuple.newInstance(arity);
                for (int i = 0; i < arity; i++) {
                    t.setField(i * 10 - 3, i);
                }
                assertRoundTrips(factory.create(type), t);
            }
            assertThat(copy(factory.create(Types.TUPLE(fields)), new Tuple8<>()))
                    .isExactlyInstanceOf(Tuple8.class);
        }

        @Test
        void tupleSubclassIsAPojoWithBoundFields() {
            TypeSerializer<WordCount> s = factory.create(Types.of(WordCount.class));
            assertRoundTrips(s, new WordCount("spate", 3));
            assertThat(copy(s, new WordCount("a", 1))).isExactlyInstanceOf(WordCount.class);
        }

        @Test
        void tupleSubclassWhereTupleDeclaredFails() {
            TypeSerializer<Tuple2<String, Integer>> s =
                    factory.create(Types.TUPLE(Types.STRING, Types.INT));
            assertThatThrownBy(() -> s.serialize(new WordCount("a", 1), new MemoryDataOutput()))
                    .isInstanceOf(UnsupportedSubclassException.class)
                    .hasMessageContaining(WordCount.class.getName());
        }
    }

    @Nested
    class Collections {
        @Test
        void listsAndTheirImplementations() {
            assertRoundTrips(factory.create(Types.LIST(Types.STRING)), List.of("a", "b"));
            assertRoundTrips(
                    factory.create(Types.LIST(Types.STRING)), Arrays.asList(null, "x", null));
            TypeSerializer<LinkedList<Integer>> linked =
                    serializer(new TypeHint<LinkedList<Integer>>() {});
            assertThat(copy(linked, new LinkedList<>(List.of(1, 2))))
                    .isExactlyInstanceOf(LinkedList.class)
                    .containsExactly(1, 2);
            TypeSerializer<ArrayList<Integer>> arrayList =
                    serializer(new TypeHint<ArrayList<Integer>>() {});
            assertThat(copy(arrayList, new ArrayList<>(List.of(3))))
                    .isExactlyInstanceOf(ArrayList.class);
        }

        @Test
        void collectionOfAnyKind() {
            TypeSerializer<Collection<String>> s =
                    serializer(new TypeHint<Collection<String>>() {});
            assertThat(copy(s, new TreeSet<>(Set.of("b", "a")))).containsExactly("a", "b");
        }

        @Test
        void setsKeepIterationOrderOrNaturalOrder() {
            TypeSerializer<Set<String>> set = factory.create(Types.SET(Types.STRING));
            LinkedHashSet<String> ordered = new LinkedHashSet<>(List.of("z", "a", "m"));
            assertThat(copy(set, ordered))
                    .isExactlyInstanceOf(LinkedHashSet.class)
                    .containsExactly("z", "a", "m");
            assertRoundTrips(set, new HashSet<>(Arrays.asList("a", null)));
            assertThat(
                            copy(
                                    serializer(new TypeHint<HashSet<Integer>>() {}),
                                    new HashSet<>(Set.of(1))))
                    .isExactlyInstanceOf(HashSet.class);
            TypeSerializer<SortedSet<String>> sorted =
                    serializer(new TypeHint<SortedSet<String>>() {});
            assertThat(copy(sorted, new TreeSet<>(Set.of("b", "c", "a"))))
                    .isExactlyInstanceOf(TreeSet.class)
                    .containsExactly("a", "b", "c");
        }

        @Test
        void sortedSetWithComparatorFailsRatherThanReorder() {
            TypeSerializer<TreeSet<String>> s = serializer(new TypeHint<TreeSet<String>>() {});
            TreeSet<String> reversed = new TreeSet<>(Comparator.reverseOrder());
            reversed.add("a");
            assertThatThrownBy(() -> s.serialize(reversed, new MemoryDataOutput()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("custom comparator");
        }

        @Test
        void mapsAndTheirImplementations() {
            TypeSerializer<Map<String, Long>> map =
                    factory.create(Types.MAP(Types.STRING, Types.LONG));
            Map<String, Long> withNulls = new HashMap<>();
            withNulls.put(null, 1L);
            withNulls.put("k", null);
            assertRoundTrips(map, withNulls);
            LinkedHashMap<String, Long> ordered = new LinkedHashMap<>();
            ordered.put("z", 1L);
            ordered.put("a", 2L);
            assertThat(copy(map, ordered).keySet()).containsExactly("z", "a");
            assertThat(
                            copy(
                                    serializer(new TypeHint<HashMap<String, Integer>>() {}),
                                    new HashMap<>()))
                    .isExactlyInstanceOf(HashMap.class);
            TypeSerializer<SortedMap<Integer, List<String>>> sorted =
                    serializer(new TypeHint<SortedMap<Integer, List<String>>>() {});
            TreeMap<Integer, List<String>> tree =
                    new TreeMap<>(Map.of(2, List.of("b"), 1, List.of()));
            assertThat(copy(sorted, tree)).isExactlyInstanceOf(TreeMap.class).isEqualTo(tree);
            assertRoundTrips(
                    serializer(new TypeHint<Map<Point, Map<Color, String>>>() {}),
                    Map.of(new Point(1, 2), Map.of(Color.GREEN, "g")));
        }

        @Test
        void optionals() {
            TypeSerializer<Optional<Point>> s =
                    factory.create(Types.OPTIONAL(Types.of(Point.class)));
            assertRoundTrips(s, Optional.empty());
            assertRoundTrips(s, Optional.of(new Point(1, 2)));
            assertThat(bytes(s, Optional.empty())).containsExactly(0);
        }
    }

    @Nested
    class Registered {
        @Test
        void registeredSerializerUsedAtAnyDepth() {
            SerializerFactory withMoney =
                    new SerializerFactory(Map.of(Money.class, new MoneySerializer()));
            TypeSerializer<Priced> s = withMoney.create(Types.of(Priced.class));
            assertRoundTrips(
                    s,
                    new Priced(
                            "tea",
                            new Money(350, "EUR"),
                            Arrays.asList(new Money(300, "EUR"), null)));
        }

        @Test
        void registeredSerializerWinsOverBuiltIn() {
            SerializerFactory marked =
                    new SerializerFactory(Map.of(String.class, new MarkedStringSerializer()));
            assertThat(copy(marked.create(Types.STRING), "x")).isEqualTo("marked:x");
            TypeSerializer<Person> person = marked.create(Types.of(Person.class));
            Person copied = copy(person, new Person("p", 1, Optional.of("e"), List.of("t")));
            assertThat(copied.name()).isEqualTo("marked:p");
            assertThat(copied.email()).contains("marked:e");
            assertThat(copied.tags()).containsExactly("marked:t");
        }

        @Test
        void registeredForPrimitiveClassAppliesToPrimitiveFields() {
            TypeSerializer<Integer> plusOne =
                    new TypeSerializer<>() {
                        @Override
                        public void serialize(Integer value, io.spate.common.io.DataOutputView out)
                                throws IOException {
                            out.writeInt(value + 1);
                        }

                        @Override
                        public Integer deserialize(io.spate.common.io.DataInputView in)
                                throws IOException {
                            return in.readInt();
                        }
                    };
            SerializerFactory f = new SerializerFactory(Map.of(int.class, plusOne));
            assertThat(copy(f.create(Types.of(Point.class)), new Point(1, 2)))
                    .isEqualTo(new Point(2, 3));
        }
    }
}
