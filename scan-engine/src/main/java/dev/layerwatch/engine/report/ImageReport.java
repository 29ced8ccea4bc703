package dev.layerwatch.engine.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.layerwatch.common.event.ScanOutcome;
import dev.layerwatch.common.event.VulnerabilityStatus;
import dev.layerwatch.common.finding.ConfigFinding;
import dev.layerwatch.common.finding.SecretFinding;
import dev.layerwatch.common.finding.VulnerabilityFinding;
import dev.layerwatch.engine.assembly.ImageInventory;
import dev.layerwatch.engine.image.LayerDescriptor;
import dev.layerwatch.engine.inventory.OsRelease;
import dev.layerwatch.engine.layerscan.LayerOutcome;
import dev.layerwatch.engine.policy.SuppressedFinding;
import dev.layerwatch.engine.scan.ImageScan;
import java.util.ArrayList;
import java.util.List;

/**
 * What the scan of one platform image found: the JSON document {@code layerwatch scan --format json}
 * writes, with stable field names. {@code vulnDbVersion}, {@code findings} and {@code suppressed} are
 * filled by vulnerability matching and policy, which run after the analysis ({@link #withVulnerabilities}).
 *
 * @param image          the image as the user named it ({@code registry/repo:tag}, {@code oci-layout:/dir})
 * @param manifestDigest the platform manifest's digest (null for {@code dir:} targets)
 * @param indexDigest    the index it was selected from, or null
 * @param platform       {@code os/arch[/variant]}, or null when unknown
 * @param vulnDbVersion  the vulnerability DB snapshot the findings came from; null when none was matched
 * @param suppressed     findings a policy (VEX, ignore file, severity, ignore-unfixed) removed, with the reason
 * @param vulnerabilityStatus whether the packages were matched against a (current) snapshot: NOT_CHECKED until
 *                       {@link #withVulnerabilities} ran, so an unmatched report never reads as "no vulnerabilities"
 */
@JsonIgnoreProperties(value = "outcome", allowGetters = true)
public record ImageReport(
        String image,
        String manifestDigest,
        String indexDigest,
        String platform,
        ReportOs os,
        List<ReportPackage> packages,
        String vulnDbVersion,
        List<VulnerabilityFinding> findings,
        List<SuppressedFinding> suppressed,
        List<SecretFinding> secrets,
        List<ConfigFinding> configFindings,
        List<String> warnings,
        List<ReportLayer> layers,
        VulnerabilityStatus vulnerabilityStatus) {

    public ImageReport {
        packages = packages == null ? List.of() : List.copyOf(packages);
        findings = findings == null ? List.of() : List.copyOf(findings);
        suppressed = suppressed == null ? List.of() : List.copyOf(suppressed);
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
        configFindings = configFindings == null ? List.of() : List.copyOf(configFindings);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        layers = layers == null ? List.of() : List.copyOf(layers);
        if (vulnerabilityStatus == null) {
            vulnerabilityStatus = vulnDbVersion == null ? VulnerabilityStatus.noDb() : VulnerabilityStatus.checked(vulnDbVersion, null);
        }
    }

    /** The shape before {@code vulnerabilityStatus}: the status is derived from {@code vulnDbVersion}. */
    public ImageReport(String image, String manifestDigest, String indexDigest, String platform, ReportOs os,
                       List<ReportPackage> packages, String vulnDbVersion, List<VulnerabilityFinding> findings,
                       List<SuppressedFinding> suppressed, List<SecretFinding> secrets, List<ConfigFinding> configFindings,
                       List<String> warnings, List<ReportLayer> layers) {
        this(image, manifestDigest, indexDigest, platform, os, packages, vulnDbVersion, findings, suppressed, secrets,
                configFindings, warnings, layers, null);
    }

    /** COMPLETE, or INCOMPLETE naming every layer that could not be read (or was cut short by a limit). */
    @JsonProperty("outcome")
    public ScanOutcome outcome() {
        return ScanOutcome.of(layers.stream().filter(l -> l.failure() != null)
                .map(l -> new ScanOutcome.LayerProblem(l.digest() == null ? "(directory)" : l.digest(), l.failure())).toList());
    }

    /** This report with its vulnerability status replaced (a stale snapshot, a DB not ready yet). */
    public ImageReport withVulnerabilityStatus(VulnerabilityStatus status) {
        return new ImageReport(image, manifestDigest, indexDigest, platform, os, packages, vulnDbVersion, findings, suppressed,
                secrets, configFindings, warnings, layers, status);
    }

    /** The report view of one scan: what the JSON, CycloneDX and table writers show. */
    public static ImageReport of(ImageScan scan) {
        ImageInventory inv = scan.inventory();
        return new ImageReport(inv.image(), str(inv.manifestDigest()), str(inv.indexDigest()), str(inv.platform()), os(inv),
                inv.packages().stream().map(ReportPackage::of).toList(), scan.vulnDbVersion(), scan.findings(), scan.suppressed(),
                inv.secrets(), inv.configFindings(), scan.warnings(),
                inv.layers().stream().map(ImageReport::layer).toList(), scan.vulnerabilityStatus());
    }

    private static ReportOs os(ImageInventory inv) {
        OsRelease os = inv.os();
        if (os == null) {
            return null;
        }
        return new ReportOs(os.id(), os.versionId(), os.versionCodename(), os.prettyName(), inv.eolReached(),
                inv.eolDate() == null ? null : inv.eolDate().toString());
    }

    private static ReportLayer layer(LayerOutcome outcome) {
        LayerDescriptor d = outcome.descriptor();
        return new ReportLayer(outcome.citedDigest(), d.mediaType(), d.size(), outcome.result().diffId(), outcome.cached(),
                outcome.problem());
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    /** A report as the analysis produces it: not matched against any vulnerability DB yet. */
    public ImageReport(String image, String manifestDigest, String indexDigest, String platform, ReportOs os,
                       List<ReportPackage> packages, List<VulnerabilityFinding> findings, List<SecretFinding> secrets,
                       List<ConfigFinding> configFindings, List<String> warnings, List<ReportLayer> layers) {
        this(image, manifestDigest, indexDigest, platform, os, packages, null, findings, List.of(), secrets, configFindings,
                warnings, layers);
    }

    public ImageReport withFindings(List<VulnerabilityFinding> newFindings) {
        return new ImageReport(image, manifestDigest, indexDigest, platform, os, packages, vulnDbVersion, newFindings,
                suppressed, secrets, configFindings, warnings, layers, vulnerabilityStatus);
    }

    /**
     * This report with the outcome of matching against snapshot {@code dbVersion} and applying a policy;
     * {@code matchWarnings} (versions the matcher could not read…) are appended to {@link #warnings}.
     */
    public ImageReport withVulnerabilities(String dbVersion, List<VulnerabilityFinding> kept, List<SuppressedFinding> removed,
                                           List<String> matchWarnings) {
        List<String> allWarnings = new ArrayList<>(warnings);
        allWarnings.addAll(matchWarnings);
        return new ImageReport(image, manifestDigest, indexDigest, platform, os, packages, dbVersion, kept, removed, secrets,
                configFindings, allWarnings, layers, dbVersion == null ? VulnerabilityStatus.noDb() : VulnerabilityStatus.checked(dbVersion, null));
    }
}
