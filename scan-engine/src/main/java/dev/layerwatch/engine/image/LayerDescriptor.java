package dev.layerwatch.engine.image;

import dev.layerwatch.common.image.Digest;
import java.util.List;

/** A layer as a manifest names it; {@code urls} are set for foreign/non-distributable layers. */
public record LayerDescriptor(Digest digest, String mediaType, long size, List<String> urls) {
    public LayerDescriptor {
        urls = urls == null ? List.of() : List.copyOf(urls);
    }

    public boolean foreign() {
        return mediaType != null && (mediaType.contains("foreign") || mediaType.contains("nondistributable"));
    }
}
