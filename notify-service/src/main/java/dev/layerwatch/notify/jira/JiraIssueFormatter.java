package dev.layerwatch.notify.jira;

import dev.layerwatch.common.event.ScanCompleted;
import dev.layerwatch.common.finding.VulnerabilityFinding;
import dev.layerwatch.notify.jira.JiraText.Span;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The create-issue fields, comments and transition bodies, in the flavor's text format. */
public final class JiraIssueFormatter {

    private static final int MAX_SUMMARY = 250;

    private final JiraProperties properties;

    public JiraIssueFormatter(JiraProperties properties) {
        this.properties = properties;
    }

    /** The body of {@code POST /issue}. */
    public ObjectNode createIssue(ScanCompleted scan, JiraTicket ticket) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode fields = body.putObject("fields");
        fields.putObject("project").put("key", properties.projectKey());
        fields.putObject("issuetype").put("name", properties.issueType());
        fields.put("summary", summary(scan, ticket));
        document(fields, "description", description(scan, ticket));
        Set<String> labels = new LinkedHashSet<>(List.of("layerwatch", ticket.fingerprintLabel(), ticket.repositoryLabel()));
        labels.addAll(properties.labels());
        labels.forEach(fields.putArray("labels")::add);
        String priority = properties.priorities().get(ticket.severity());
        if (priority != null) {
            fields.putObject("priority").put("name", priority);
        }
        return body;
    }

    /** The body of {@code POST /issue/{key}/comment} for a ticket seen again in another image. */
    public ObjectNode seenAgainComment(ScanCompleted scan, JiraTicket ticket) {
        JiraText text = new JiraText()
                .paragraph(Span.plain("Seen again in "), Span.code(scan.image().toString()),
                        Span.plain((scan.platform() == null ? "" : " (" + scan.platform() + ")") + "."))
                .bullets(findingItems(ticket.findings()));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        document(body, "body", text);
        return body;
    }

    /** The body of {@code POST /issue/{key}/transitions} closing a ticket the newest scan no longer shows. */
    public ObjectNode closeTransition(String transitionId, ScanCompleted scan) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("transition").put("id", transitionId);
        if (properties.resolution() != null) {
            body.putObject("fields").putObject("resolution").put("name", properties.resolution());
        }
        JiraText text = new JiraText().paragraph(Span.plain("No longer found in "), Span.code(scan.image().toString()),
                Span.plain(", scanned " + scan.scannedAt() + "."));
        ObjectNode comment = body.putObject("update").putArray("comment").addObject().putObject("add");
        document(comment, "body", text);
        return body;
    }

    String summary(ScanCompleted scan, JiraTicket ticket) {
        String repository = scan.registry() + "/" + scan.repository();
        String summary;
        if (ticket.vulnerabilityId() != null) {
            VulnerabilityFinding first = ticket.findings().getFirst();
            String pkgs = ticket.findings().size() == 1 ? first.pkg().name() + " " + first.pkg().version()
                    : first.pkg().name() + " and " + (ticket.findings().size() - 1) + " more packages";
            summary = ticket.vulnerabilityId() + " in " + pkgs + " (" + repository + ")";
        } else {
            summary = ticket.findings().size() + " vulnerabilities in " + scan.image();
        }
        return summary.length() <= MAX_SUMMARY ? summary : summary.substring(0, MAX_SUMMARY - 1) + "…";
    }

    private JiraText description(ScanCompleted scan, JiraTicket ticket) {
        JiraText text = new JiraText()
                .paragraph(Span.strong("Image: "), Span.code(scan.image().toString()))
                .paragraph(Span.strong("Highest severity: "), Span.plain(ticket.severity().name()));
        if (ticket.vulnerabilityId() != null) {
            VulnerabilityFinding first = ticket.findings().getFirst();
            if (first.title() != null && !first.title().isBlank()) {
                text.paragraph(Span.plain(first.title()));
            }
            if (!first.aliases().isEmpty()) {
                text.paragraph(Span.strong("Aliases: "), Span.plain(String.join(", ", first.aliases())));
            }
        }
        text.bullets(findingItems(ticket.findings()));
        if (!scan.vulnerabilityStatus().checked()) {
            text.paragraph(Span.strong("Vulnerabilities not fully checked: "), Span.plain(scan.vulnerabilityStatus().detail()));
        }
        if (!scan.outcome().complete()) {
            text.paragraph(Span.strong("Scan incomplete: "), Span.plain(scan.outcome().describe()));
        }
        text.paragraph(Span.plain("Filed by Layerwatch; the label "), Span.code(ticket.fingerprintLabel()),
                Span.plain(" identifies this ticket, keep it."));
        return text;
    }

    private static List<List<Span>> findingItems(List<VulnerabilityFinding> findings) {
        List<List<Span>> items = new ArrayList<>();
        for (VulnerabilityFinding f : findings) {
            String fixed = f.fixable() ? String.join(", ", f.fixedVersions()) : "no fix yet";
            List<Span> item = new ArrayList<>(List.of(Span.strong(f.id()), Span.plain(" " + f.severity() + " in "), Span.code(f.pkg().name()),
                    Span.plain(" " + f.pkg().version() + " → " + fixed)));
            if (f.pkg().location() != null) {
                item.add(Span.plain(" at "));
                item.add(Span.code(f.pkg().location()));
            }
            items.add(item);
        }
        return items;
    }

    private void document(ObjectNode parent, String field, JiraText text) {
        if (properties.flavor() == JiraFlavor.CLOUD) {
            parent.set(field, text.toAdf());
        } else {
            parent.put(field, text.toWiki());
        }
    }
}
