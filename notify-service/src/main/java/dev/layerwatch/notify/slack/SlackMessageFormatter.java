package dev.layerwatch.notify.slack;

import dev.layerwatch.common.event.ScanCompleted;
import dev.layerwatch.common.finding.ConfigFinding;
import dev.layerwatch.common.finding.SecretFinding;
import dev.layerwatch.common.finding.Severity;
import dev.layerwatch.common.finding.SeverityCounts;
import dev.layerwatch.common.finding.VulnerabilityFinding;
import dev.layerwatch.notify.routing.Notification;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One Block Kit message per scanned image: header, image and digest, counts by severity, the top
 * vulnerabilities, image checks and secrets in short, "+N more", and the report link. Stays within
 * Slack's limits (50 blocks, 3,000 characters per section text, 150 per header) by construction.
 */
public final class SlackMessageFormatter {

    static final int MAX_HEADER = 150;
    static final int MAX_TEXT = 3000;
    private static final int MAX_SHORT_ITEMS = 10;

    private final SlackProperties properties;

    public SlackMessageFormatter(SlackProperties properties) {
        this.properties = properties;
    }

    /** @param followUp true when this image was announced before and the message lists only what is new */
    public SlackMessage format(Notification n, boolean followUp) {
        return n.failedScan() ? failure(n.scan()) : findings(n, followUp);
    }

    private SlackMessage findings(Notification n, boolean followUp) {
        ScanCompleted scan = n.scan();
        List<VulnerabilityFinding> vulns = n.vulnerabilitiesBySeverity();
        ArrayNode blocks = JsonNodeFactory.instance.arrayNode();
        boolean checked = scan.vulnerabilityStatus().checked();
        boolean complete = scan.outcome().complete();
        String title;
        if (followUp) {
            title = "New findings in " + shortName(scan);
        } else if (!vulns.isEmpty()) {
            title = vulns.size() + " vulnerabilities in " + shortName(scan);
        } else if (!checked) {
            // silence must mean safe: without a (current) DB this is not a clean bill of health
            title = "Not checked for vulnerabilities: " + shortName(scan);
        } else if (!complete) {
            title = "Scan incomplete: " + shortName(scan);
        } else {
            title = "No vulnerabilities in " + shortName(scan);
        }
        blocks.add(header(title));
        blocks.add(section(imageLines(scan)));
        if (!checked) {
            blocks.add(section(":warning: *Vulnerabilities not checked:* " + escape(scan.vulnerabilityStatus().detail())));
        }
        if (!complete) {
            blocks.add(section(cut(":warning: *Scan incomplete:* " + scan.outcome().incompleteLayers().size()
                    + " layer(s) could not be read; their packages are missing\n"
                    + String.join("\n", scan.outcome().incompleteLayers().stream()
                            .map(l -> "• `" + escape(l.layer()) + "` " + escape(l.reason())).toList()), MAX_TEXT)));
        }
        if (checked || !vulns.isEmpty()) {
            blocks.add(section(countsLine(scan)));
        }
        if (!vulns.isEmpty()) {
            blocks.add(JsonNodeFactory.instance.objectNode().put("type", "divider"));
            // copies of one package version (plain, fat, shaded jar) are one entry listing where each copy is
            List<List<VulnerabilityFinding>> rows = new ArrayList<>(vulns.stream().collect(java.util.stream.Collectors.groupingBy(
                    f -> f.id() + "\u0000" + f.pkg().name() + "\u0000" + f.pkg().version(), java.util.LinkedHashMap::new,
                    java.util.stream.Collectors.toList())).values());
            int shown = Math.min(rows.size(), properties.maxFindings());
            for (List<VulnerabilityFinding> copies : rows.subList(0, shown)) {
                blocks.add(section(findingLine(copies)));
            }
            if (rows.size() > shown) {
                blocks.add(context("+" + (rows.size() - shown) + " more vulnerabilities"));
            }
        }
        if (!n.configFindings().isEmpty()) {
            blocks.add(section(shortList("*Image checks* (" + n.configFindings().size() + ")",
                    n.configFindings().stream().map(SlackMessageFormatter::configLine).toList())));
        }
        if (!n.secrets().isEmpty()) {
            blocks.add(section(shortList("*Secrets* (" + n.secrets().size() + ")",
                    n.secrets().stream().map(SlackMessageFormatter::secretLine).toList())));
        }
        String report = reportUrl(scan);
        if (report != null) {
            blocks.add(section("<" + report + "|Full report>"));
        }
        String verdict = !vulns.isEmpty() ? countsText(SeverityCounts.of(vulns.stream().map(VulnerabilityFinding::severity).toList()))
                : !checked ? "vulnerabilities not checked (" + scan.vulnerabilityStatus().detail() + ")"
                : "no vulnerabilities";
        String text = shortName(scan) + ": " + verdict + (complete ? "" : "; scan incomplete (" + scan.outcome().incompleteLayers().size()
                + " layer(s) not read)") + (followUp ? " (new since the last message)" : "");
        return new SlackMessage(text, blocks);
    }

