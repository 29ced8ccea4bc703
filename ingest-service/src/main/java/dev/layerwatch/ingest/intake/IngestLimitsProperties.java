package dev.layerwatch.ingest.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per-source limits on authenticated deliveries, so one noisy or compromised sender cannot hold every request
 * thread or flood the broker: beyond them a sender gets 429/503 with Retry-After and resends.
 *
 * @param maxConcurrentPerSource deliveries of one source being processed at once
 * @param perSourcePerSecond     deliveries of one source per second (bursts up to one second's worth)
 */
@ConfigurationProperties("layerwatch.ingest.limits")
public record IngestLimitsProperties(Integer maxConcurrentPerSource, Integer perSourcePerSecond) {

    public IngestLimitsProperties {
        maxConcurrentPerSource = maxConcurrentPerSource == null ? 64 : maxConcurrentPerSource;
        perSourcePerSecond = perSourcePerSecond == null ? 500 : perSourcePerSecond;
        if (maxConcurrentPerSource <= 0 || perSourcePerSecond <= 0) {
            throw new IllegalArgumentException("layerwatch.ingest.limits must be positive");
        }
    }
}
