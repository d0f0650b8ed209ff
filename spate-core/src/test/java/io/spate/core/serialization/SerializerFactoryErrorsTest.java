package io.spate.core.serialization;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.typeinfo.InvalidTypesException;
import io.spate.api.common.typeinfo.TypeHint;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.common.typeinfo.Types;
import io.spate.core.serialization.TestTypes.Basket;
import io.spate.core.serialization.TestTypes.Box;
import io.spate.core.serialization.TestTypes.HiddenState;
import io.spate.core.serialization.TestTypes.Item;
import io.spate.core.serialization.TestTypes.Money;
import io.spate.core.serialization.TestTypes.NoDefaultConstructor;
import io.spate.core.serialization.TestTypes.Point;
import io.spate.core.serialization.TestTypes.Priced;
import io.spate.core.serialization.TestTypes.WithNumber;
import io.spate.core.serialization.TestTypes.WithObject;
import io.spate.core.serialization.TestTypes.WithRawList;
import io.spate.core.serialization.TestTypes.Wrapper;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Types without a serializer fail when the job is built, saying what, where and how to fix. */
class SerializerFactoryErrorsTest {
    private final SerializerFactory factory = new SerializerFactory(Map.of());

    private AbstractThrowableAssert<?, ? extends Throwable> assertFails(TypeInfo<?> type) {
        return assertThatThrownBy(() -> factory.create(type))
                .isInstanceOf(InvalidTypesException.class)
                .hasMessageStartingWith("Cannot find a serializer for type ")
                .satisfies(
                        e ->
                                org.assertj.core.api.Assertions.assertThat(e.getMessage())
                                        .doesNotContain("\n"));
    }

    @Test
    void classWithoutNoArgumentConstructorAsAField() {
        assertFails(Types.of(Priced.class))
                .hasMessageContaining(
                        "Cannot find a serializer for type "
                                + Money.class.getName()
                                + " (field 'price' of "
                                + Priced.class.getName()
                                + "): it is not a record, not an enum and not a POJO (it has no"
                                + " public no-argument constructor")
                .hasMessageContaining(
                        "Register one with env.getConfig().registerSerializer("
                                + Money.class.getCanonicalName()
                                + ".class, serializer), or make it a record or POJO.");
    }

    @Test
    void topLevelTypeHasNoPath() {
        assertFails(Types.of(NoDefaultConstructor.class))
                .hasMessageStartingWith(
                        "Cannot find a serializer for type "
                                + NoDefaultConstructor.class.getName()
                                + ": it is not a record");
    }

    @Test
    void deepPathIsSpelledOut() {
        assertFails(Types.of(Wrapper.class))
                .hasMessageContaining(
                        "Cannot find a serializer for type java.lang.Runnable (field 'callback' of "
                                + Item.class.getName()
                                + ", at "
                                + Wrapper.class.getName()
                                + ".baskets[value].items[element].callback)")
                .hasMessageContaining("it is an interface")
                .hasMessageContaining("registerSerializer(java.lang.Runnable.class, serializer)");
        assertFails(Types.LIST(Types.of(Basket.class)))
                .hasMessageContaining("at java.util.List<" + Basket.class.getName() + ">[element]");
    }

    @Test
    void everyProblemOfANonPojoIsListed() {
        assertFails(Types.of(HiddenState.class))
                .hasMessageContaining("field 'secret' is not public and has no public getter")
                .hasMessageContaining("getSecret()")
                .hasMessageContaining("setSecret(int)")
                .hasMessageContaining("field 'fixed' is final");
    }

    @Test
    void objectInterfacesAndAbstractClasses() {
        assertFails(TypeInfo.of(Object.class))
                .hasMessageContaining(
                        "java.lang.Object says nothing about the class of the values");
        assertFails(Types.of(WithObject.class))
                .hasMessageContaining("(field 'anything' of " + WithObject.class.getName() + ")");
        assertFails(TypeInfo.of(Runnable.class)).hasMessageContaining("it is an interface");
        assertFails(Types.of(WithNumber.class))
                .hasMessageContaining("java.lang.Number (field 'number' of")
                .hasMessageContaining("it is an abstract class");
    }

    @Test
    void rawAndIncompleteGenerics() {
        assertFails(TypeInfo.of(List.class))
                .hasMessageContaining("java.util.List without its type arguments")
                .hasMessageContaining("Types.LIST(Types.STRING)");
        assertFails(Types.of(WithRawList.class))
                .hasMessageContaining("(field 'list' of " + WithRawList.class.getName() + ")");
        assertFails(TypeInfo.of(Box.class))
                .hasMessageContaining(Box.class.getName() + " without its type arguments");
        assertFails(new TypeHint<Map<String, List>>() {}.getTypeInfo())
                .hasMessageContaining("value of java.util.Map<java.lang.String, java.util.List>");
    }

    @Test
    void jdkClassesAreNeverPojos() {
        assertFails(TypeInfo.of(Date.class))
                .hasMessageContaining("java.util.Date")
                .hasMessageContaining("no built-in serializer for this JDK class");
    }

    @Test
    void sortedCollectionsNeedComparableElements() {
        assertFails(new TypeHint<TreeSet<Runnable>>() {}.getTypeInfo())
                .hasMessageContaining("not Comparable");
        assertFails(new TypeHint<TreeSet<Point>>() {}.getTypeInfo())
                .hasMessageContaining(Point.class.getName() + " is not Comparable");
    }

    @Test
    void polymorphicRecursionIsCutOff() {
        assertFails(new TypeHint<ExpandingNode<String>>() {}.getTypeInfo())
                .hasMessageContaining(
                        ExpandingNode.class.getName()
                                + " contains itself with other type arguments at every level")
                .hasMessageContaining("registerSerializer(");
    }

    @Test
    void absurdlyDeepTypesAreCutOff() {
        TypeInfo<?> deep = Types.STRING;
        for (int i = 0; i < 70; i++) {
            deep = Types.LIST(deep);
        }
        assertFails(deep).hasMessageContaining("nests more than 64 levels deep");
    }

    /** Each level contains the next with a bigger type: the type tree never ends. */
    public record ExpandingNode<T>(T value, List<ExpandingNode<List<T>>> children) {}
}
