package io.spate.core.serialization;

import static io.spate.core.serialization.RoundTrip.assertRoundTrips;
import static io.spate.core.serialization.RoundTrip.bytes;
import static io.spate.core.serialization.RoundTrip.copy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.typeinfo.InvalidTypesException;
import io.spate.api.common.typeinfo.TypeHint;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.common.typeinfo.Types;
import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.io.MemoryDataInput;
import io.spate.common.serialization.TypeSerializer;
import io.spate.core.serialization.SealedTypes.Account;
import io.spate.core.serialization.SealedTypes.Add;
import io.spate.core.serialization.SealedTypes.Animal;
import io.spate.core.serialization.SealedTypes.Both;
import io.spate.core.serialization.SealedTypes.Boxed;
import io.spate.core.serialization.SealedTypes.Callback;
import io.spate.core.serialization.SealedTypes.Checking;
import io.spate.core.serialization.SealedTypes.Circle;
import io.spate.core.serialization.SealedTypes.D0;
import io.spate.core.serialization.SealedTypes.D5;
import io.spate.core.serialization.SealedTypes.D9;
import io.spate.core.serialization.SealedTypes.Digit;
import io.spate.core.serialization.SealedTypes.Dog;
import io.spate.core.serialization.SealedTypes.Drawing;
import io.spate.core.serialization.SealedTypes.Envelope;
import io.spate.core.serialization.SealedTypes.Expr;
import io.spate.core.serialization.SealedTypes.Failed;
import io.spate.core.serialization.SealedTypes.Json;
import io.spate.core.serialization.SealedTypes.JsonArray;
import io.spate.core.serialization.SealedTypes.JsonConstant;
import io.spate.core.serialization.SealedTypes.JsonNumber;
import io.spate.core.serialization.SealedTypes.Left;
import io.spate.core.serialization.SealedTypes.ListOfMany;
import io.spate.core.serialization.SealedTypes.Literal;
import io.spate.core.serialization.SealedTypes.Many;
import io.spate.core.serialization.SealedTypes.Message;
import io.spate.core.serialization.SealedTypes.Negate;
import io.spate.core.serialization.SealedTypes.Ok;
import io.spate.core.serialization.SealedTypes.OnlyLeft;
import io.spate.core.serialization.SealedTypes.OpenPlugin;
import io.spate.core.serialization.SealedTypes.Plugin;
import io.spate.core.serialization.SealedTypes.Polygon;
import io.spate.core.serialization.SealedTypes.PremiumChecking;
import io.spate.core.serialization.SealedTypes.Quad;
import io.spate.core.serialization.SealedTypes.Result;
import io.spate.core.serialization.SealedTypes.Savings;
import io.spate.core.serialization.SealedTypes.Shape;
import io.spate.core.serialization.SealedTypes.Square;
import io.spate.core.serialization.SealedTypes.Task;
import io.spate.core.serialization.SealedTypes.Top;
import io.spate.core.serialization.SealedTypes.Triangle;
import io.spate.core.serialization.TestTypes.Point;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sealed interfaces and classes: a tag for the concrete class, then its own serializer. */
class SealedSerializersTest {
    private final SerializerFactory factory = new SerializerFactory(Map.of());

    private <T> TypeSerializer<T> serializer(Class<T> type) {
        return factory.create(Types.of(type));
    }

    @Test
    void nestedHierarchyRoundTripsWithDepthFirstTags() {
        TypeSerializer<Shape> s = serializer(Shape.class);
        assertThat(((SealedSerializer<?>) s).classes())
                .containsExactly(Circle.class, Square.class, Triangle.class, Quad.class);
        Shape[] shapes = {
            new Circle(new Point(1, 2), 0.5),
            new Square(null, 4),
            new Triangle(new Point(0, 0), new Point(1, 0), new Point(0, 1)),
            new Quad(3, 4)
        };
        for (int tag = 0; tag < shapes.length; tag++) {
            assertRoundTrips(s, shapes[tag]);
            assertThat(bytes(s, shapes[tag])[0]).as("tag of %s", shapes[tag]).isEqualTo((byte) tag);
        }
        // The tag, then exactly what the subclass's own serializer writes.
        byte[] square = bytes(s, new Square(new Point(7, 8), 9));
        byte[] own = bytes(serializer(Square.class), new Square(new Point(7, 8), 9));
        assertThat(Arrays.copyOfRange(square, 1, square.length)).isEqualTo(own);
    }

