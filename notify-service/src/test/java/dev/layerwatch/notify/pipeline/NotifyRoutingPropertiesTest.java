package dev.layerwatch.notify.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.common.finding.Severity;
import dev.layerwatch.notify.jira.JiraFlavor;
import dev.layerwatch.notify.jira.JiraGrouping;
import dev.layerwatch.notify.jira.JiraProperties;
import dev.layerwatch.notify.routing.ChannelKind;
import dev.layerwatch.notify.routing.RoutingRule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The README's configuration forms bind to the property records. */
class NotifyRoutingPropertiesTest {

    private static Binder binder(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values));
    }

    @Test
    void routingRulesBindFromRelaxedNames() {
        NotifyRoutingProperties props = binder(Map.of(
                "layerwatch.notify.routing.rules[0].repositories[0]", "prod/**",
                "layerwatch.notify.routing.rules[0].channels", "slack,jira",
                "layerwatch.notify.routing.rules[0].min-severity", "high",
                "layerwatch.notify.routing.rules[0].only-fixable", "true",
                "layerwatch.notify.routing.rules[0].ignore-ids", "CVE-2023-45853",
                "layerwatch.notify.routing.rules[0].slack-channel", "C0PROD",
                "layerwatch.notify.routing.rules[1].min-severity", "CRITICAL"))
                .bind("layerwatch.notify.routing", NotifyRoutingProperties.class).get();

        List<RoutingRule> rules = props.toRules();

        assertThat(rules).hasSize(2);
        assertThat(rules.get(0).channels()).containsExactlyInAnyOrder(ChannelKind.SLACK, ChannelKind.JIRA);
        assertThat(rules.get(0).minSeverity()).isEqualTo(Severity.HIGH);
        assertThat(rules.get(0).onlyFixable()).isTrue();
        assertThat(rules.get(0).ignoreIds()).containsExactly("CVE-2023-45853");
        assertThat(rules.get(0).slackChannel()).isEqualTo("C0PROD");
        assertThat(rules.get(0).appliesTo("r.example.com", "prod/api")).isTrue();
        assertThat(rules.get(0).appliesTo("r.example.com", "dev/api")).isFalse();
        assertThat(rules.get(1).channels()).containsExactlyInAnyOrder(ChannelKind.SLACK, ChannelKind.JIRA, ChannelKind.WEBHOOK);
        assertThat(rules.get(1).appliesTo("r.example.com", "anything/at/all")).isTrue();
    }

    @Test
    void jiraPropertiesBindWithSeverityKeyedPriorities() {
        JiraProperties jira = binder(Map.of(
                "layerwatch.notify.jira.base-url", "https://acme.atlassian.net",
                "layerwatch.notify.jira.flavor", "data-center",
                "layerwatch.notify.jira.personal-access-token", "pat",
                "layerwatch.notify.jira.project-key", "SEC",
                "layerwatch.notify.jira.grouping", "image",
                "layerwatch.notify.jira.priorities.CRITICAL", "P1",
                "layerwatch.notify.jira.labels", "container-scan,prod",
                "layerwatch.notify.jira.close-when-fixed", "true"))
                .bind("layerwatch.notify.jira", JiraProperties.class).get();

        assertThat(jira.flavor()).isEqualTo(JiraFlavor.DATA_CENTER);
        assertThat(jira.grouping()).isEqualTo(JiraGrouping.IMAGE);
        assertThat(jira.priorities()).containsExactly(Map.entry(Severity.CRITICAL, "P1"));
        assertThat(jira.labels()).containsExactly("container-scan", "prod");
        assertThat(jira.closeWhenFixed()).isTrue();
        assertThat(jira.closeTransition()).isEqualTo("Done");
        assertThat(jira.configured()).isTrue();
        assertThat(jira.flavor().authorization(jira)).isEqualTo("Bearer pat");
    }
}
