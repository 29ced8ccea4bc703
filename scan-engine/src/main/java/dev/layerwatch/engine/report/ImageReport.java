package dev.layerwatch.engine.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.layerwatch.common.event.ScanOutcome;
import dev.layerwatch.common.event.VulnerabilityStatus;
import dev.layerwatch.common.finding.ConfigFinding;
import dev.layerwatch.common.finding.SecretFinding;
import dev.layerwatch.common.finding.VulnerabilityFinding;
import dev.layerwatch.engine.policy.SuppressedFinding;
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
