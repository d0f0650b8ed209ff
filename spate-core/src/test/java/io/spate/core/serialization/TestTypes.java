package io.spate.core.serialization;

import io.spate.api.common.tuple.Tuple2;
import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.serialization.TypeSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The records, POJOs and other classes the serializer tests use. */
public final class TestTypes {
    private TestTypes() {}

    public enum Color {
        RED,
        GREEN,
        BLUE {
            @Override
            public String toString() {
                return "blue, with a body of its own";
            }
        }
    }

    public record Point(int x, int y) {}

    public record AllPrimitives(
            boolean z, byte b, short s, char c, int i, long l, float f, double d) {}

    public record Person(String name, int age, Optional<String> email, List<String> tags) {}

    public record Box<T>(T value) {}

    public record Pair<A, B>(A first, B second) {}

    /** Contains a list of itself. */
    public record Node(String name, List<Node> children) {}

    public record Validated(int positive) {
        public Validated {
            if (positive < 0) {
                throw new IllegalArgumentException("negative: " + positive);
            }
        }
    }

    public record Order(
            String id,
            Customer customer,
            Map<String, Integer> quantities,
            Color color,
            BigDecimal total,
            Instant placedAt,
            long[] checksums) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Order
                    && Objects.equals(id, ((Order) o).id)
                    && Objects.equals(customer, ((Order) o).customer)
                    && Objects.equals(quantities, ((Order) o).quantities)
                    && color == ((Order) o).color
                    && Objects.equals(total, ((Order) o).total)
                    && Objects.equals(placedAt, ((Order) o).placedAt)
                    && java.util.Arrays.equals(checksums, ((Order) o).checksums);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, customer);
        }
    }

    /** A POJO with private fields behind accessors and public fields. */
    public static class Customer {
        private String name;
        private int loyaltyPoints;
        private boolean vip;
        public Long referrerId;
        public transient String cachedDisplayName;
        public static int instances;

        public Customer() {}

        public Customer(String name, int loyaltyPoints, boolean vip, Long referrerId) {
            this.name = name;
            this.loyaltyPoints = loyaltyPoints;
            this.vip = vip;
            this.referrerId = referrerId;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public int getLoyaltyPoints() {
            return loyaltyPoints;
        }

        /** A fluent setter: the return value is ignored. */
        public Customer setLoyaltyPoints(int loyaltyPoints) {
            this.loyaltyPoints = loyaltyPoints;
            return this;
        }

        public boolean isVip() {
            return vip;
        }

        public void setVip(boolean vip) {
            this.vip = vip;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Customer)) {
                return false;
            }
            Customer c = (Customer) o;
            return Objects.equals(name, c.name)
                    && loyaltyPoints == c.loyaltyPoints
                    && vip == c.vip
                    && Objects.equals(referrerId, c.referrerId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, loyaltyPoints, vip, referrerId);
        }

        @Override
        public String toString() {
            return "Customer(" + name + ", " + loyaltyPoints + ", " + vip + ", " + referrerId + ")";
        }
    }

    /** Has data that the serializer of {@link Customer} would not write. */
    public static class SpecialCustomer extends Customer {
        public String perk;
    }

    /** A recursive POJO. */
    public static class Tree {
        public String label;
        public List<Tree> children = new ArrayList<>();
        public Tree parentless;

        @Override
        public boolean equals(Object o) {
            return o instanceof Tree
                    && Objects.equals(label, ((Tree) o).label)
                    && Objects.equals(children, ((Tree) o).children)
                    && Objects.equals(parentless, ((Tree) o).parentless);
        }

        @Override
        public int hashCode() {
            return Objects.hash(label, children);
        }
    }

    /** A generic POJO. */
    public static class Holder<T> {
        public T item;
        public List<T> items;

        @Override
        public boolean equals(Object o) {
            return o instanceof Holder
                    && Objects.equals(item, ((Holder<?>) o).item)
                    && Objects.equals(items, ((Holder<?>) o).items);
        }

        @Override
        public int hashCode() {
            return Objects.hash(item, items);
        }
    }

    /** A tuple subclass: a POJO whose inherited fields are bound by the superclass. */
    public static class WordCount extends Tuple2<String, Integer> {
        public WordCount() {}

        public WordCount(String word, int count) {
            super(word, count);
        }
    }

    /** Not a POJO: no public no-argument constructor. Serialized only when registered. */
    public static final class Money {
        private final long cents;
        private final String currency;

        public Money(long cents, String currency) {
            this.cents = cents;
            this.currency = currency;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Money
                    && cents == ((Money) o).cents
                    && currency.equals(((Money) o).currency);
        }

        @Override
        public int hashCode() {
            return Objects.hash(cents, currency);
        }
    }

    public static final class MoneySerializer implements TypeSerializer<Money> {
        private static final long serialVersionUID = 1L;

        @Override
        public void serialize(Money value, DataOutputView out) throws IOException {
            out.writeSignedVarLong(value.cents);
            out.writeString(value.currency);
        }

        @Override
        public Money deserialize(DataInputView in) throws IOException {
            long cents = in.readSignedVarLong();
            return new Money(cents, in.readString());
        }
    }

    /** Writes strings with a marker, so tests can see that it was used. */
    public static final class MarkedStringSerializer implements TypeSerializer<String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void serialize(String value, DataOutputView out) throws IOException {
            out.writeString("marked:" + value);
        }

        @Override
        public String deserialize(DataInputView in) throws IOException {
            return in.readString();
        }
    }

    public record Priced(String item, Money price, List<Money> history) {}

    public record Item(String sku, Runnable callback) {}

    public record Basket(List<Item> items) {}

    public record Wrapper(Map<String, Basket> baskets) {}

    public static class NoDefaultConstructor {
        public int value;

        public NoDefaultConstructor(int value) {
            this.value = value;
        }
    }

    public static class HiddenState {
        private int secret;
        public final String fixed = "x";
    }

    public record WithObject(Object anything) {}

    public record WithRawList(@SuppressWarnings("rawtypes") List list) {}

    public record WithNumber(Number number) {}
}
