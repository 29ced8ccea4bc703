package dev.layerwatch.engine.report;

import dev.layerwatch.common.finding.ConfigFinding;
import dev.layerwatch.common.finding.SecretFinding;
import dev.layerwatch.common.finding.VulnerabilityFinding;
import java.util.List;

/**
 * What the scan of one platform image found: the JSON document {@code layerwatch scan --format json}
 * writes, with stable field names. {@code findings} is filled by vulnerability matching, which runs
 * after the analysis ({@link #withFindings}).
 *
 * @param image          the image as the user named it ({@code registry/repo:tag}, {@code oci-layout:/dir})
 * @param manifestDigest the platform manifest's digest (null for {@code dir:} targets)
 * @param indexDigest    the index it was selected from, or null
 * @param platform       {@code os/arch[/variant]}, or null when unknown
 */
public record ImageReport(
        String image,
        String manifestDigest,
        String indexDigest,
        String platform,
        ReportOs os,
        List<ReportPackage> packages,
        List<VulnerabilityFinding> findings,
        List<SecretFinding> secrets,
        List<ConfigFinding> configFindings,
        List<String> warnings,
        List<ReportLayer> layers) {

    public ImageReport {
        packages = packages == null ? List.of() : List.copyOf(packages);
        findings = findings == null ? List.of() : List.copyOf(findings);
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
        configFindings = configFindings == null ? List.of() : List.copyOf(configFindings);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        layers = layers == null ? List.of() : List.copyOf(layers);
    }

    public ImageReport withFindings(List<VulnerabilityFinding> newFindings) {
        return new ImageReport(image, manifestDigest, indexDigest, platform, os, packages, newFindings, secrets,
                configFindings, warnings, layers);
    }
}
