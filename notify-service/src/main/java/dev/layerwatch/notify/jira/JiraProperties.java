package dev.layerwatch.notify.jira;

import dev.layerwatch.common.finding.Severity;
import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Jira settings under {@code layerwatch.notify.jira}.
 *
 * @param baseUrl             site URL, e.g. {@code https://acme.atlassian.net}
 * @param flavor              {@code CLOUD} (REST v3, basic email + API token) or {@code DATA_CENTER} (REST v2, PAT)
 * @param email               Cloud account email
 * @param apiToken            Cloud API token
 * @param personalAccessToken Data Center personal access token
 * @param projectKey          project to file tickets in
 * @param issueType           issue type name, {@code Bug} by default
 * @param grouping            {@code REPOSITORY} (one ticket per repository and vulnerability, the default) or {@code IMAGE}
 * @param priorities          Jira priority name per severity; unmapped severities leave priority unset
 * @param labels              extra labels on every ticket
 * @param closeWhenFixed      opt-in: transition a ticket when a newer scan of its repository no longer has the vulnerability
 * @param closeTransition     the transition's name, {@code Done} by default (looked up per ticket: ids depend on the workflow)
 * @param resolution          resolution name sent with the transition, e.g. {@code Fixed}; null sends none
 */
@ConfigurationProperties("layerwatch.notify.jira")
public record JiraProperties(URI baseUrl, JiraFlavor flavor, String email, String apiToken, String personalAccessToken,
                             String projectKey, String issueType, JiraGrouping grouping, Map<Severity, String> priorities,
                             List<String> labels, boolean closeWhenFixed, String closeTransition, String resolution) {

    public JiraProperties {
        baseUrl = baseUrl == null || baseUrl.toString().isBlank() ? null : baseUrl;
        flavor = flavor == null ? JiraFlavor.CLOUD : flavor;
        issueType = issueType == null || issueType.isBlank() ? "Bug" : issueType;
        grouping = grouping == null ? JiraGrouping.REPOSITORY : grouping;
        priorities = priorities == null || priorities.isEmpty() ? defaultPriorities() : Map.copyOf(priorities);
        labels = labels == null ? List.of() : List.copyOf(labels);
        closeTransition = closeTransition == null || closeTransition.isBlank() ? "Done" : closeTransition;
        resolution = resolution == null || resolution.isBlank() ? null : resolution;
    }

    public boolean configured() {
        return baseUrl != null && projectKey != null && !projectKey.isBlank();
    }

    private static Map<Severity, String> defaultPriorities() {
        Map<Severity, String> m = new EnumMap<>(Severity.class);
        m.put(Severity.CRITICAL, "Highest");
        m.put(Severity.HIGH, "High");
        m.put(Severity.MEDIUM, "Medium");
        m.put(Severity.LOW, "Low");
        m.put(Severity.NEGLIGIBLE, "Lowest");
        return m;
    }
}
