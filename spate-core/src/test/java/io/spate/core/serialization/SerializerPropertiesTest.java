package io.spate.core.serialization;

import static io.spate.core.serialization.RoundTrip.copy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.bigIntegers;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.maps;
import static org.quicktheories.generators.SourceDSL.strings;

import io.spate.api.common.tuple.Tuple3;
import io.spate.api.common.typeinfo.TypeHint;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.common.typeinfo.Types;
import io.spate.common.io.MemoryDataInput;
import io.spate.common.io.MemoryDataOutput;
import io.spate.common.serialization.TypeSerializer;
import io.spate.core.serialization.TestTypes.Color;
import io.spate.core.serialization.TestTypes.Customer;
import io.spate.core.serialization.TestTypes.Node;
import io.spate.core.serialization.TestTypes.Order;
import io.spate.core.serialization.TestTypes.Person;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Property-based round trips: for thousands of generated values per family of serializers, what is
 * read back equals what was written, and the reader consumes exactly the written bytes. Each
 * property also runs with a copy of the serializer that went through Java serialization.
 */
class SerializerPropertiesTest {
    private static final int EXAMPLES = 3000;

    private final SerializerFactory factory = new SerializerFactory(Map.of());

    /** Any sequence of UTF-16 code units, unpaired surrogates and NUL included. */
    private static Gen<String> codeUnits() {
        return lists().of(Generate.characters(0, 0xFFFF))
                .ofSizeBetween(0, 40)
                .map(
                        chars -> {
                            StringBuilder sb = new StringBuilder(chars.size());
                            chars.forEach(sb::append);
                            return sb.toString();
                        });
    }

    /** Well-formed text from the whole Unicode range (supplementary characters included). */
    private static Gen<String> text() {
        return strings().allPossible().ofLengthBetween(0, 30).mix(codeUnits());
    }

    private static <T> Gen<T> orNull(Gen<T> gen) {
        return gen.mix(Generate.constant((T) null), 15);
    }

    /** Maps whose values may be null (QuickTheories' own maps reject null values). */
    private static <K, V> Gen<Map<K, V>> mapsOf(Gen<K> keys, Gen<V> values, int maxSize) {
        return lists().of(keys.zip(values, AbstractMap.SimpleEntry::new))
                .ofSizeBetween(0, maxSize)
                .map(
                        entries -> {
                            Map<K, V> map = new HashMap<>();
                            entries.forEach(e -> map.put(e.getKey(), e.getValue()));
                            return map;
                        });
    }

    private static Gen<Long> anyLong() {
        // Small values are where varints and edge cases differ; all() covers the rest.
        return longs().all().mix(longs().between(-300, 300));
    }

    /** Checks the round trip of every generated value with the serializer and a shipped copy. */
    private <T> void roundTrips(TypeInfo<T> type, Gen<T> values) {
        TypeSerializer<T> serializer = factory.create(type);
        TypeSerializer<T> shipped = RoundTrip.javaSerialized(serializer);
        qt().withExamples(EXAMPLES)
                .forAll(values)
                .checkAssert(
                        v -> {
                            assertThat(copy(serializer, v)).isEqualTo(v);
                            assertThat(copy(shipped, v)).isEqualTo(v);
                        });
    }

    /**
     * Writes a whole batch back to back and reads it in order: no value may over- or under-read.
     */
    private <T> void batchesRoundTrip(TypeInfo<T> type, Gen<T> values) {
        TypeSerializer<T> serializer = factory.create(type);
        qt().withExamples(EXAMPLES / 10)
                .forAll(lists().of(values).ofSizeBetween(0, 20))
                .checkAssert(
                        batch -> {
                            try {
                                MemoryDataOutput out = new MemoryDataOutput();
                                for (T v : batch) {
                                    serializer.serialize(v, out);
                                }
                                MemoryDataInput in = new MemoryDataInput(out.toByteArray());
                                List<T> read = new ArrayList<>();
                                for (int i = 0; i < batch.size(); i++) {
                                    read.add(serializer.deserialize(in));
                                }
                                assertThat(read).isEqualTo(batch);
                                assertThat(in.remaining()).isZero();
                            } catch (IOException e) {
                                throw new AssertionError(e);
                            }
                        });
    }

    @Test
    void stringsOfAnyCodeUnits() {
        roundTrips(Types.STRING, text());
        batchesRoundTrip(Types.STRING, codeUnits());
    }

    @Test
    void numbers() {
        roundTrips(Types.LONG, anyLong());
        roundTrips(Types.INT, integers().all());
        roundTrips(Types.DOUBLE, longs().all().map(Double::longBitsToDouble));
        roundTrips(Types.FLOAT, integers().all().map(Float::intBitsToFloat));
        roundTrips(TypeInfo.of(BigInteger.class), bigIntegers().ofBytes(24));
        roundTrips(
                TypeInfo.of(BigDecimal.class),
                bigIntegers().ofBytes(16).zip(integers().all(), BigDecimal::new));
    }

