package dev.layerwatch.engine.report;

/**
 * One layer of the image and how its analysis went.
 *
 * @param digest  the layer digest as the manifest names it (null for a {@code dir:} pseudo-layer)
 * @param diffId  the digest of the decompressed tar, as read
 * @param cached  true when the result came from the per-layer cache
 * @param failure why the layer could not be analysed, null when it was
 */
public record ReportLayer(String digest, String mediaType, long size, String diffId, boolean cached, String failure) {
}
