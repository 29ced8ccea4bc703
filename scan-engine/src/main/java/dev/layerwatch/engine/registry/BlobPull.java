package dev.layerwatch.engine.registry;

import dev.layerwatch.engine.image.DigestVerifyingInputStream;
import dev.layerwatch.common.image.Digest;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * {@code GET /v2/<name>/blobs/<digest>}, following redirects to storage; the body is handed out as a stream
 * that verifies the digest as it is read.
 */
final class BlobPull implements RegistryEndpoint<InputStream> {

    private final String repository;
    private final Digest digest;
    private final String what;
    private final Duration readIdleTimeout;

    /** @param what how messages name the blob: {@code layer sha256:…}, {@code config sha256:…} */
    BlobPull(String repository, Digest digest, String what, Duration readIdleTimeout) {
        this.repository = repository;
        this.digest = digest;
        this.what = what;
        this.readIdleTimeout = readIdleTimeout;
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String apiPath() {
        return repository + "/blobs/" + digest;
    }

    @Override
    public String repository() {
        return repository;
    }

    @Override
    public List<String> accept() {
        return List.of();
    }

    @Override
    public boolean followsRedirects() {
        return true;
    }

    @Override
    public String action() {
        return "pull " + what;
    }

    @Override
    public InputStream handle(HttpResponse<InputStream> response, String registry) {
        InputStream guarded = new IdleTimeoutInputStream(response.body(), readIdleTimeout, registry, repository, action());
        return new DigestVerifyingInputStream(guarded, digest,
                (expected, actual) -> new RegistryDigestMismatchException(registry, repository, action(), expected, actual));
    }
}
