package dev.layerwatch.notify.pipeline;

import dev.layerwatch.common.event.ScanCompleted;
import dev.layerwatch.notify.routing.Target;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * notify-service's meters, each with a description: notifications by channel and outcome
 * [{@code layerwatch_notifications_total}] and the time from the registry's push webhook to the delivered
 * notification [{@code layerwatch_notify_push_to_notification_seconds}], by channel.
 */
public final class NotifyMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> latency = new ConcurrentHashMap<>();

    public NotifyMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** {@code outcome}: delivered, skipped (already delivered, nothing new), retry, dead_lettered. */
    void settled(Target target, String outcome) {
        String channel = target.kind().name().toLowerCase(Locale.ROOT);
        counters.computeIfAbsent(channel + "|" + outcome, k -> Counter.builder("layerwatch.notifications")
                .description("Notifications by channel (slack, jira, webhook, log) and outcome (delivered, skipped, retry, dead_lettered)")
                .tag("channel", channel).tag("outcome", outcome).register(registry)).increment();
    }

    void delivered(Target target, ScanCompleted scan, Instant now) {
        if (scan.pushReceivedAt() == null || now.isBefore(scan.pushReceivedAt())) {
            return;
        }
        String channel = target.kind().name().toLowerCase(Locale.ROOT);
        latency.computeIfAbsent(channel, c -> Timer.builder("layerwatch.notify.push.to.notification")
                .description("Time from the push webhook reaching ingest to the notification being delivered, by channel")
                .tag("channel", c).publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(100))
                .maximumExpectedValue(Duration.ofHours(2)).register(registry)).record(Duration.between(scan.pushReceivedAt(), now));
    }
}