    @Test
    void aSealedSubtypeHasItsOwnTags() {
        TypeSerializer<Polygon> s = serializer(Polygon.class);
        assertThat(((SealedSerializer<?>) s).classes()).containsExactly(Triangle.class, Quad.class);
        assertThat(bytes(s, new Quad(1, 1))[0]).isEqualTo((byte) 1);
        assertRoundTrips(s, new Quad(1, 1));
    }

    @Test
    void sealedFieldsAndElementsMayBeNull() {
        TypeSerializer<Drawing> s = serializer(Drawing.class);
        List<Shape> shapes = new ArrayList<>();
        shapes.add(new Circle(new Point(0, 0), 1));
        shapes.add(null);
        shapes.add(new Quad(2, 3));
        assertRoundTrips(s, new Drawing("d", new Square(new Point(1, 1), 1), shapes, null));
        assertRoundTrips(s, new Drawing(null, null, List.of(), new Quad(5, 5)));
    }

    @Test
    void recursionThroughASealedType() {
        TypeSerializer<Expr> s = serializer(Expr.class);
        Expr expr = new Add(new Literal(1), new Negate(new Add(new Literal(-2), new Literal(3))));
        assertRoundTrips(s, expr);
        assertThat(copy(RoundTrip.javaSerialized(s), expr)).isEqualTo(expr);
    }

    @Test
    void enumsWithConstantBodiesAmongThePermittedSubclasses() {
        TypeSerializer<Json> s = serializer(Json.class);
        assertThat(((SealedSerializer<?>) s).classes())
                .containsExactly(JsonConstant.class, JsonNumber.class, JsonArray.class);
        Json json =
                new JsonArray(
                        List.of(
                                JsonConstant.NULL,
                                JsonConstant.TRUE,
                                new JsonNumber(42),
                                new JsonArray(List.of())));
        assertRoundTrips(s, json);
        assertThat(copy(s, JsonConstant.TRUE)).isSameAs(JsonConstant.TRUE);
    }

    @Test
    void sealedAbstractClasses() {
        TypeSerializer<Account> s = serializer(Account.class);
        Savings savings = new Savings();
        savings.owner = "ann";
        savings.rate = 0.03;
        Checking checking = new Checking();
        checking.owner = "bob";
        assertRoundTrips(s, savings);
        assertRoundTrips(s, checking);
        // A subclass of the non-sealed Checking: its serializer would lose the subclass's data.
        PremiumChecking premium = new PremiumChecking();
        assertThatThrownBy(() -> bytes(s, premium))
                .isInstanceOf(UnsupportedSubclassException.class)
                .hasMessageContaining(PremiumChecking.class.getName())
                .hasMessageContaining("as " + Checking.class.getName());
    }

    @Test
    void aSealedClassWithInstancesOfItsOwn() {
        TypeSerializer<Animal> s = serializer(Animal.class);
        assertThat(((SealedSerializer<?>) s).classes()).containsExactly(Animal.class, Dog.class);
        Animal cat = new Animal("cat");
        assertRoundTrips(s, cat);
        assertThat(bytes(s, cat)[0]).isEqualTo((byte) 0);
        // Dog.friend is an Animal: a field of the sealed type, which may hold a Dog.
        Dog dog = new Dog("rex", true, new Dog("fido", false, cat));
        assertRoundTrips(s, dog);
        assertThat(bytes(s, dog)[0]).isEqualTo((byte) 1);
    }

    @Test
    void typeArgumentsPassToGenericSubclasses() {
        TypeSerializer<Result<String>> s =
                factory.create(new TypeHint<Result<String>>() {}.getTypeInfo());
        assertRoundTrips(s, new Ok<>("fine"));
        assertRoundTrips(s, new Failed<>("broken"));
        TypeSerializer<Result<List<Integer>>> lists =
                factory.create(new TypeHint<Result<List<Integer>>>() {}.getTypeInfo());
        assertRoundTrips(lists, new Ok<>(List.of(1, 2, 3)));
        TypeSerializer<Many<List<String>>> many =
                factory.create(new TypeHint<Many<List<String>>>() {}.getTypeInfo());
        assertRoundTrips(many, new ListOfMany<>(List.of("a", "b")));
    }

