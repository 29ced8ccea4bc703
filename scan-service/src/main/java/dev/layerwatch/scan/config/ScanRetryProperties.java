package dev.layerwatch.scan.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retrying a scan the registry could not serve (unreachable, 429, 5xx) through the retry topic
 * ({@code layerwatch.scan.retry.*}).
 *
 * @param window       how long after the first failure the scan is retried; then a FAILED result is announced and the
 *                     event dead-lettered (replayable)
 * @param initialDelay the wait before the first retry; each next wait is {@code multiplier} times longer
 * @param maxDelay     the longest wait between two attempts
 * @param maxPause     the longest the retry consumer pauses (not sleeps) at a time for a record not yet due
 */
@ConfigurationProperties("layerwatch.scan.retry")
public record ScanRetryProperties(
        @DefaultValue("1h") Duration window,
        @DefaultValue("10s") Duration initialDelay,
        @DefaultValue("2.0") double multiplier,
        @DefaultValue("10m") Duration maxDelay,
        @DefaultValue("30s") Duration maxPause) {

    /** The wait after failed attempt {@code attempt} (1-based). */
    public Duration delayAfter(int attempt) {
        double millis = initialDelay.toMillis() * Math.pow(Math.max(1.0, multiplier), Math.max(0, attempt - 1));
        return millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis((long) millis);
    }
}
