package dev.layerwatch.report.store;

import dev.layerwatch.common.finding.PackageRef;
import dev.layerwatch.common.finding.VulnerabilityFinding;

/** Where a finding's package sits: its file, else its purl, else name@version. Part of a finding's identity. */
final class FindingLocations {

    private FindingLocations() {
    }

    static String of(VulnerabilityFinding finding) {
        PackageRef p = finding.pkg();
        if (p.location() != null && !p.location().isBlank()) {
            return p.location();
        }
        if (p.purl() != null && !p.purl().isBlank()) {
            return p.purl();
        }
        return p.name() + "@" + p.version();
    }
}
