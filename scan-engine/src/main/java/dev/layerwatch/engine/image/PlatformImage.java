package dev.layerwatch.engine.image;

import dev.layerwatch.common.image.Digest;
import dev.layerwatch.common.image.Platform;
import java.util.List;

/**
 * One runnable image: the manifest of one platform, its raw config JSON and its layers in order (base first).
 *
 * @param indexDigest the index/list this image was selected from, or null for a single-platform image
 */
public record PlatformImage(
        Digest manifestDigest,
        String manifestMediaType,
        Digest indexDigest,
        Platform platform,
        Digest configDigest,
        byte[] configJson,
        List<LayerDescriptor> layers) {

    public PlatformImage {
        layers = layers == null ? List.of() : List.copyOf(layers);
    }
}
