package dev.layerwatch.engine.image;

import dev.layerwatch.common.image.Digest;
import java.util.List;

/** A layer as a manifest names it; {@code urls} are set for foreign/non-distributable layers. */
public record LayerDescriptor(Digest digest, String mediaType, long size, List<String> urls) {

    /** The media type of a pseudo-layer that is not content-addressed (a {@code dir:} rootfs): never cached, cited as null. */
    public static final String DIRECTORY_LAYER_MEDIA_TYPE = "application/vnd.layerwatch.rootfs.directory";

    public LayerDescriptor {
        urls = urls == null ? List.of() : List.copyOf(urls);
    }

    public boolean foreign() {
        return mediaType != null && (mediaType.contains("foreign") || mediaType.contains("nondistributable"));
    }

    /** Whether this is a {@code dir:} rootfs pseudo-layer (not content-addressed). */
    public boolean directory() {
        return DIRECTORY_LAYER_MEDIA_TYPE.equals(mediaType);
    }
}
