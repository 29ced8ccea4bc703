package dev.layerwatch.notify.routing;

import dev.layerwatch.common.event.ScanCompleted;
import dev.layerwatch.common.finding.ConfigFinding;
import dev.layerwatch.common.finding.SecretFinding;
import dev.layerwatch.common.finding.Severity;
import dev.layerwatch.common.finding.VulnerabilityFinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns one scan into one {@link Notification} per target. A finding reaches a target when any rule
 * that applies to the repository and names the target's channel accepts it. Channels that are not
 * configured are dropped; when no channel is configured at all, everything goes to the log.
 */
public final class NotificationRouter {

    private final List<RoutingRule> rules;
    private final Set<ChannelKind> configured;
    private final Function<RoutingRule, String> slackDestination;

    /**
     * @param slackDestination the Slack destination a rule sends to ({@code webhook} or a channel id)
     */
    public NotificationRouter(List<RoutingRule> rules, Set<ChannelKind> configured, Function<RoutingRule, String> slackDestination) {
        this.configured = configured.isEmpty() ? Set.of(ChannelKind.LOG) : Set.copyOf(configured);
        this.rules = rules.isEmpty() ? List.of(RoutingRule.everything(this.configured)) : List.copyOf(rules);
        this.slackDestination = slackDestination;
    }

    public List<Notification> route(ScanCompleted scan) {
        Map<Target, List<RoutingRule>> byTarget = new LinkedHashMap<>();
        for (RoutingRule rule : rules) {
            if (!rule.appliesTo(scan.registry(), scan.repository())) {
                continue;
            }
            Set<ChannelKind> channels = configured.contains(ChannelKind.LOG) ? Set.of(ChannelKind.LOG) : rule.channels();
            for (ChannelKind kind : ChannelKind.values()) {
                if (channels.contains(kind) && configured.contains(kind)) {
                    byTarget.computeIfAbsent(new Target(kind, destination(kind, rule)), t -> new ArrayList<>()).add(rule);
                }
            }
        }
        List<Notification> out = new ArrayList<>();
        byTarget.forEach((target, matching) -> {
            if (scan.status() == ScanCompleted.Status.FAILED && target.kind() == ChannelKind.JIRA) {
                return; // a failed scan is news for chat and webhooks, not a ticket
            }
            out.add(new Notification(target, scan,
                    keep(scan.findings(), matching, NotificationRouter::acceptsVulnerability),
                    keep(scan.configFindings(), matching, (r, f) -> accepts(r, f.id(), f.severity()) && !r.onlyFixable()),
                    keep(scan.secrets(), matching, (r, f) -> accepts(r, f.ruleId(), f.severity()) && !r.onlyFixable())));
        });
        return out;
    }

    private String destination(ChannelKind kind, RoutingRule rule) {
        return switch (kind) {
            case SLACK -> slackDestination.apply(rule);
            case JIRA -> "jira";
            case WEBHOOK -> "webhook";
            case LOG -> "log";
        };
    }

    private static boolean acceptsVulnerability(RoutingRule rule, VulnerabilityFinding f) {
        if (!accepts(rule, f.id(), f.severity()) || f.aliases().stream().anyMatch(rule.ignoreIds()::contains)) {
            return false;
        }
        return !rule.onlyFixable() || f.fixable();
    }

    private static boolean accepts(RoutingRule rule, String id, Severity severity) {
        return severity.atLeast(rule.minSeverity()) && !rule.ignoreIds().contains(id);
    }

    private static <T> List<T> keep(List<T> findings, List<RoutingRule> rules, RulePredicate<T> accepts) {
        return findings.stream().filter(f -> rules.stream().anyMatch(r -> accepts.test(r, f))).toList();
    }

    @FunctionalInterface
    private interface RulePredicate<T> {
        boolean test(RoutingRule rule, T finding);
    }
}
