package dev.layerwatch.scan.metrics;

import dev.layerwatch.common.event.ScanCompleted;
import dev.layerwatch.common.event.ScanOutcome;
import dev.layerwatch.common.event.VulnerabilityStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * What operators see of scanning (Prometheus names in brackets): scan duration by outcome
 * [{@code layerwatch_scan_duration_seconds}], scans by outcome and reason [{@code layerwatch_scans_total}], layers
 * analysed vs taken from the cache [{@code layerwatch_scan_layers_total}], vulnerability status of results
 * [{@code layerwatch_scan_vulnerability_status_total}], registry failures by kind
 * [{@code layerwatch_registry_failures_total}] and retry-topic decisions [{@code layerwatch_scan_retries_total}].
 * Every meter has a description, which Prometheus shows as HELP.
 */
@Component
public class ScanMetrics {

    private final MeterRegistry registry;
    private final Map<String, Timer> durations = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public ScanMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** One published result: its outcome, reason and vulnerability status; {@code took} the whole scan. */
    public void scanned(ScanCompleted result, Duration took) {
        String outcome = tag(result.outcome().result().name());
        durations.computeIfAbsent(outcome, o -> Timer.builder("layerwatch.scan.duration")
                .description("Time to scan one image platform, from taking the event to publishing the result, by outcome")
                .tag("outcome", o).publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(50))
                .maximumExpectedValue(Duration.ofMinutes(30)).register(registry)).record(took);
        count("layerwatch.scans", "Scan results published, by outcome (complete, incomplete, failed) and reason",
                "outcome", outcome, "reason", reason(result));
        VulnerabilityStatus status = result.vulnerabilityStatus();
        count("layerwatch.scan.vulnerability.status", "Scan results by vulnerability status: checked, or not checked and why",
                "state", tag(status.state().name()), "reason", status.reason() == null ? "none" : tag(status.reason().name()));
    }

    /** The layers of one analysed image: read now, taken from the per-layer cache, or unreadable. */
    public void layers(long analysed, long cached, long unreadable) {
        String description = "Image layers by how their result was obtained: analysed, from the per-layer cache, unreadable";
        add("layerwatch.scan.layers", description, analysed, "source", "analysed");
        add("layerwatch.scan.layers", description, cached, "source", "cache");
        add("layerwatch.scan.layers", description, unreadable, "source", "unreadable");
    }

    /** A registry call failed in a way worth retrying: {@code kind} is unreachable, rate_limited or server_error. */
    public void registryFailure(String registryHost, String kind) {
        count("layerwatch.registry.failures", "Registry failures seen by scans, by registry and kind (unreachable, rate_limited, server_error)",
                "registry", registryHost, "kind", kind);
    }

    /** {@code decision}: scheduled (sent to the retry topic), recovered (a retry succeeded), gave_up (window over: FAILED, DLQ). */
    public void retry(String decision) {
        count("layerwatch.scan.retries", "Scan retry decisions: scheduled on the retry topic, recovered, or gave up (FAILED result, DLQ)",
                "decision", decision);
    }

    public void replayed(int records) {
        add("layerwatch.scan.dlq.replayed", "Dead-lettered image-pushed records replayed to image-pushed.v1", records);
    }

    private static String reason(ScanCompleted result) {
        ScanOutcome outcome = result.outcome();
        return switch (outcome.result()) {
            case COMPLETE -> "none";
            case INCOMPLETE -> "layer_unreadable";
            case FAILED -> failureKind(outcome.reason());
        };
    }

    /** A short, bounded tag for why a scan failed. */
    static String failureKind(String reason) {
        String r = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        if (r.contains("unreachable") || r.contains("connect") || r.contains("timed out")) {
            return "registry_unreachable";
        }
        if (r.contains("429") || r.contains("rate")) {
            return "registry_rate_limited";
        }
        if (r.contains("not configured")) {
            return "registry_not_configured";
        }
        if (r.contains("not found") || r.contains("404")) {
            return "image_not_found";
        }
        if (r.contains("unauthorized") || r.contains("401") || r.contains("403")) {
            return "registry_unauthorized";
        }
        return "other";
    }

    private void count(String name, String description, String... tags) {
        add(name, description, 1, tags);
    }

    private void add(String name, String description, double amount, String... tags) {
        if (amount <= 0) {
            return;
        }
        String key = name + String.join("|", tags);
        counters.computeIfAbsent(key, k -> Counter.builder(name).description(description).tags(tags).register(registry)).increment(amount);
    }

    private static String tag(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
