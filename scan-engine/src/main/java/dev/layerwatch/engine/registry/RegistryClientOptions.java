package dev.layerwatch.engine.registry;

import java.time.Duration;

/**
 * Timeouts and retry bounds of a {@link RegistryClient}.
 *
 * @param connectTimeout   TCP/TLS connect
 * @param responseTimeout  from sending a request to its response headers
 * @param readIdleTimeout  the longest one read of a blob body may block before the transfer is abandoned
 * @param maxRetries       retries of one request after 429/503 (and 5xx answered with {@code Retry-After})
 * @param maxRetryWait     the longest single wait honoured; a registry asking for more fails the call at once
 * @param maxManifestBytes manifests and configs larger than this are refused rather than held in memory
 * @param storageHosts     hosts (lower case) a redirect may lead to even on a loopback, private or link-local
 *                         address: the registry's own storage (a MinIO beside it); empty by default
 */
public record RegistryClientOptions(Duration connectTimeout, Duration responseTimeout, Duration readIdleTimeout, int maxRetries,
                                    Duration maxRetryWait, int maxManifestBytes, java.util.Set<String> storageHosts) {

    public RegistryClientOptions {
        storageHosts = storageHosts == null ? java.util.Set.of() : storageHosts.stream()
                .map(h -> h.toLowerCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("registry connect timeout must be positive, got " + connectTimeout);
        }
        if (responseTimeout == null || responseTimeout.isNegative() || responseTimeout.isZero()) {
            throw new IllegalArgumentException("registry response timeout must be positive, got " + responseTimeout);
        }
        if (readIdleTimeout == null || readIdleTimeout.isNegative() || readIdleTimeout.isZero()) {
            throw new IllegalArgumentException("registry read idle timeout must be positive, got " + readIdleTimeout);
        }
        if (maxRetries < 0 || maxRetryWait == null || maxRetryWait.isNegative()) {
            throw new IllegalArgumentException("registry retry bounds must not be negative");
        }
        if (maxManifestBytes < 1024) {
            throw new IllegalArgumentException("registry manifest size cap must be at least 1 KiB, got " + maxManifestBytes);
        }
    }

    /** 10 s connect, 60 s to response headers, 60 s per blocked read, 3 retries waiting at most 30 s each, 8 MiB manifests. */
    public static RegistryClientOptions defaults() {
        return new RegistryClientOptions(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(60), 3,
                Duration.ofSeconds(30), 8 << 20, null);
    }

    public RegistryClientOptions withRetries(int retries, Duration maxWait) {
        return new RegistryClientOptions(connectTimeout, responseTimeout, readIdleTimeout, retries, maxWait, maxManifestBytes,
                storageHosts);
    }

    public RegistryClientOptions withResponseTimeout(Duration timeout) {
        return new RegistryClientOptions(connectTimeout, timeout, readIdleTimeout, maxRetries, maxRetryWait, maxManifestBytes,
                storageHosts);
    }

    public RegistryClientOptions withReadIdleTimeout(Duration timeout) {
        return new RegistryClientOptions(connectTimeout, responseTimeout, timeout, maxRetries, maxRetryWait, maxManifestBytes,
                storageHosts);
    }

    public RegistryClientOptions withStorageHosts(java.util.Set<String> hosts) {
        return new RegistryClientOptions(connectTimeout, responseTimeout, readIdleTimeout, maxRetries, maxRetryWait,
                maxManifestBytes, hosts);
    }
}
