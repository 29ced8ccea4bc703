package dev.layerwatch.ingest.metrics;

import dev.layerwatch.ingest.webhook.IgnoreReason;
import dev.layerwatch.ingest.webhook.WebhookSources;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Meter names: {@code layerwatch.ingest.webhooks.received|rejected} (requests), {@code …events.accepted|ignored|
 * unknown.registry} (events within them), {@code …dedupe.unavailable}, {@code …publish.failures} and the timer
 * {@code layerwatch.ingest.webhook.latency} (with a percentile histogram). A source name that is not in the
 * flavour list is tagged {@code unknown} so a scanner probing URLs cannot grow the tag set.
 */
@Component
public class IngestMetrics {

    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void received(String source) {
        counter("layerwatch.ingest.webhooks.received", "requests received", source).increment();
    }

    public void rejected(String source, int status) {
        Counter.builder("layerwatch.ingest.webhooks.rejected").description("requests answered with an error status")
                .tag("source", tagOf(source)).tag("status", Integer.toString(status)).register(registry).increment();
    }

    public void accepted(String source, int events) {
        counter("layerwatch.ingest.events.accepted", "image pushes published to Kafka", source).increment(events);
    }

    public void ignored(String source, IgnoreReason reason) {
        Counter.builder("layerwatch.ingest.events.ignored").description("events acknowledged and dropped, by reason")
                .tag("source", tagOf(source)).tag("reason", reason.tag()).register(registry).increment();
        if (reason == IgnoreReason.UNKNOWN_REGISTRY) {
            counter("layerwatch.ingest.events.unknown.registry", "events naming a registry that is not configured", source).increment();
        }
    }

    public void dedupeUnavailable(String source) {
        counter("layerwatch.ingest.dedupe.unavailable", "dedupe checks skipped because Redis failed", source).increment();
    }

    public void publishFailed(String source) {
        counter("layerwatch.ingest.publish.failures", "deliveries answered 503 because Kafka did not acknowledge", source).increment();
    }

    public void latency(String source, String outcome, Duration elapsed) {
        Timer.builder("layerwatch.ingest.webhook.latency").description("time from request to answer")
                .tag("source", tagOf(source)).tag("outcome", outcome)
                .publishPercentileHistogram().register(registry).record(elapsed);
    }

    private Counter counter(String name, String description, String source) {
        return Counter.builder(name).description(description).tag("source", tagOf(source)).register(registry);
    }

    private static String tagOf(String source) {
        return WebhookSources.byName(source).isPresent() ? source : "unknown";
    }
}