    private SlackMessage failure(ScanCompleted scan) {
        ArrayNode blocks = JsonNodeFactory.instance.arrayNode();
        String why = scan.outcome().describe(); // "scan failed: registry … unreachable since …"
        blocks.add(header("Scan failed: " + shortName(scan)));
        blocks.add(section(imageLines(scan) + "\n*Why* " + escape(why)
                + (scan.error() == null || scan.error().equals(scan.outcome().reason()) ? "" : "\n*Error* " + escape(scan.error()))
                + "\n_Not checked for vulnerabilities._"));
        return new SlackMessage(shortName(scan) + ": " + why, blocks);
    }

    private String imageLines(ScanCompleted scan) {
        StringBuilder sb = new StringBuilder("*Image* `").append(escape(shortName(scan))).append('`');
        if (scan.digest() != null) {
            sb.append("\n*Digest* `").append(scan.digest()).append('`');
        }
        if (scan.platform() != null) {
            sb.append("\n*Platform* `").append(scan.platform()).append('`');
        }
        if (scan.vulnDbVersion() != null) {
            sb.append("\n*Vulnerability DB* `").append(escape(scan.vulnDbVersion())).append('`');
        }
        return sb.toString();
    }

    private static String countsLine(ScanCompleted scan) {
        SeverityCounts counts = scan.summary() != null ? scan.summary().vulnerabilities()
                : SeverityCounts.of(scan.findings().stream().map(VulnerabilityFinding::severity).toList());
        List<String> parts = new ArrayList<>();
        for (Severity s : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.NEGLIGIBLE, Severity.UNKNOWN)) {
            parts.add("*" + label(s) + "* " + counts.get(s));
        }
        return String.join("   ", parts);
    }

    private static String countsText(SeverityCounts counts) {
        List<String> parts = new ArrayList<>();
        for (Severity s : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.NEGLIGIBLE, Severity.UNKNOWN)) {
            if (counts.get(s) > 0) {
                parts.add(counts.get(s) + " " + s.name().toLowerCase(Locale.ROOT));
            }
        }
        return String.join(", ", parts);
    }

    private static String findingLine(List<VulnerabilityFinding> copies) {
        VulnerabilityFinding f = copies.getFirst();
        String fixed = f.fixable() ? String.join(", ", f.fixedVersions()) : "no fix yet";
        String line = "*" + escape(f.id()) + "* · " + f.severity() + "\n`" + escape(f.pkg().name()) + "` "
                + escape(String.valueOf(f.pkg().version())) + " → " + escape(fixed);
        List<String> where = copies.stream().map(SlackMessageFormatter::where).filter(w -> !w.isEmpty()).distinct().toList();
        if (!where.isEmpty()) {
            line += "\n" + String.join("\n", where.subList(0, Math.min(where.size(), MAX_SHORT_ITEMS)))
                    + (where.size() > MAX_SHORT_ITEMS ? "\n+" + (where.size() - MAX_SHORT_ITEMS) + " more copies" : "");
        }
        if (f.title() != null && !f.title().isBlank()) {
            line += "\n_" + escape(f.title().strip()) + "_";
        }
        return line;
    }

    /** "in `/app/lib/x.jar` (layer `3f2a…`)", or just the layer: where this copy of the package is. */
    private static String where(VulnerabilityFinding f) {
        if (f.pkg().location() == null && f.layer() == null) {
            return "";
        }
        if (f.pkg().location() == null) {
            return "layer `" + escape(shortDigest(f.layer())) + "`";
        }
        return "in `" + escape(f.pkg().location()) + "`" + (f.layer() == null ? "" : " (layer `" + escape(shortDigest(f.layer())) + "`)");
    }

    private static String shortDigest(String digest) {
        int colon = digest.indexOf(':');
        String hex = colon < 0 ? digest : digest.substring(colon + 1);
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }

    private static String configLine(ConfigFinding f) {
        return "`" + escape(f.id()) + "` " + f.severity() + (f.title() == null ? "" : " — " + escape(f.title()));
    }

    private static String secretLine(SecretFinding f) {
        String where = f.location() == null ? "" : " in `" + escape(f.location()) + (f.line() > 0 ? ":" + f.line() : "") + "`";
        return "`" + escape(f.ruleId()) + "` " + f.severity() + where;
    }

    /** A heading and bullet lines, cut to the item and character limits with a "+N more" line. */
    private static String shortList(String heading, List<String> lines) {
        StringBuilder sb = new StringBuilder(heading);
        int shown = 0;
        for (String line : lines) {
            String next = "\n• " + line;
            String moreLine = "\n+" + (lines.size() - shown) + " more";
            if (shown == MAX_SHORT_ITEMS || sb.length() + next.length() + moreLine.length() > MAX_TEXT) {
                break;
            }
            sb.append(next);
            shown++;
        }
        if (shown < lines.size()) {
            sb.append("\n+").append(lines.size() - shown).append(" more");
        }
        return sb.toString();
    }

    private String reportUrl(ScanCompleted scan) {
        String template = properties.reportUrl();
        if (template == null || template.isBlank()) {
            return null;
        }
        return template.replace("{registry}", scan.registry()).replace("{repository}", scan.repository())
                .replace("{tag}", scan.tag() == null ? "" : scan.tag())
                .replace("{digest}", scan.digest() == null ? "" : scan.digest().toString());
    }

    private static String shortName(ScanCompleted scan) {
        ScanCompleted s = scan;
        return s.registry() + "/" + s.repository() + (s.tag() != null ? ":" + s.tag() : "@" + s.digest().shortHex());
    }

    private static String label(Severity s) {
        String lower = s.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static ObjectNode header(String text) {
        ObjectNode block = JsonNodeFactory.instance.objectNode().put("type", "header");
        block.putObject("text").put("type", "plain_text").put("text", cut(text, MAX_HEADER)).put("emoji", true);
        return block;
    }

    private static ObjectNode section(String mrkdwn) {
        ObjectNode block = JsonNodeFactory.instance.objectNode().put("type", "section");
        block.putObject("text").put("type", "mrkdwn").put("text", cut(mrkdwn, MAX_TEXT));
        return block;
    }

    private static ObjectNode context(String mrkdwn) {
        ObjectNode block = JsonNodeFactory.instance.objectNode().put("type", "context");
        block.putArray("elements").addObject().put("type", "mrkdwn").put("text", cut(mrkdwn, MAX_TEXT));
        return block;
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Slack mrkdwn control characters; everything else is shown as written. */
    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
