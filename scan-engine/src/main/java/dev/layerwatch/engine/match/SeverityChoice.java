package dev.layerwatch.engine.match;

import dev.layerwatch.common.finding.Cvss;
import dev.layerwatch.common.finding.Severity;

/**
 * A severity and where it came from. {@code rank} orders the evidence: a score computed from a CVSS
 * v4.0/v3.x vector (3) beats the record's own word (2), which beats a distro urgency (1); a CVSS v2
 * vector alone (0) is the last resort.
 */
record SeverityChoice(int rank, Severity severity, Cvss cvss) {

    static final SeverityChoice NONE = new SeverityChoice(-1, Severity.UNKNOWN, null);

    boolean betterThan(SeverityChoice other) {
        if (rank != other.rank) {
            return rank > other.rank;
        }
        return severity.compareTo(other.severity) > 0;
    }
}
