package dev.layerwatch.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * In-JVM standalone tests must not use the default data directory ({@code ~/.layerwatch}): the embedded
 * infrastructure reads {@code layerwatch.standalone.data-dir} before any {@code @DynamicPropertySource} applies,
 * so this sets it as a system property, once per test JVM, to a fresh temp directory.
 */
final class TestDataDir {

    private static Path dir;

    private TestDataDir() {
    }

    static synchronized Path ensure() {
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("layerwatch-standalone-test");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.setProperty("layerwatch.standalone.data-dir", dir.toString());
        }
        return dir;
    }
}
