package dev.layerwatch.engine.registry;

import java.time.Duration;

/**
 * Timeouts and retry bounds of a {@link RegistryClient}.
 *
 * @param connectTimeout   TCP/TLS connect
 * @param responseTimeout  from sending a request to its response headers (blob bodies then stream at their own pace)
 * @param maxRetries       retries of one request after 429/503 (and 5xx answered with {@code Retry-After})
 * @param maxRetryWait     the longest single wait honoured; a registry asking for more fails the call at once
 * @param maxManifestBytes manifests and configs larger than this are refused rather than held in memory
 */
public record RegistryClientOptions(Duration connectTimeout, Duration responseTimeout, int maxRetries, Duration maxRetryWait,
                                    int maxManifestBytes) {

    public RegistryClientOptions {
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("registry connect timeout must be positive, got " + connectTimeout);
        }
        if (responseTimeout == null || responseTimeout.isNegative() || responseTimeout.isZero()) {
            throw new IllegalArgumentException("registry response timeout must be positive, got " + responseTimeout);
        }
        if (maxRetries < 0 || maxRetryWait == null || maxRetryWait.isNegative()) {
            throw new IllegalArgumentException("registry retry bounds must not be negative");
        }
        if (maxManifestBytes < 1024) {
            throw new IllegalArgumentException("registry manifest size cap must be at least 1 KiB, got " + maxManifestBytes);
        }
    }

    /** 10 s connect, 60 s to response headers, 3 retries waiting at most 30 s each, 8 MiB manifests. */
    public static RegistryClientOptions defaults() {
        return new RegistryClientOptions(Duration.ofSeconds(10), Duration.ofSeconds(60), 3, Duration.ofSeconds(30), 8 << 20);
    }

    public RegistryClientOptions withRetries(int retries, Duration maxWait) {
        return new RegistryClientOptions(connectTimeout, responseTimeout, retries, maxWait, maxManifestBytes);
    }

    public RegistryClientOptions withResponseTimeout(Duration timeout) {
        return new RegistryClientOptions(connectTimeout, timeout, maxRetries, maxRetryWait, maxManifestBytes);
    }
}
