package dev.layerwatch.notify.jira;

import dev.layerwatch.common.finding.Severity;
import dev.layerwatch.common.finding.VulnerabilityFinding;
import java.util.List;

/**
 * What one ticket is about: the findings of one group and the label that finds it again.
 *
 * @param fingerprintLabel {@code lw-fp-<hash of the group key>}, the JQL handle that prevents duplicates
 * @param repositoryLabel  {@code lw-repo-<hash of registry/repository>}, to find a repository's open tickets
 * @param vulnerabilityId  the vulnerability when grouped per repository, null when grouped per image
 */
public record JiraTicket(String fingerprintLabel, String repositoryLabel, String vulnerabilityId, List<VulnerabilityFinding> findings) {

    public Severity severity() {
        return findings.stream().map(VulnerabilityFinding::severity).max(Severity::compareTo).orElse(Severity.UNKNOWN);
    }
}
