package dev.layerwatch.engine.registry;

import java.time.Duration;

/** The registry kept answering 429 (or 503 with {@code Retry-After}) beyond the retries or wait this client allows. */
public final class RegistryRateLimitedException extends RegistryException {

    private final Duration retryAfter;

    RegistryRateLimitedException(String registry, String repository, String action, String problem, Duration retryAfter) {
        super(registry, repository, action, problem, null);
        this.retryAfter = retryAfter;
    }

    /** What the registry last asked for, or null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
