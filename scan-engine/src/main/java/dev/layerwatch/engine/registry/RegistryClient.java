package dev.layerwatch.engine.registry;

import dev.layerwatch.common.image.Digest;
import dev.layerwatch.common.image.ImageReference;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;

/**
 * A pull-only client for one registry: manifests, tag → digest resolution and verified blob streams. Obtain
 * one through {@link #connect}, which refuses hosts the {@link RegistryAccessPolicy} does not list. Thread-safe.
 */
public final class RegistryClient implements AutoCloseable {

    private final RegistryConfig config;
    private final RegistryClientOptions options;
    private final HttpClient http;
    private final RegistryEndpointCaller caller;

    RegistryClient(RegistryConfig config, RegistryClientOptions options, Clock clock, RegistryEndpointCaller.Sleeper sleeper) {
        this.config = config;
        this.options = options;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (config.insecure()) {
            builder.version(HttpClient.Version.HTTP_1_1); // no h2c upgrade dance with plain-HTTP registries
        }
        this.http = builder.build();
        URI base = URI.create((config.insecure() ? "http://" : "https://") + apiHost(config.host()));
        RegistryAuthenticator authenticator = new RegistryAuthenticator(config, base, http, options.responseTimeout(), clock);
        this.caller = new RegistryEndpointCaller(http, base, config.host(), authenticator, options, sleeper);
    }

    /** A client for {@code host} if the policy allows it, else {@link RegistryNotAllowedException}. Makes no request yet. */
    public static RegistryClient connect(RegistryAccessPolicy policy, String host, RegistryClientOptions options)
            throws RegistryNotAllowedException {
        RegistryConfig config = policy.require(host, "connect");
        return new RegistryClient(config, options, Clock.systemUTC(), duration -> Thread.sleep(duration));
    }

    public static RegistryClient connect(RegistryAccessPolicy policy, String host) throws RegistryNotAllowedException {
        return connect(policy, host, RegistryClientOptions.defaults());
    }

    /** The host as configured ({@code docker.io}, {@code 127.0.0.1:5000}). */
    public String registry() {
        return config.host();
    }

    /** The manifest or index that {@code reference} (tag or digest) names, bytes as sent, digest verified. */
    public PulledManifest pullManifest(String repository, String reference) throws RegistryException {
        return caller.call(new ManifestPull(repository, reference, options.maxManifestBytes()));
    }

    /**
     * The manifest digest a reference points at: its own digest when it has one, else a manifest HEAD on the
     * tag (falling back to a GET when the registry omits {@code Docker-Content-Digest}).
     */
    public Digest resolveDigest(ImageReference reference) throws RegistryException {
        requireSameRegistry(reference);
        if (reference.digest() != null) {
            return reference.digest();
        }
        Digest digest = caller.call(new ManifestHead(reference.repository(), reference.tag()));
        return digest != null ? digest : pullManifest(reference.repository(), reference.tag()).digest();
    }

    /**
     * Streams a blob; the stream throws {@link RegistryDigestMismatchException} at its end when the bytes do not
     * hash to {@code digest}. The caller closes it.
     *
     * @param what how messages name the blob ({@code layer sha256:…})
     */
    public InputStream pullBlob(String repository, Digest digest, String what) throws RegistryException {
        return caller.call(new BlobPull(repository, digest, what, options.readIdleTimeout()));
    }

    /** A small blob (a config) read whole, verified, refused above the manifest size cap. */
    public byte[] pullBlobBytes(String repository, Digest digest, String what) throws RegistryException {
        try (InputStream in = pullBlob(repository, digest, what)) {
            byte[] bytes = in.readNBytes(options.maxManifestBytes() + 1);
            if (bytes.length > options.maxManifestBytes()) {
                throw new RegistryProtocolException(config.host(), repository, "pull " + what,
                        "larger than " + options.maxManifestBytes() + " bytes");
            }
            in.transferTo(java.io.OutputStream.nullOutputStream()); // reach end of stream so the digest is checked
            return bytes;
        } catch (RegistryException e) {
            throw e;
        } catch (IOException e) {
            throw new RegistryUnreachableException(config.host(), repository, "pull " + what, "reading failed: " + e.getMessage(), e);
        }
    }

    private void requireSameRegistry(ImageReference reference) {
        if (!reference.registry().equalsIgnoreCase(config.host())) {
            throw new IllegalArgumentException("reference " + reference + " is not on registry " + config.host());
        }
    }

    /** Docker Hub's API is not served at the name people write in references. */
    static String apiHost(String host) {
        return host.equals("docker.io") || host.equals("index.docker.io") ? "registry-1.docker.io" : host;
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "RegistryClient[" + config + "]";
    }
}
