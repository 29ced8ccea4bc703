package dev.layerwatch.engine.advisory;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Locates test fixtures under src/test/resources (copied onto the test classpath). */
public final class TestResources {
    private TestResources() {
    }

    public static Path path(String resource) {
        try {
            return Path.of(TestResources.class.getClassLoader().getResource(resource).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource " + resource + " is missing", e);
        }
    }
}
