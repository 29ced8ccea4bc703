package dev.layerwatch.engine.registry;

import dev.layerwatch.common.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

final class RegistryFixtures {

    private RegistryFixtures() {
    }

    static Path path(String name) {
        URL url = RegistryFixtures.class.getResource("/registry/" + name);
        if (url == null) {
            throw new IllegalStateException("missing test fixture registry/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path image(String name) {
        return path("images/" + name);
    }

    /** Reads a stream to its end (so a verifying stream checks its digest) and returns what it hashed to. */
    static Digest drain(InputStream in) throws IOException {
        try (in) {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha256.update(buffer, 0, n);
            }
            return Digest.sha256(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
