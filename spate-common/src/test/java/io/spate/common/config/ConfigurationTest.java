package io.spate.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ConfigOption} and {@link Configuration}. */
class ConfigurationTest {

    enum Guarantee {
        AT_LEAST_ONCE,
        EXACTLY_ONCE
    }

    static final ConfigOption<Integer> THREADS =
            ConfigOption.key("test.threads").intType().defaultValue(4).description("Threads.");
    static final ConfigOption<Integer> NO_DEFAULT =
            ConfigOption.key("test.unset").intType().noDefaultValue("Nothing by default.");
    static final ConfigOption<Long> BYTES =
            ConfigOption.key("test.bytes").longType().defaultValue(1L << 40).description("Bytes.");
    static final ConfigOption<Boolean> ENABLED =
            ConfigOption.key("test.enabled")
                    .booleanType()
                    .defaultValue(false)
                    .description("On or off.");
    static final ConfigOption<String> NAME =
            ConfigOption.key("test.name").stringType().defaultValue("spate").description("Name.");
    static final ConfigOption<Duration> TIMEOUT =
            ConfigOption.key("test.timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .description("Timeout.");
    static final ConfigOption<Guarantee> GUARANTEE =
            ConfigOption.key("test.guarantee")
                    .enumType(Guarantee.class)
                    .defaultValue(Guarantee.EXACTLY_ONCE)
                    .description("Delivery guarantee.");

    @Test
    void anOptionDescribesItself() {
        assertThat(THREADS.key()).isEqualTo("test.threads");
        assertThat(THREADS.type()).isEqualTo(Integer.class);
        assertThat(THREADS.defaultValue()).isEqualTo(4);
        assertThat(THREADS.description()).isEqualTo("Threads.");
        assertThat(THREADS).hasToString("test.threads");
        assertThat(NO_DEFAULT.defaultValue()).isNull();
        assertThat(NO_DEFAULT.description()).isEqualTo("Nothing by default.");
        assertThat(GUARANTEE.type()).isEqualTo(Guarantee.class);
    }

    @Test
    void unsetOptionsReadAsTheirDefaults() {
        Configuration c = new Configuration();
        assertThat(c.get(THREADS)).isEqualTo(4);
        assertThat(c.get(NO_DEFAULT)).isNull();
        assertThat(c.get(BYTES)).isEqualTo(1L << 40);
        assertThat(c.get(ENABLED)).isFalse();
        assertThat(c.get(NAME)).isEqualTo("spate");
        assertThat(c.get(TIMEOUT)).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.get(GUARANTEE)).isEqualTo(Guarantee.EXACTLY_ONCE);
        assertThat(c.contains(THREADS)).isFalse();
        assertThat(c.toMap()).isEmpty();
    }

    @Test
    void typedValuesRoundTripThroughTheirTextualForm() {
        Configuration c = new Configuration();
        c.set(THREADS, 16)
                .set(NO_DEFAULT, -3)
                .set(BYTES, Long.MIN_VALUE)
                .set(ENABLED, true)
                .set(NAME, "two words")
                .set(TIMEOUT, Duration.ofMillis(1500))
                .set(GUARANTEE, Guarantee.AT_LEAST_ONCE);

        assertThat(c.get(THREADS)).isEqualTo(16);
        assertThat(c.get(NO_DEFAULT)).isEqualTo(-3);
        assertThat(c.get(BYTES)).isEqualTo(Long.MIN_VALUE);
        assertThat(c.get(ENABLED)).isTrue();
        assertThat(c.get(NAME)).isEqualTo("two words");
        assertThat(c.get(TIMEOUT)).isEqualTo(Duration.ofMillis(1500));
        assertThat(c.get(GUARANTEE)).isEqualTo(Guarantee.AT_LEAST_ONCE);
        assertThat(c.contains(THREADS)).isTrue();

        assertThat(c.toMap())
                .containsEntry("test.threads", "16")
                .containsEntry("test.enabled", "true")
                .containsEntry("test.timeout", "1500ms")
                .containsEntry("test.guarantee", "at_least_once");
    }

