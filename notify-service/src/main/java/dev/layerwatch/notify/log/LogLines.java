package dev.layerwatch.notify.log;

import dev.layerwatch.common.event.ScanCompleted;
import dev.layerwatch.common.finding.SeverityCounts;
import dev.layerwatch.common.finding.VulnerabilityFinding;
import dev.layerwatch.notify.routing.Notification;
import java.util.ArrayList;
import java.util.List;

/** The readable plain-text form of a notification. */
final class LogLines {

    private LogLines() {
    }

    static List<String> of(Notification n, int top) {
        ScanCompleted scan = n.scan();
        List<String> lines = new ArrayList<>();
        if (n.failedScan()) {
            lines.add("scan FAILED " + scan.image() + ": " + scan.outcome().describe());
            return lines;
        }
        if (!scan.vulnerabilityStatus().checked()) {
            lines.add("scan " + scan.image() + ": vulnerabilities NOT CHECKED: " + scan.vulnerabilityStatus().detail());
        }
        if (!scan.outcome().complete()) {
            lines.add("scan " + scan.image() + ": " + scan.outcome().describe());
        }
        List<VulnerabilityFinding> vulns = n.vulnerabilitiesBySeverity();
        SeverityCounts c = SeverityCounts.of(vulns.stream().map(VulnerabilityFinding::severity).toList());
        lines.add(String.format("scan %s%s: %d %svulnerabilities (critical %d, high %d, medium %d, low %d, other %d), %d image checks, %d secrets",
                scan.image(), scan.platform() == null ? "" : " " + scan.platform(), vulns.size(),
                n.previouslyAnnounced() ? "new " : "", c.critical(), c.high(), c.medium(), c.low(),
                c.negligible() + c.unknown(), n.configFindings().size(), n.secrets().size()));
        for (VulnerabilityFinding f : vulns.subList(0, Math.min(top, vulns.size()))) {
            lines.add(String.format("  %-8s %s %s %s -> %s%s", f.severity(), f.id(), f.pkg().name(), f.pkg().version(),
                    f.fixable() ? String.join(", ", f.fixedVersions()) : "(no fix)",
                    f.title() == null ? "" : "  " + f.title()));
        }
        if (vulns.size() > top) {
            lines.add("  +" + (vulns.size() - top) + " more");
        }
        n.configFindings().forEach(f -> lines.add("  check    " + f.id() + " " + f.severity() + (f.title() == null ? "" : " " + f.title())));
        n.secrets().forEach(f -> lines.add("  secret   " + f.ruleId() + " " + f.severity() + " in " + f.location() + (f.line() > 0 ? ":" + f.line() : "")));
        return lines;
    }
}
