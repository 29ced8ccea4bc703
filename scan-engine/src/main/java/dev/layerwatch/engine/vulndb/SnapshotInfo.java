package dev.layerwatch.engine.vulndb;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a snapshot holds.
 *
 * @param counts advisories per source feed and namespace ({@code osv} → {@code Maven} → 1234)
 */
public record SnapshotInfo(String version, String builtAt, int schemaVersion, long advisories,
                           Map<String, Map<String, Long>> counts) {
    public SnapshotInfo {
        // sorted for stable output (db info, JSON)
        TreeMap<String, Map<String, Long>> sorted = new TreeMap<>();
        counts.forEach((source, perNamespace) -> sorted.put(source, Collections.unmodifiableMap(new TreeMap<>(perNamespace))));
        counts = Collections.unmodifiableMap(sorted);
    }
}
