package dev.layerwatch.engine.registry;

import dev.layerwatch.engine.image.DigestVerifyingInputStream;
import dev.layerwatch.common.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.List;

/** {@code GET /v2/<name>/manifests/<reference>} with all four Accept types; verifies the bytes' digest. */
final class ManifestPull implements RegistryEndpoint<PulledManifest> {

    private final String repository;
    private final String reference;
    private final int maxBytes;

    ManifestPull(String repository, String reference, int maxBytes) {
        this.repository = repository;
        this.reference = reference;
        this.maxBytes = maxBytes;
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String apiPath() {
        return repository + "/manifests/" + reference;
    }

    @Override
    public String repository() {
        return repository;
    }

    @Override
    public List<String> accept() {
        return ManifestMediaTypes.ACCEPT;
    }

    @Override
    public String action() {
        return "pull manifest " + reference;
    }

    @Override
    public PulledManifest handle(HttpResponse<InputStream> response, String registry) throws RegistryException {
        byte[] bytes;
        try (InputStream in = response.body()) {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new RegistryUnreachableException(registry, repository, action(), "reading the manifest failed: " + e.getMessage(), e);
        }
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
