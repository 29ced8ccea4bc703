package dev.layerwatch.ingest.metrics;

import dev.layerwatch.ingest.webhook.IgnoreReason;
import dev.layerwatch.ingest.webhook.WebhookSources;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Meter names: {@code layerwatch.ingest.webhooks.received|rejected} (requests), {@code …events.accepted|ignored|
 * unknown.registry} (events within them), {@code …dedupe.unavailable}, {@code …publish.failures} and the timer
 * {@code layerwatch.ingest.webhook.latency} (with a percentile histogram: buckets, aggregated by the server). A
 * source name that is not in the flavour list is tagged {@code unknown} so a scanner probing URLs cannot grow the
 * tag set.
 *
 * <p>Meters are looked up once per tag combination and kept: building and registering a meter on every request
 * (tag sorting, id hashing, the registry's map) cost more than the increment itself. The tag sets are bounded
 * (sources × statuses or reasons), so the caches are too.
 */
@Component
public class IngestMetrics {

    private static final Duration LATENCY_MIN = Duration.ofMillis(1);
    private static final Duration LATENCY_MAX = Duration.ofSeconds(30);

    private final MeterRegistry registry;
    private final Map<String, Counter> received = new ConcurrentHashMap<>();
    private final Map<String, Counter> accepted = new ConcurrentHashMap<>();
    private final Map<String, Counter> unknownRegistry = new ConcurrentHashMap<>();
    private final Map<String, Counter> dedupeUnavailable = new ConcurrentHashMap<>();
    private final Map<String, Counter> publishFailures = new ConcurrentHashMap<>();
    private final Map<String, Counter> rejected = new ConcurrentHashMap<>();
    private final Map<String, Counter> ignored = new ConcurrentHashMap<>();
    private final Map<String, Timer> latency = new ConcurrentHashMap<>();

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void received(String source) {
        counter(received, "layerwatch.ingest.webhooks.received", "requests received", source).increment();
    }

    public void rejected(String source, int status) {
        String tag = tagOf(source);
        rejected.computeIfAbsent(tag + ' ' + status, key -> Counter.builder("layerwatch.ingest.webhooks.rejected")
                .description("requests answered with an error status")
                .tag("source", tag).tag("status", Integer.toString(status)).register(registry)).increment();
    }

    public void accepted(String source, int events) {
        counter(accepted, "layerwatch.ingest.events.accepted", "image pushes published to Kafka", source).increment(events);
    }

    public void ignored(String source, IgnoreReason reason) {
        String tag = tagOf(source);
        ignored.computeIfAbsent(tag + ' ' + reason.tag(), key -> Counter.builder("layerwatch.ingest.events.ignored")
                .description("events acknowledged and dropped, by reason")
                .tag("source", tag).tag("reason", reason.tag()).register(registry)).increment();
        if (reason == IgnoreReason.UNKNOWN_REGISTRY) {
            counter(unknownRegistry, "layerwatch.ingest.events.unknown.registry", "events naming a registry that is not configured", source).increment();
        }
    }

    public void dedupeUnavailable(String source) {
        counter(dedupeUnavailable, "layerwatch.ingest.dedupe.unavailable", "dedupe checks skipped because Redis failed", source).increment();
    }

    public void publishFailed(String source) {
        counter(publishFailures, "layerwatch.ingest.publish.failures", "deliveries answered 503 because Kafka did not acknowledge", source).increment();
    }

    public void latency(String source, String outcome, Duration elapsed) {
        String tag = tagOf(source);
        latency.computeIfAbsent(tag + ' ' + outcome, key -> Timer.builder("layerwatch.ingest.webhook.latency")
                .description("time from request to answer")
                .tag("source", tag).tag("outcome", outcome)
                .publishPercentileHistogram().minimumExpectedValue(LATENCY_MIN).maximumExpectedValue(LATENCY_MAX)
                .register(registry)).record(elapsed);
    }

    private Counter counter(Map<String, Counter> cache, String name, String description, String source) {
        String tag = tagOf(source);
        return cache.computeIfAbsent(tag, key -> Counter.builder(name).description(description).tag("source", key).register(registry));
    }

    private static String tagOf(String source) {
        return WebhookSources.byName(source).isPresent() ? source : "unknown";
    }
}
