package dev.layerwatch.engine.report.sarif;

import dev.layerwatch.common.finding.Severity;
import dev.layerwatch.common.finding.VulnerabilityFinding;
import dev.layerwatch.engine.inventory.Package;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes findings as one SARIF 2.1.0 run for GitHub code scanning: one rule per vulnerability id
 * (short/full description, help, {@code security-severity} and {@code security} tag), one result per
 * finding with {@code level} from the severity, a {@code physicalLocation} per file that evidences
 * the package (just the finding's own copy when it names one) (path in the image, relative, {@code region.startLine} 1 because a package has no
 * line), and the finding fingerprint under {@code partialFingerprints} so alerts stay stable.
 */
public final class SarifWriter {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    // the caller owns the stream (standard output, for the CLI): Jackson must not close it
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private final String toolVersion;

    public SarifWriter(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    /** Package locations keyed by purl, as {@link #write} expects them. */
    public static Map<String, List<String>> locationsByPurl(List<Package> packages) {
        Map<String, List<String>> byPurl = new HashMap<>();
        for (Package p : packages) {
            if (p.purl() != null) {
                byPurl.computeIfAbsent(p.purl(), k -> new ArrayList<>()).addAll(p.locations());
            }
        }
        return byPurl;
    }

    /**
     * @param target           what was scanned (image reference or path); the location of findings whose package has none
     * @param locationsByPurl  files that evidence each package, from {@link #locationsByPurl}
     */
    public void write(String target, List<VulnerabilityFinding> findings, Map<String, List<String>> locationsByPurl, OutputStream out) {
        write(target, findings, locationsByPurl, List.of(), out);
    }

    /**
     * @param notices what makes this log less than a full answer (vulnerabilities not checked, layers not read):
     *                written as error notifications of an invocation that did not succeed, so an empty result
     *                list is not read as clean
     */
    public void write(String target, List<VulnerabilityFinding> findings, Map<String, List<String>> locationsByPurl,
                      List<String> notices, OutputStream out) {
        ObjectNode root = toSarif(target, findings, locationsByPurl);
        ObjectNode invocation = ((ObjectNode) root.get("runs").get(0)).putArray("invocations").addObject();
        invocation.put("executionSuccessful", notices.isEmpty());
        if (!notices.isEmpty()) {
            ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
            for (String notice : notices) {
                ObjectNode n = notifications.addObject();
                n.put("level", "error");
                n.putObject("message").put("text", notice);
            }
        }
        JSON.writeValue(out, root);
    }

    ObjectNode toSarif(String target, List<VulnerabilityFinding> findings, Map<String, List<String>> locationsByPurl) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "layerwatch");
        driver.put("version", toolVersion);
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        ArrayNode results = run.putArray("results");
        for (VulnerabilityFinding f : findings) {
            Integer index = ruleIndex.get(f.id());
            if (index == null) {
                index = ruleIndex.size();
                ruleIndex.put(f.id(), index);
                rules.add(rule(f));
            }
            // a finding about one copy of a package (plain, fat, shaded jar) is located at that copy only,
            // so the copies stay distinct results
            List<String> where = f.pkg().location() != null ? List.of(f.pkg().location())
                    : locationsByPurl.getOrDefault(f.pkg().purl(), List.of());
            results.add(result(f, index, target, where));
        }
        return root;
    }

    private static ObjectNode rule(VulnerabilityFinding f) {
        ObjectNode rule = JSON.createObjectNode();
        rule.put("id", f.id());
        rule.put("name", "Vulnerability");
        String title = f.title() != null ? f.title() : f.id();
        rule.putObject("shortDescription").put("text", f.id() + ": " + title);
        rule.putObject("fullDescription").put("text", title);
        rule.put("helpUri", helpUri(f.id()));
        rule.putObject("help").put("text", "Vulnerability " + f.id()
                + (f.aliases().isEmpty() ? "" : " (also " + String.join(", ", f.aliases()) + ")")
                + ". Severity " + f.severity() + (f.cvss() != null ? ", CVSS " + f.cvss().score() + " " + f.cvss().vector() : "")
                + ". Source: " + f.source() + ".");
        rule.putObject("defaultConfiguration").put("level", level(f.severity()));
        ObjectNode props = rule.putObject("properties");
        ArrayNode tags = props.putArray("tags");
        tags.add("security");
        tags.add("vulnerability");
        String securitySeverity = securitySeverity(f);
        if (securitySeverity != null) {
            props.put("security-severity", securitySeverity);
        }
        return rule;
    }

    private static ObjectNode result(VulnerabilityFinding f, int ruleIndex, String target, List<String> locations) {
        ObjectNode result = JSON.createObjectNode();
        result.put("ruleId", f.id());
        result.put("ruleIndex", ruleIndex);
        result.put("level", level(f.severity()));
        String fixed = f.fixedVersions().isEmpty() ? "no fixed version available" : "fixed in " + String.join(", ", f.fixedVersions());
        result.putObject("message").put("text", "Package " + f.pkg().name() + " " + f.pkg().version() + " is affected by "
                + f.id() + " (" + f.severity() + "); " + fixed + ".");
        ArrayNode locs = result.putArray("locations");
        List<String> uris = locations.isEmpty() ? List.of(target) : locations;
        for (String uri : uris) {
            ObjectNode physical = locs.addObject().putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", artifactUri(uri));
            physical.putObject("region").put("startLine", 1);
        }
        if (f.fingerprint() != null) {
            result.putObject("partialFingerprints").put("layerwatchFinding/v1", f.fingerprint());
        }
        ObjectNode props = result.putObject("properties");
        props.put("package", f.pkg().name());
        props.put("installedVersion", f.pkg().version());
        if (f.pkg().purl() != null) {
            props.put("purl", f.pkg().purl());
        }
        ArrayNode fixedVersions = props.putArray("fixedVersions");
        f.fixedVersions().forEach(fixedVersions::add);
        if (f.layer() != null) {
            props.put("layer", f.layer());
        }
        return result;
    }

    /** GitHub reads the path in the repository or image; image paths are absolute, SARIF URIs here relative. */
    static String artifactUri(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (p.isEmpty()) {
            return ".";
        }
        try {
            // percent-encodes what a URI reference cannot hold (spaces, %, #, non-ASCII), keeps '/' and '!'
            return new URI(null, null, p, null).toASCIIString();
        } catch (URISyntaxException e) {
            return p.replace(" ", "%20");
        }
    }

    static String level(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            default -> "note";
        };
    }

    /** The CVSS base score; else a score inside GitHub's band for the severity word (critical ≥ 9.0, high ≥ 7.0…). */
    static String securitySeverity(VulnerabilityFinding f) {
        if (f.cvss() != null) {
            return String.format(Locale.ROOT, "%.1f", f.cvss().score());
        }
        return switch (f.severity()) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "2.0";
            case NEGLIGIBLE -> "0.1";
            case UNKNOWN -> null;
        };
    }

    private static String helpUri(String id) {
        if (id.startsWith("CVE-")) {
            return "https://nvd.nist.gov/vuln/detail/" + id;
        }
        if (id.startsWith("GHSA-")) {
            return "https://github.com/advisories/" + id;
        }
        return "https://osv.dev/vulnerability/" + id;
    }
}