    @Test
    void timeAndIds() {
        roundTrips(
                TypeInfo.of(Instant.class),
                longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())
                        .zip(integers().between(0, 999_999_999), Instant::ofEpochSecond));
        Gen<LocalDate> dates =
                longs().between(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay())
                        .map(LocalDate::ofEpochDay);
        roundTrips(TypeInfo.of(LocalDate.class), dates);
        roundTrips(
                TypeInfo.of(LocalDateTime.class),
                dates.zip(
                        longs().between(0, LocalTime.MAX.toNanoOfDay()),
                        (d, n) -> LocalDateTime.of(d, LocalTime.ofNanoOfDay(n))));
        roundTrips(TypeInfo.of(UUID.class), longs().all().zip(longs().all(), UUID::new));
    }

    @Test
    void arrays() {
        roundTrips(
                Types.BYTES,
                Generate.byteArrays(
                        integers().between(0, 100),
                        Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0)));
        roundTrips(
                TypeInfo.of(int[].class),
                Generate.intArrays(integers().between(0, 50), integers().all()));
        roundTrips(
                Types.ARRAY(Types.STRING),
                lists().of(orNull(text())).ofSizeBetween(0, 10).map(l -> l.toArray(new String[0])));
    }

    @Test
    void collections() {
        roundTrips(Types.LIST(Types.STRING), lists().of(orNull(text())).ofSizeBetween(0, 20));
        roundTrips(
                Types.SET(Types.LONG),
                lists().of(orNull(anyLong()))
                        .ofSizeBetween(0, 20)
                        .map(l -> (Set<Long>) new LinkedHashSet<>(l)));
        roundTrips(
                Types.MAP(Types.STRING, Types.LONG), mapsOf(orNull(text()), orNull(anyLong()), 10));
        roundTrips(
                new TypeHint<Map<Integer, List<Optional<String>>>>() {}.getTypeInfo(),
                maps().of(integers().all(), lists().of(text().toOptionals(30)).ofSizeBetween(0, 4))
                        .ofSizeBetween(0, 6));
    }

    @Test
    void tuples() {
        roundTrips(
                new TypeHint<Tuple3<String, Long, List<Integer>>>() {}.getTypeInfo(),
                orNull(text())
                        .zip(
                                orNull(anyLong()),
                                lists().of(orNull(integers().all())).ofSizeBetween(0, 5),
                                Tuple3::of));
    }

    private static Gen<Person> persons() {
        return orNull(text())
                .zip(
                        integers().all(),
                        orNull(text().toOptionals(30)),
                        orNull(lists().of(orNull(text())).ofSizeBetween(0, 5)),
                        Person::new);
    }

    private static Gen<Customer> customers() {
        return orNull(text())
                .zip(integers().all(), booleans().all(), orNull(anyLong()), Customer::new);
    }

    @Test
    void recordsAndPojos() {
        roundTrips(Types.of(Person.class), persons());
        batchesRoundTrip(Types.of(Person.class), persons());
        roundTrips(Types.of(Customer.class), customers());
        Gen<Order> orders =
                orNull(text())
                        .zip(
                                orNull(customers()),
                                orNull(mapsOf(text(), orNull(integers().all()), 4)),
                                orNull(Generate.enumValues(Color.class)),
                                (id, customer, quantities, color) ->
                                        new Order(
                                                id, customer, quantities, color, null, null, null))
                        .zip(
                                orNull(
                                        bigIntegers()
                                                .ofBytes(8)
                                                .zip(integers().between(-20, 20), BigDecimal::new)),
                                orNull(longs().all().map(Instant::ofEpochMilli)),
                                orNull(
                                        lists().of(longs().all())
                                                .ofSizeBetween(0, 5)
                                                .map(
                                                        l ->
                                                                l.stream()
                                                                        .mapToLong(Long::longValue)
                                                                        .toArray())),
                                (o, total, placedAt, checksums) ->
                                        new Order(
                                                o.id(),
                                                o.customer(),
                                                o.quantities(),
                                                o.color(),
                                                total,
                                                placedAt,
                                                checksums));
        roundTrips(Types.of(Order.class), orders);
    }

    @Test
    void recursiveRecords() {
        roundTrips(
                Types.of(Node.class),
                longs().all().map(seed -> tree(new SplittableRandom(seed), 0)));
    }

    /** A random tree of at most a few levels, with null names and null child lists. */
    private static Node tree(SplittableRandom random, int depth) {
        String name = random.nextInt(8) == 0 ? null : "n" + random.nextInt(1000);
        if (random.nextInt(8) == 0) {
            return new Node(name, null);
        }
        int children = depth >= 4 ? 0 : random.nextInt(4);
        List<Node> list = new ArrayList<>();
        for (int i = 0; i < children; i++) {
            list.add(tree(random, depth + 1));
        }
        return new Node(name, list);
    }
}
