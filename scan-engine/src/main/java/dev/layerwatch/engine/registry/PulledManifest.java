package dev.layerwatch.engine.registry;

import dev.layerwatch.common.image.Digest;

/**
 * A manifest exactly as the registry sent it, with the digest of those bytes (verified against the
 * requested digest or the registry's {@code Docker-Content-Digest}).
 *
 * @param contentType the response {@code Content-Type} without parameters, or null when absent
 */
public record PulledManifest(Digest digest, String contentType, byte[] bytes) {
}
