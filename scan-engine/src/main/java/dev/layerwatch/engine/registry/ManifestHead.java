package dev.layerwatch.engine.registry;

import dev.layerwatch.common.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * {@code HEAD /v2/<name>/manifests/<tag>}: the digest the tag points at, from {@code Docker-Content-Digest},
 * without downloading the manifest (and, on Docker Hub, without counting as a pull). Null when the registry
 * omits the header; the caller then falls back to a GET.
 */
final class ManifestHead implements RegistryEndpoint<Digest> {

    private final String repository;
    private final String reference;

    ManifestHead(String repository, String reference) {
        this.repository = repository;
        this.reference = reference;
    }

    @Override
    public String method() {
        return "HEAD";
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
        return "resolve " + reference + " to a digest";
    }

    @Override
    public Digest handle(HttpResponse<InputStream> response, String registry) throws RegistryException {
        try (InputStream ignored = response.body()) {
            String header = response.headers().firstValue("Docker-Content-Digest").orElse(null);
            if (header == null) {
                return null;
            }
            try {
                return Digest.parse(header.trim());
            } catch (IllegalArgumentException e) {
                throw new RegistryProtocolException(registry, repository, action(), "bad Docker-Content-Digest: " + e.getMessage(), e);
            }
        } catch (IOException e) {
            throw new RegistryUnreachableException(registry, repository, action(), e.getMessage(), e);
        }
    }
}
