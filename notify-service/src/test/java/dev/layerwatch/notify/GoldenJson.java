package dev.layerwatch.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.common.event.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Compares a JSON body with a golden file under {@code src/test/resources/golden/}. Volatile fields
 * are named explicitly as JSON pointers and must be present in the actual body; they are removed
 * from both sides before comparing.
 */
public final class GoldenJson {

    private GoldenJson() {
    }

    public static JsonNode read(String name) {
        try (InputStream in = GoldenJson.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file golden/" + name + " on the test classpath");
            }
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** With {@code -Dgolden.update=true} the golden file is rewritten from the actual body (review the diff before committing). */
    public static void assertMatches(String name, String actualBody, String... volatilePointers) {
        JsonNode actual = EventJson.mapper().readTree(actualBody);
        if (Boolean.getBoolean("golden.update")) {
            try {
                java.nio.file.Files.writeString(java.nio.file.Path.of("src/test/resources/golden", name),
                        EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        JsonNode expected = read(name);
        for (String pointer : List.of(volatilePointers)) {
            assertThat(actual.at(pointer).isMissingNode()).as("volatile field %s present in actual body", pointer).isFalse();
            remove(actual, pointer);
            remove(expected, pointer);
        }
        if (actual.equals(expected)) {
            return; // object member order does not matter; on a mismatch, show both pretty-printed
        }
        assertThat(EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(actual))
                .as("body compared with golden/%s", name)
                .isEqualTo(EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(expected));
    }

    private static void remove(JsonNode root, String pointer) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        if (parent instanceof ObjectNode object) {
            object.remove(pointer.substring(slash + 1));
        }
    }
}
