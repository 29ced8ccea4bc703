package dev.layerwatch.common.event;

import dev.layerwatch.common.finding.SeverityCounts;

/** Totals of one scan, for a one-line summary in chat and dashboards. */
public record ScanSummary(int packages, int layers, SeverityCounts vulnerabilities, int secrets, int configFindings) {
    public ScanSummary {
        vulnerabilities = vulnerabilities == null ? SeverityCounts.NONE : vulnerabilities;
    }
}
