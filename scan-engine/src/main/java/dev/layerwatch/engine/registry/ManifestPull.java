package dev.layerwatch.engine.registry;

import dev.layerwatch.common.image.Digest;
import dev.layerwatch.engine.image.DigestVerifyingInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;

/** {@code GET /v2/<name>/manifests/<reference>} with all four Accept types; verifies the bytes' digest. */
final class ManifestPull extends ManifestEndpoint<PulledManifest> {

    private final int maxBytes;

    ManifestPull(String repository, String reference, int maxBytes) {
        super(repository, reference);
        this.maxBytes = maxBytes;
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String action() {
        return "pull manifest " + reference;
    }

    @Override
    String readFailure() {
        return "reading the manifest failed: ";
    }

    @Override
    PulledManifest computeReturn(HttpResponse<InputStream> response, InputStream body, String registry)
            throws IOException, RegistryException {
        byte[] bytes = body.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw new RegistryProtocolException(registry, repository, action(), "the manifest is larger than " + maxBytes + " bytes");
        }
        Digest requested = Digest.isDigest(reference) ? Digest.parse(reference) : null;
        String announcedText = response.headers().firstValue("Docker-Content-Digest").orElse(null);
        Digest announced = announcedText != null && Digest.isDigest(announcedText) ? Digest.parse(announcedText) : null;
        Digest expected = requested != null ? requested : announced;
        Digest actual;
        try {
            actual = DigestVerifyingInputStream.digestOf(bytes, expected != null ? expected.algorithm() : "sha256");
        } catch (IllegalArgumentException e) {
            throw new RegistryUnsupportedMediaTypeException(registry, repository, action(), e.getMessage(), e);
        }
        if (expected != null && !expected.equals(actual)) {
            throw new RegistryDigestMismatchException(registry, repository, action(), expected, actual);
        }
        return new PulledManifest(actual, ManifestMediaTypes.essence(response.headers().firstValue("Content-Type").orElse(null)), bytes);
    }
}
