package dev.layerwatch.engine.vulndb;

import java.util.Map;

/**
 * What a snapshot holds.
 *
 * @param counts advisories per source feed and namespace ({@code osv} → {@code Maven} → 1234)
 */
public record SnapshotInfo(String version, String builtAt, int schemaVersion, long advisories,
                           Map<String, Map<String, Long>> counts) {
    public SnapshotInfo {
        counts = Map.copyOf(counts);
    }
}
