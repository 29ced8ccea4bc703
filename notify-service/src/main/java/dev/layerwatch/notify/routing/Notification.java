package dev.layerwatch.notify.routing;

import dev.layerwatch.common.event.ScanCompleted;
import dev.layerwatch.common.finding.ConfigFinding;
import dev.layerwatch.common.finding.SecretFinding;
import dev.layerwatch.common.finding.VulnerabilityFinding;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What one target is told about one scan: the scan itself and the findings routed to that target.
 *
 * @param previouslyAnnounced true when the target was told about this image before, so this lists only what is new
 */
public record Notification(Target target, ScanCompleted scan, List<VulnerabilityFinding> vulnerabilities,
                           List<ConfigFinding> configFindings, List<SecretFinding> secrets, boolean previouslyAnnounced) {

    public Notification(Target target, ScanCompleted scan, List<VulnerabilityFinding> vulnerabilities,
                        List<ConfigFinding> configFindings, List<SecretFinding> secrets) {
        this(target, scan, vulnerabilities, configFindings, secrets, false);
    }

    public Notification {
        vulnerabilities = List.copyOf(vulnerabilities);
        configFindings = List.copyOf(configFindings);
        secrets = List.copyOf(secrets);
    }

    public boolean failedScan() {
        return scan.status() == ScanCompleted.Status.FAILED;
    }

    public boolean hasFindings() {
        return !vulnerabilities.isEmpty() || !configFindings.isEmpty() || !secrets.isEmpty();
    }

    /** Names the scanned image for per-image state: {@code registry/repository@digest} (or {@code :tag}) and platform. */
    public String imageKey() {
        return scan.key() + (scan.platform() == null ? "" : "|" + scan.platform());
    }

    /** Vulnerabilities most serious first, fixable before unfixed, then by CVSS score and id. */
    public List<VulnerabilityFinding> vulnerabilitiesBySeverity() {
        return vulnerabilities.stream().sorted(Comparator
                .comparing(VulnerabilityFinding::severity).reversed()
                .thenComparing(VulnerabilityFinding::fixable, Comparator.reverseOrder())
                .thenComparing(f -> f.cvss() == null ? 0.0 : f.cvss().score(), Comparator.reverseOrder())
                .thenComparing(VulnerabilityFinding::id)).toList();
    }

    /** Every finding key of this notification, see {@link FindingKeys}. */
    public Set<String> findingKeys() {
        return FindingKeys.of(this);
    }

    /**
     * The same notification without the findings whose keys are in {@code announced}, the keys the
     * target was told about for this image before (empty when it never was).
     */
    public Notification without(Set<String> announced) {
        return new Notification(target, scan,
                vulnerabilities.stream().filter(f -> !announced.contains(FindingKeys.of(f))).toList(),
                configFindings.stream().filter(f -> !announced.contains(FindingKeys.of(f))).toList(),
                secrets.stream().filter(f -> !announced.contains(FindingKeys.of(f))).toList(),
                !announced.isEmpty());
    }
}
