package dev.layerwatch.engine.report;

import dev.layerwatch.common.finding.Cvss;
import dev.layerwatch.common.finding.VulnerabilityFinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cyclonedx.model.vulnerability.Vulnerability;

/**
 * The {@code vulnerabilities} section of a CycloneDX BOM: one entry per vulnerability id, rated by its
 * severity and CVSS vector, affecting the components (by bom-ref) whose purl the findings name, with the
 * fixed versions as the recommendation.
 */
final class CycloneDxVulnerabilities {

    private CycloneDxVulnerabilities() {
    }

    /** @param bomRefsByPurl the bom-refs of the SBOM's components, keyed by their purl */
    static List<Vulnerability> of(List<VulnerabilityFinding> findings, Map<String, List<String>> bomRefsByPurl) {
        Map<String, List<VulnerabilityFinding>> byId = new LinkedHashMap<>();
        for (VulnerabilityFinding f : findings) {
            byId.computeIfAbsent(f.id(), k -> new ArrayList<>()).add(f);
        }
        List<Vulnerability> vulnerabilities = new ArrayList<>();
        byId.forEach((id, group) -> vulnerabilities.add(vulnerability(id, group, bomRefsByPurl)));
        return vulnerabilities;
    }

    private static Vulnerability vulnerability(String id, List<VulnerabilityFinding> group, Map<String, List<String>> bomRefsByPurl) {
        VulnerabilityFinding first = group.getFirst();
        Vulnerability v = new Vulnerability();
        v.setBomRef("vuln:" + id);
        v.setId(id);
        Vulnerability.Source source = new Vulnerability.Source();
        source.setName(first.source());
        source.setUrl(advisoryUrl(id));
        v.setSource(source);
        if (!first.aliases().isEmpty()) {
            List<Vulnerability.Reference> references = new ArrayList<>();
            for (String alias : first.aliases()) {
                Vulnerability.Reference reference = new Vulnerability.Reference();
                reference.setId(alias);
                Vulnerability.Source aliasSource = new Vulnerability.Source();
                aliasSource.setName(alias.startsWith("CVE-") ? "NVD" : alias.startsWith("GHSA-") ? "GitHub" : "OSV");
                aliasSource.setUrl(advisoryUrl(alias));
                reference.setSource(aliasSource);
                references.add(reference);
            }
            v.setReferences(references);
        }
        v.setRatings(List.of(rating(first)));
        if (first.title() != null) {
            v.setDescription(first.title());
        }
        Set<String> fixes = new LinkedHashSet<>();
        List<Vulnerability.Affect> affects = new ArrayList<>();
        Set<String> refs = new LinkedHashSet<>();
        for (VulnerabilityFinding f : group) {
            fixes.addAll(f.fixedVersions());
            List<String> componentRefs = f.pkg().purl() == null ? List.of() : bomRefsByPurl.getOrDefault(f.pkg().purl(), List.of());
            for (String ref : componentRefs) {
                if (refs.add(ref)) {
                    Vulnerability.Affect affect = new Vulnerability.Affect();
                    affect.setRef(ref);
                    affects.add(affect);
                }
            }
        }
        v.setAffects(affects);
        v.setRecommendation(fixes.isEmpty() ? "No fixed version is known."
                : "Upgrade " + first.pkg().name() + " to " + String.join(" or ", fixes) + " or later.");
        return v;
    }

    private static Vulnerability.Rating rating(VulnerabilityFinding f) {
        Vulnerability.Rating rating = new Vulnerability.Rating();
        rating.setSeverity(switch (f.severity()) {
            case CRITICAL -> Vulnerability.Rating.Severity.CRITICAL;
            case HIGH -> Vulnerability.Rating.Severity.HIGH;
            case MEDIUM -> Vulnerability.Rating.Severity.MEDIUM;
            case LOW -> Vulnerability.Rating.Severity.LOW;
            case NEGLIGIBLE -> Vulnerability.Rating.Severity.INFO;
            case UNKNOWN -> Vulnerability.Rating.Severity.UNKNOWN;
        });
        Cvss cvss = f.cvss();
        if (cvss != null) {
            rating.setScore(cvss.score());
            rating.setVector(cvss.vector());
            rating.setMethod(switch (cvss.version()) {
                case "4.0" -> Vulnerability.Rating.Method.CVSSV4;
                case "3.1" -> Vulnerability.Rating.Method.CVSSV31;
                case "3.0" -> Vulnerability.Rating.Method.CVSSV3;
                case "2.0" -> Vulnerability.Rating.Method.CVSSV2;
                default -> Vulnerability.Rating.Method.OTHER;
            });
        }
        Vulnerability.Source source = new Vulnerability.Source();
        source.setName(f.source());
        rating.setSource(source);
        return rating;
    }

    static String advisoryUrl(String id) {
        if (id.startsWith("CVE-")) {
            return "https://nvd.nist.gov/vuln/detail/" + id;
        }
        if (id.startsWith("GHSA-")) {
            return "https://github.com/advisories/" + id;
        }
        return "https://osv.dev/vulnerability/" + id;
    }
}
