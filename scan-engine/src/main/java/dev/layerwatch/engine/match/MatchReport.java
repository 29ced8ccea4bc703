package dev.layerwatch.engine.match;

import dev.layerwatch.common.finding.VulnerabilityFinding;
import java.util.List;

/**
 * The findings of one inventory against one snapshot.
 *
 * @param snapshotVersion the vulnerability DB snapshot every finding came from (goes into {@code ScanCompleted})
 * @param warnings        packages whose version their scheme could not parse, and similar, one line each
 */
public record MatchReport(String snapshotVersion, List<VulnerabilityFinding> findings, List<String> warnings) {
    public MatchReport {
        findings = List.copyOf(findings);
        warnings = List.copyOf(warnings);
    }
}
