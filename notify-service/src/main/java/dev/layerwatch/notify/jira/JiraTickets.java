package dev.layerwatch.notify.jira;

import dev.layerwatch.common.event.ScanCompleted;
import dev.layerwatch.common.finding.VulnerabilityFinding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups a scan's vulnerabilities into tickets. The fingerprint label hashes the group key
 * (repository and vulnerability id, or repository and digest), so the same group always finds the
 * same ticket, whatever tag or digest it is seen in, and Jira labels stay short and space-free.
 */
public final class JiraTickets {

    private JiraTickets() {
    }

    public static List<JiraTicket> of(ScanCompleted scan, List<VulnerabilityFinding> findings, JiraGrouping grouping) {
        String repository = scan.registry() + "/" + scan.repository();
        String repoLabel = repositoryLabel(scan);
        if (findings.isEmpty()) {
            return List.of();
        }
        if (grouping == JiraGrouping.IMAGE) {
            String imageKey = repository + "@" + (scan.digest() != null ? scan.digest().toString() : scan.tag());
            return List.of(new JiraTicket("lw-fp-" + hash(imageKey), repoLabel, null, findings));
        }
        Map<String, List<VulnerabilityFinding>> byId = new LinkedHashMap<>();
        findings.forEach(f -> byId.computeIfAbsent(f.id(), id -> new ArrayList<>()).add(f));
        List<JiraTicket> tickets = new ArrayList<>();
        byId.forEach((id, group) -> tickets.add(new JiraTicket("lw-fp-" + hash(repository + "|" + id), repoLabel, id, group)));
        return tickets;
    }

    public static String repositoryLabel(ScanCompleted scan) {
        return "lw-repo-" + hash(scan.registry() + "/" + scan.repository()).substring(0, 16);
    }

    static String hash(String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }
}