    @Test
    void manyClassesAreFoundByHash() {
        TypeSerializer<Digit> s = serializer(Digit.class);
        assertRoundTrips(s, new D0());
        assertRoundTrips(s, new D5());
        assertRoundTrips(s, new D9(9));
        assertThat(bytes(s, new D9(9))[0]).isEqualTo((byte) 9);
    }

    @Test
    void aClassReachedTwiceKeepsItsFirstTag() {
        TypeSerializer<Top> s = serializer(Top.class);
        assertThat(((SealedSerializer<?>) s).classes()).containsExactly(Both.class, OnlyLeft.class);
        assertRoundTrips(s, new Both(1));
        assertRoundTrips(s, new OnlyLeft(2));
        assertRoundTrips(serializer(Left.class), new Both(3));
    }

    @Test
    void aRegisteredSerializerOfAPermittedSubclassIsUsed() {
        TypeSerializer<Circle> unitCircles =
                new TypeSerializer<>() {
                    @Override
                    public void serialize(Circle value, DataOutputView out) throws IOException {
                        out.writeByte(77);
                    }

                    @Override
                    public Circle deserialize(DataInputView in) throws IOException {
                        in.readByte();
                        return new Circle(new Point(0, 0), 1);
                    }
                };
        SerializerFactory f = new SerializerFactory(Map.of(Circle.class, unitCircles));
        TypeSerializer<Shape> s = f.create(Types.of(Shape.class));
        assertThat(bytes(s, new Circle(new Point(5, 5), 5))).containsExactly(0, 77);
        assertThat(copy(s, new Circle(new Point(5, 5), 5)))
                .isEqualTo(new Circle(new Point(0, 0), 1));
    }

    @Test
    void anUnknownTagIsMalformedData() {
        TypeSerializer<Shape> s = serializer(Shape.class);
        assertThatThrownBy(() -> s.deserialize(new MemoryDataInput(new byte[] {9})))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(
                        "Malformed data: tag 9 of the sealed type " + Shape.class.getName())
                .hasMessageContaining("4 concrete classes")
                .hasMessageContaining(Quad.class.getName());
    }

    @Test
    void aValueOfAnotherClassIsRefused() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        TypeSerializer<Object> s = (TypeSerializer) serializer(Shape.class);
        assertThatThrownBy(() -> bytes(s, "not a shape"))
                .isInstanceOf(UnsupportedSubclassException.class)
                .hasMessageContaining(
                        "Cannot serialize a value of class java.lang.String as "
                                + Shape.class.getName())
                .hasMessageContaining("knows only its permitted subclasses");
    }

    @Test
    void aPermittedSubclassWithoutSerializerFailsNamingIt() {
        assertThatThrownBy(() -> factory.create(Types.of(Envelope.class)))
                .isInstanceOf(InvalidTypesException.class)
                .hasMessageStartingWith(
                        "Cannot find a serializer for type "
                                + Callback.class.getName()
                                + " (permitted subclass "
                                + Callback.class.getName()
                                + " of "
                                + Task.class.getName()
                                + ", at "
                                + Envelope.class.getName()
                                + ".task[as Callback])")
                .hasMessageContaining("not a POJO")
                .hasMessageContaining("registerSerializer(");
    }

    @Test
    void aNonSealedInterfaceAmongThePermittedSubclassesFails() {
        assertThatThrownBy(() -> factory.create(Types.of(Plugin.class)))
                .isInstanceOf(InvalidTypesException.class)
                .hasMessageContaining(OpenPlugin.class.getName())
                .hasMessageContaining("it is an interface that is not sealed")
                .hasMessageContaining("Make OpenPlugin sealed");
    }

    @Test
    void aTypeVariableTheSealedTypeDoesNotBindFails() {
        assertThatThrownBy(() -> factory.create(Types.of(Message.class)))
                .isInstanceOf(InvalidTypesException.class)
                .hasMessageContaining("permitted subclass " + Boxed.class.getName())
                .hasMessageContaining(
                        "type variable T is not determined by the type arguments of "
                                + Message.class.getName());
    }

    @Test
    void aRawGenericSealedTypeFailsLikeAnyRawType() {
        assertThatThrownBy(() -> factory.create(TypeInfo.of(Result.class)))
                .isInstanceOf(InvalidTypesException.class)
                .hasMessageContaining("without its type arguments");
    }
}
