package dev.layerwatch.engine.scan;

import dev.layerwatch.common.event.VulnerabilityStatus;
import dev.layerwatch.common.finding.VulnerabilityFinding;
import dev.layerwatch.engine.assembly.ImageInventory;
import dev.layerwatch.engine.policy.SuppressedFinding;
import java.util.ArrayList;
import java.util.List;

/**
 * The scan of one platform image, as domain values: its inventory, then what matching and the policy
 * made of it. What every report writer and every service takes.
 *
 * @param vulnDbVersion the snapshot the findings came from; null when nothing was matched (no database)
 * @param findings      the findings the policy kept
 * @param suppressed    the findings the policy removed, with the reason
 * @param matchWarnings what matching could not judge (unreadable versions…), after the inventory's warnings
 * @param exitCode      what the policy asks the CLI to exit with for this image (0 when nothing was matched)
 */
public record ImageScan(
        ImageInventory inventory,
        String vulnDbVersion,
        List<VulnerabilityFinding> findings,
        List<SuppressedFinding> suppressed,
        List<String> matchWarnings,
        int exitCode) {

    public ImageScan {
        findings = findings == null ? List.of() : List.copyOf(findings);
        suppressed = suppressed == null ? List.of() : List.copyOf(suppressed);
        matchWarnings = matchWarnings == null ? List.of() : List.copyOf(matchWarnings);
    }

    /** An inventory no vulnerability database was matched against (sbom, or no snapshot yet). */
    public static ImageScan unmatched(ImageInventory inventory) {
        return new ImageScan(inventory, null, List.of(), List.of(), List.of(), 0);
    }

    /** The inventory's warnings, then matching's. */
    public List<String> warnings() {
        if (matchWarnings.isEmpty()) {
            return inventory.warnings();
        }
        List<String> all = new ArrayList<>(inventory.warnings());
        all.addAll(matchWarnings);
        return List.copyOf(all);
    }

    /**
     * CHECKED against {@code vulnDbVersion}, or NOT_CHECKED (no DB) when nothing was matched: never a silent all-clear.
     * Services that know more (a snapshot not there yet, or too old) replace it.
     */
    public VulnerabilityStatus vulnerabilityStatus() {
        return vulnDbVersion == null ? VulnerabilityStatus.noDb() : VulnerabilityStatus.checked(vulnDbVersion, null);
    }
}
