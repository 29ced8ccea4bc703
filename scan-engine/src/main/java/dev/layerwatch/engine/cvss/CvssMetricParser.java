package dev.layerwatch.engine.cvss;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the metric part of a vector ({@code AV:N/AC:L/...}) into an ordered map and checks it against one
 * version's metric definitions. Every rejection names the vector and the offending part, so that a feed's bad
 * vector can be reported without guessing.
 */
final class CvssMetricParser {

    /** One metric: its key, its allowed values, and whether a vector must carry it. */
    record Metric(String key, List<String> values, boolean mandatory) {
    }

    private CvssMetricParser() {
    }

    /**
     * @param inOrder when true, metrics must appear in definition order (CVSS v4.0 requires it)
     */
    static Map<String, String> parse(String label, String vector, String body, List<Metric> definitions, boolean inOrder) {
        if (body.isEmpty()) {
            throw invalid(label, vector, "no metrics");
        }
        Map<String, Metric> byKey = new LinkedHashMap<>();
        for (Metric m : definitions) {
            byKey.put(m.key(), m);
        }
        List<String> order = List.copyOf(byKey.keySet());
        Map<String, String> metrics = new LinkedHashMap<>();
        int lastIndex = -1;
        for (String part : body.split("/", -1)) {
            int colon = part.indexOf(':');
            if (part.isEmpty() || colon <= 0 || colon == part.length() - 1 || part.indexOf(':', colon + 1) >= 0) {
                throw invalid(label, vector, "malformed metric '" + part + "' (expected KEY:VALUE)");
            }
            String key = part.substring(0, colon);
            String value = part.substring(colon + 1);
            Metric metric = byKey.get(key);
            if (metric == null) {
                throw invalid(label, vector, "unknown metric '" + key + "'");
            }
            if (metrics.containsKey(key)) {
                throw invalid(label, vector, "duplicate metric '" + key + "'");
            }
            if (!metric.values().contains(value)) {
                throw invalid(label, vector, "unknown value '" + value + "' for metric " + key + " (allowed: "
                        + String.join(", ", metric.values()) + ")");
            }
            int index = order.indexOf(key);
            if (inOrder && index < lastIndex) {
                throw invalid(label, vector, "metric " + key + " is out of order");
            }
            lastIndex = index;
            metrics.put(key, value);
        }
        for (Metric m : definitions) {
            if (m.mandatory() && !metrics.containsKey(m.key())) {
                throw invalid(label, vector, "missing base metric " + m.key());
            }
        }
        return metrics;
    }

    static IllegalArgumentException invalid(String label, String vector, String reason) {
        return new IllegalArgumentException("invalid " + label + " vector '" + vector + "': " + reason);
    }

    static Metric base(String key, String... values) {
        return new Metric(key, List.of(values), true);
    }

    static Metric optional(String key, String... values) {
        return new Metric(key, List.of(values), false);
    }
}
