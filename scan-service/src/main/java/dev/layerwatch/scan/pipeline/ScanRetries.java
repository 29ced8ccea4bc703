package dev.layerwatch.scan.pipeline;

import dev.layerwatch.common.event.EventJson;
import dev.layerwatch.common.event.ImagePushed;
import dev.layerwatch.common.event.ScanCompleted;
import dev.layerwatch.scan.config.ScanRetryProperties;
import dev.layerwatch.scan.metrics.ScanMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

/**
 * What happens after a transient failure (registry unreachable, 429, 5xx): the scan goes to the retry topic with a
 * due time that grows with each attempt, so no consumer thread waits on it; once the retry window since the first
 * failure is over, a FAILED result is published (notify announces it) and the event is dead-lettered, from where
 * {@link DeadLetterReplay} sends it back. One log line per failure; the stack trace only at DEBUG.
 */
public class ScanRetries {

    private static final Logger log = LoggerFactory.getLogger(ScanRetries.class);

    static final String RETRY_BINDING = "scanRetry-out-0";
    static final String DEAD_LETTER_BINDING = "scanDeadLetter-out-0";

    private final StreamBridge bridge;
    private final ScanCompletedPublisher publisher;
    private final ScanResults results;
    private final ScanRetryProperties properties;
    private final ScanMetrics metrics;
    private final Clock clock;

    ScanRetries(StreamBridge bridge, ScanCompletedPublisher publisher, ScanResults results, ScanRetryProperties properties,
                ScanMetrics metrics, Clock clock) {
        this.bridge = bridge;
        this.publisher = publisher;
        this.results = results;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Attempt {@code previous.attempt() + 1} (or the first, {@code previous} null) of {@code event} failed with {@code failure}. */
    void failed(ImagePushed event, PendingScan previous, ImageScanner.TransientScanException failure) {
        Instant now = clock.instant();
        Instant first = previous == null ? now : previous.firstFailedAt();
        int attempt = previous == null ? 1 : previous.attempt() + 1;
        String error = failure.getMessage();
        Instant windowEnd = first.plus(properties.window());
        log.debug("scan of {} failed (attempt {})", event.image(), attempt, failure);
        if (!now.isBefore(windowEnd)) {
            giveUp(event, attempt, first, error);
            return;
        }
        Instant due = now.plus(properties.delayAfter(attempt));
        if (due.isAfter(windowEnd)) {
            due = windowEnd;
        }
        send(RETRY_BINDING, event.key(), EventJson.write(new PendingScan(event, attempt, first, due, error)));
        metrics.retry("scheduled");
        log.warn("scan of {} failed (attempt {}, failing since {}), retry at {}: {}", event.image(), attempt, first, due, error);
    }

    private void giveUp(ImagePushed event, int attempts, Instant first, String error) {
        String reason = shortReason(event, error);
        ScanCompleted failed = results.failed(event, event.image(), reason,
                reason + " (" + attempts + " attempts over " + Duration.between(first, clock.instant()).toSeconds() + " s; last: " + error + ")",
                first);
        publisher.publish(failed);
        send(DEAD_LETTER_BINDING, event.key(), EventJson.write(event));
        metrics.retry("gave_up");
        log.warn("gave up scanning {} after {} attempts since {}: {}; FAILED result {} published, event dead-lettered to {}"
                + " (replay: POST /actuator/dlqreplay)", event.image(), attempts, first, error, failed.eventId(),
                dev.layerwatch.common.event.Topics.deadLetter(dev.layerwatch.common.event.Topics.IMAGE_PUSHED));
    }

    /** "registry localhost:5000 unreachable" or "registry … rate limited": what a person needs in the announcement. */
    static String shortReason(ImagePushed event, String error) {
        String e = error == null ? "" : error;
        String what = e.contains("HTTP 429") || e.toLowerCase(java.util.Locale.ROOT).contains("rate limit") ? "rate limited"
                : e.matches("(?s).*HTTP 5\\d\\d.*") ? "failing (server errors)" : "unreachable";
        return "registry " + event.image().registry() + " " + what;
    }

    private void send(String binding, String key, byte[] payload) {
        Message<byte[]> message = MessageBuilder.withPayload(payload)
                .setHeader(KafkaHeaders.KEY, key.getBytes(StandardCharsets.UTF_8))
                .setHeader("contentType", MimeTypeUtils.APPLICATION_JSON_VALUE)
                .build();
        if (!bridge.send(binding, message)) {
            throw new IllegalStateException("record for " + key + " was not sent to " + binding);
        }
    }
}
