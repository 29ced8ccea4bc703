package dev.layerwatch.notify.routing;

import dev.layerwatch.common.finding.Severity;
import java.util.List;
import java.util.Set;

/**
 * Repositories matching any glob send to {@code channels} the findings at or above
 * {@code minSeverity}, optionally only those with a fix, never those whose id or alias is ignored.
 *
 * @param slackChannel the bot-API channel for this rule; null means the configured default
 */
public record RoutingRule(List<RepositoryGlob> repositories, Set<ChannelKind> channels, Severity minSeverity,
                          boolean onlyFixable, Set<String> ignoreIds, String slackChannel) {

    public RoutingRule {
        repositories = repositories == null || repositories.isEmpty() ? List.of(RepositoryGlob.of("**")) : List.copyOf(repositories);
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        minSeverity = minSeverity == null ? Severity.UNKNOWN : minSeverity;
        ignoreIds = ignoreIds == null ? Set.of() : Set.copyOf(ignoreIds);
    }

    /** The rule used when none is configured: everything to every configured channel. */
    public static RoutingRule everything(Set<ChannelKind> channels) {
        return new RoutingRule(List.of(), channels, Severity.UNKNOWN, false, Set.of(), null);
    }

    public boolean appliesTo(String registry, String repository) {
        return repositories.stream().anyMatch(g -> g.matches(registry, repository));
    }
}
