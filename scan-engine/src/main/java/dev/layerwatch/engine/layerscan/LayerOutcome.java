package dev.layerwatch.engine.layerscan;

import dev.layerwatch.engine.image.LayerDescriptor;

/**
 * One layer of one image and how its result was obtained.
 *
 * @param descriptor the layer as the manifest names it
 * @param cached     true when the result came from the per-layer cache (read earlier, here or by another worker)
 */
public record LayerOutcome(LayerDescriptor descriptor, LayerResult result, boolean cached) {

    /** The digest reports cite for the layer: null for a {@code dir:} pseudo-layer, which is not content-addressed. */
    public String citedDigest() {
        return descriptor.directory() ? null : descriptor.digest().toString();
    }

    /**
     * Why this layer's packages may be missing: it could not be read, or a limit stopped the walk before its end
     * (as incomplete as an unreadable layer); null when it was read whole.
     */
    public String problem() {
        if (result.failed()) {
            return result.failure();
        }
        return result.complete() ? null : "layer " + descriptor.digest() + ": a limit stopped the walk before the end of the layer";
    }
}
