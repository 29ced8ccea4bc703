package dev.layerwatch.engine.registry;

import dev.layerwatch.common.image.Digest;
import java.io.InputStream;
import java.net.http.HttpResponse;

/**
 * {@code HEAD /v2/<name>/manifests/<tag>}: the digest the tag points at, from {@code Docker-Content-Digest},
 * without downloading the manifest (and, on Docker Hub, without counting as a pull). Null when the registry
 * omits the header; the caller then falls back to a GET.
 */
final class ManifestHead extends ManifestEndpoint<Digest> {

    ManifestHead(String repository, String reference) {
        super(repository, reference);
    }

    @Override
    public String method() {
        return "HEAD";
    }

    @Override
    public String action() {
        return "resolve " + reference + " to a digest";
    }

    @Override
    Digest computeReturn(HttpResponse<InputStream> response, InputStream body, String registry) throws RegistryException {
        String header = response.headers().firstValue("Docker-Content-Digest").orElse(null);
        if (header == null) {
            return null;
        }
        try {
            return Digest.parse(header.trim());
        } catch (IllegalArgumentException e) {
            throw new RegistryProtocolException(registry, repository, action(), "bad Docker-Content-Digest: " + e.getMessage(), e);
        }
    }
}
