package dev.layerwatch.engine.source;

import dev.layerwatch.common.image.ImageReference;
import dev.layerwatch.engine.image.ImageSource;
import java.io.IOException;

/** Opens registry images; the registry client provides the real one, so this package does not depend on it. */
@FunctionalInterface
public interface RegistrySourceFactory {

    ImageSource open(ImageReference reference) throws IOException;

    /** For builds without a registry client: every registry target fails with a clear message. */
    RegistrySourceFactory UNAVAILABLE = reference -> {
        throw new IOException("cannot scan " + reference + ": registry targets are not available in this build"
                + " (use oci-layout:, docker-archive: or dir:)");
    };
}
