package dev.layerwatch.engine.layer;

import dev.layerwatch.common.image.Digest;
import java.util.List;

/**
 * How the walk of one layer went.
 *
 * @param diffId           sha256 of the decompressed tar as read; null when the walk stopped early
 * @param diffIdVerified   true when an expected diff id was given and matched
 * @param complete         false when a cap stopped the walk before the end of the layer
 */
public record LayerReadSummary(LayerCompression compression, Digest diffId, boolean diffIdVerified, boolean complete,
        long entries, long uncompressedBytes, List<String> warnings) {

    public LayerReadSummary {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