    @Test
    void valuesAreReadFromTextTheWayPeopleWriteThem() {
        Configuration c =
                Configuration.fromMap(
                        Map.of(
                                "test.threads", " 8 ",
                                "test.enabled", "TRUE",
                                "test.timeout", "5 min",
                                "test.guarantee", "at-least-once"));
        assertThat(c.get(THREADS)).isEqualTo(8);
        assertThat(c.get(ENABLED)).isTrue();
        assertThat(c.get(TIMEOUT)).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.get(GUARANTEE)).isEqualTo(Guarantee.AT_LEAST_ONCE);

        c.setString(GUARANTEE, "Exactly_Once");
        assertThat(c.get(GUARANTEE)).isEqualTo(Guarantee.EXACTLY_ONCE);
        c.setString(ENABLED, "false");
        assertThat(c.get(ENABLED)).isFalse();
    }

    @Test
    void settingNullRemovesTheValue() {
        Configuration c = new Configuration().set(THREADS, 2);
        c.set(THREADS, null);
        assertThat(c.contains(THREADS)).isFalse();
        assertThat(c.get(THREADS)).isEqualTo(4);
    }

    @Test
    void setStringRefusesTextThatDoesNotParseNamingTheOption() {
        Configuration c = new Configuration();
        assertThatThrownBy(() -> c.setString(THREADS, "many"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'many'")
                .hasMessageContaining("'test.threads'")
                .hasMessageContaining("Integer");
        assertThat(c.contains(THREADS)).isFalse();
    }

    @Test
    void aBadRawValueFailsWhenReadNamingTheOption() {
        Configuration c = new Configuration().setRaw("test.timeout", "soon");
        assertThatThrownBy(() -> c.get(TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'soon'")
                .hasMessageContaining("'test.timeout'")
                .hasMessageContaining("Duration")
                .hasMessageContaining("500ms");

        c.setRaw("test.bytes", "99999999999999999999");
        assertThatThrownBy(() -> c.get(BYTES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'test.bytes'")
                .hasMessageContaining("Long");
    }

    @Test
    void booleansAcceptOnlyTrueOrFalse() {
        for (String bad : new String[] {"yes", "1", "on", ""}) {
            assertThatThrownBy(() -> ENABLED.parse(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'test.enabled'")
                    .hasMessageContaining("expected true or false");
        }
    }

    @Test
    void anUnknownEnumConstantListsTheKnownOnes() {
        assertThatThrownBy(() -> GUARANTEE.parse("at-most-once"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'at-most-once'")
                .hasMessageContaining("'test.guarantee'")
                .hasMessageContaining("expected one of at_least_once, exactly_once");
    }

    @Test
    void printThenParseIsTheIdentity() {
        assertThat(GUARANTEE.parse(GUARANTEE.print(Guarantee.AT_LEAST_ONCE)))
                .isEqualTo(Guarantee.AT_LEAST_ONCE);
        assertThat(TIMEOUT.parse(TIMEOUT.print(Duration.ofNanos(123_456))))
                .isEqualTo(Duration.ofNanos(123_456));
        assertThat(BYTES.parse(BYTES.print(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
        assertThat(NAME.parse(NAME.print("x"))).isEqualTo("x");
    }

    @Test
    void copiesAreIndependentAndAddAllReplaces() {
        Configuration original = new Configuration().set(THREADS, 1).set(NAME, "a");
        Configuration copy = new Configuration(original);
        copy.set(THREADS, 2);
        assertThat(original.get(THREADS)).isEqualTo(1);
        assertThat(copy.get(THREADS)).isEqualTo(2);

        Configuration overrides = new Configuration().set(NAME, "b").set(ENABLED, true);
        original.addAll(overrides);
        assertThat(original.get(NAME)).isEqualTo("b");
        assertThat(original.get(ENABLED)).isTrue();
        assertThat(original.get(THREADS)).isEqualTo(1);
    }

    @Test
    void equalityIsByValuesAndTheMapIsReadOnly() throws Exception {
        Configuration a = new Configuration().set(THREADS, 3).setRaw("other", "x");
        Configuration b = Configuration.fromMap(Map.of("other", "x", "test.threads", "3"));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(new Configuration());
        assertThatThrownBy(() -> a.toMap().put("k", "v"))
                .isInstanceOf(UnsupportedOperationException.class);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(a);
        }
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(a);
        }
    }
}
