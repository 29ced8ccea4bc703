package dev.layerwatch.notify.pipeline;

import dev.layerwatch.common.finding.Severity;
import dev.layerwatch.notify.routing.ChannelKind;
import dev.layerwatch.notify.routing.RepositoryGlob;
import dev.layerwatch.notify.routing.RoutingRule;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Routing rules under {@code layerwatch.notify.routing.rules[n]}; none means every finding to every
 * configured channel.
 */
@ConfigurationProperties("layerwatch.notify.routing")
public record NotifyRoutingProperties(List<Rule> rules) {

    /**
     * @param repositories globs over {@code repository} or {@code registry/repository}; empty means all
     * @param channels     {@code slack}, {@code jira}, {@code webhook}; empty means all configured
     * @param slackChannel bot-API channel id for this rule's Slack messages
     */
    public record Rule(List<String> repositories, List<String> channels, Severity minSeverity, boolean onlyFixable,
                       List<String> ignoreIds, String slackChannel) {
    }

    public NotifyRoutingProperties {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public List<RoutingRule> toRules() {
        return rules.stream().map(r -> new RoutingRule(
                r.repositories() == null ? List.of() : r.repositories().stream().map(RepositoryGlob::of).toList(),
                r.channels() == null || r.channels().isEmpty()
                        ? java.util.EnumSet.of(ChannelKind.SLACK, ChannelKind.JIRA, ChannelKind.WEBHOOK)
                        : r.channels().stream().map(ChannelKind::parse).collect(Collectors.toSet()),
                r.minSeverity(), r.onlyFixable(),
                r.ignoreIds() == null ? null : java.util.Set.copyOf(r.ignoreIds()), r.slackChannel())).toList();
    }
}
