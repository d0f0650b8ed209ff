package io.spate.tests.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.spate.common.config.ConfigOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The distribution's {@code conf/spate.yaml} documents every option of the code base: each as a
 * commented-out {@code key: value} line after its description, and each example value one its
 * option accepts.
 */
class SpateYamlTest {
    private static final Path FILE =
            Path.of("..", "spate-dist", "src", "main", "dist", "conf", "spate.yaml");
    private static final Pattern ENTRY =
            Pattern.compile("^# ([a-zA-Z][\\w-]*(?:\\.[\\w-]+)+):(?: (.*))?$");

    @Test
    void everyOptionIsDocumentedWithAValueItAccepts() throws Exception {
        Map<String, String> documented = new LinkedHashMap<>();
        for (String line : Files.readAllLines(FILE, StandardCharsets.UTF_8)) {
            Matcher m = ENTRY.matcher(line);
            if (m.matches()) {
                assertThat(documented.put(m.group(1), m.group(2)))
                        .as("%s is documented once", m.group(1))
                        .isNull();
            }
        }
        Map<String, ConfigOption<?>> options = options();
        assertThat(documented.keySet())
                .as("the options in %s", FILE)
                .containsExactlyInAnyOrderElementsOf(options.keySet());
        documented.forEach(
                (key, value) -> {
                    if (value != null) {
                        options.get(key).parse(value); // throws, naming the option, if wrong
                    }
                });
    }

    private static Map<String, ConfigOption<?>> options() throws Exception {
        Map<String, ConfigOption<?>> options = new TreeMap<>();
        for (JavaClass type :
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.spate")) {
            for (JavaField field : type.getFields()) {
                if (field.getModifiers().contains(JavaModifier.STATIC)
                        && field.getRawType().isEquivalentTo(ConfigOption.class)) {
                    java.lang.reflect.Field f = field.reflect();
                    f.setAccessible(true);
                    ConfigOption<?> option = (ConfigOption<?>) f.get(null);
                    options.put(option.key(), option);
                }
            }
        }
        return options;
    }
}
