package dev.layerwatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The standalone jar is a production artifact: its runtime classpath (compile + runtime scope, as Maven resolved it
 * into {@code target/runtime-dependencies.txt} before the tests) holds no test library.
 */
class RuntimeDependenciesTest {

    /** groupId:artifactId patterns of test libraries. */
    private static final List<Pattern> TEST_LIBRARIES = List.of(
            Pattern.compile("dev\\.layerwatch:test-kit"),
            Pattern.compile("[^:]+:[^:]+:test-jar:.*"),
            Pattern.compile("[^:]+:[^:]+:jar:tests:.*"),
            Pattern.compile("org\\.springframework\\.kafka:spring-kafka-test"),
            Pattern.compile("org\\.springframework\\.boot:spring-boot-(starter-)?test.*"),
            Pattern.compile("org\\.springframework:spring-test"),
            Pattern.compile("org\\.junit(\\.[a-z]+)?:.*"),
            Pattern.compile("junit:junit"),
            Pattern.compile("org\\.opentest4j:.*"),
            Pattern.compile("org\\.assertj:.*"),
            Pattern.compile("org\\.mockito:.*"),
            Pattern.compile("org\\.hamcrest:.*"),
            Pattern.compile("org\\.testcontainers:.*"),
            Pattern.compile("org\\.apache\\.kafka:kafka-(test-common|streams-test-utils|server-common:jar:test).*"),
            Pattern.compile("org\\.awaitility:.*"));

    @Test
    void noTestLibraryOnTheRuntimeClasspath() throws Exception {
        Path list = Path.of("target/runtime-dependencies.txt");
        assertThat(list).as("written by maven-dependency-plugin:list in generate-test-resources").exists();
        List<String> artifacts = Files.readAllLines(list).stream()
                .map(String::trim)
                .filter(l -> l.matches("[\\w.\\-]+:[\\w.\\-]+:.*"))
                .map(l -> l.replaceAll("\\s*--.*$", "").replaceAll(" \\(.*\\)$", ""))
                .toList();
        assertThat(artifacts).as("the list is the real one").hasSizeGreaterThan(50)
                .anyMatch(a -> a.startsWith("dev.layerwatch:embedded:"))
                .anyMatch(a -> a.startsWith("org.apache.kafka:kafka_2.13:"));
        assertThat(artifacts).noneMatch(a -> a.endsWith(":test"));
        for (Pattern p : TEST_LIBRARIES) {
            assertThat(artifacts).as("test library %s", p).noneMatch(a -> p.matcher(a).lookingAt());
        }
    }
}
