package dev.layerwatch.engine.policy;

import dev.layerwatch.common.finding.VulnerabilityFinding;
import java.time.LocalDate;

/**
 * One {@code .layerwatchignore} entry.
 *
 * @param id      a vulnerability id; matches the finding's id or any alias
 * @param pkg     package name or purl (without version) it is limited to; null for every package
 * @param expires last day the rule suppresses; null for never
 * @param reason  the comment after {@code #}, kept for the report
 * @param line    line number in the file, for messages
 */
public record IgnoreRule(String id, String pkg, LocalDate expires, String reason, int line) {

    public boolean isExpired(LocalDate today) {
        return expires != null && today.isAfter(expires);
    }

    public boolean matches(VulnerabilityFinding f) {
        boolean idMatches = f.id().equalsIgnoreCase(id) || f.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(id));
        if (!idMatches) {
            return false;
        }
        if (pkg == null) {
            return true;
        }
        if (pkg.startsWith("pkg:")) {
            return f.pkg().purl() != null && (f.pkg().purl().equals(pkg) || f.pkg().purl().startsWith(pkg + "@"));
        }
        return f.pkg().name().equals(pkg);
    }
}
