package dev.layerwatch.testkit.registry;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

final class Fixtures {

    private Fixtures() {
    }

    static Path dir(String name) {
        URL url = Fixtures.class.getResource("/registry/" + name);
        if (url == null) {
            throw new IllegalStateException("missing test fixture registry/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
