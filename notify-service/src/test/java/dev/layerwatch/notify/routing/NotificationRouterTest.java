package dev.layerwatch.notify.routing;

import static dev.layerwatch.notify.ScanFixtures.failedScan;
import static dev.layerwatch.notify.ScanFixtures.vulnerableScan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.common.finding.Severity;
import dev.layerwatch.common.finding.VulnerabilityFinding;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NotificationRouterTest {

    private static final Set<ChannelKind> ALL = Set.of(ChannelKind.SLACK, ChannelKind.JIRA, ChannelKind.WEBHOOK);

    private static NotificationRouter router(List<RoutingRule> rules, Set<ChannelKind> configured) {
        return new NotificationRouter(rules, configured, r -> r.slackChannel() == null ? "C-DEFAULT" : r.slackChannel());
    }

    private static RoutingRule rule(String glob, Set<ChannelKind> channels, Severity min, boolean onlyFixable, Set<String> ignore, String slack) {
        return new RoutingRule(List.of(RepositoryGlob.of(glob)), channels, min, onlyFixable, ignore, slack);
    }

    @Test
    void withoutRulesEveryConfiguredChannelGetsEverything() {
        List<Notification> out = router(List.of(), ALL).route(vulnerableScan("e1"));

        assertThat(out).extracting(n -> n.target().id()).containsExactly("slack:C-DEFAULT", "jira:jira", "webhook:webhook");
        assertThat(out).allSatisfy(n -> assertThat(n.vulnerabilities()).hasSize(3));
    }

    @Test
    void withNothingConfiguredEverythingGoesToTheLog() {
        List<Notification> out = router(List.of(rule("**", Set.of(ChannelKind.SLACK), Severity.HIGH, false, Set.of(), null)), Set.of())
                .route(vulnerableScan("e1"));

        assertThat(out).extracting(n -> n.target().id()).containsExactly("log:log");
    }

    @Test
    void ruleFiltersBySeverityFixabilityAndIgnoredIdsOrAliases() {
        RoutingRule strict = rule("shop/*", Set.of(ChannelKind.JIRA), Severity.HIGH, true, Set.of("DSA-5343-1"), null);

        List<Notification> out = router(List.of(strict), ALL).route(vulnerableScan("e1"));

        assertThat(out).singleElement().satisfies(n -> {
            assertThat(n.target().id()).isEqualTo("jira:jira");
            assertThat(n.vulnerabilities()).extracting(VulnerabilityFinding::id).containsExactly("CVE-2021-44228");
            assertThat(n.configFindings()).isEmpty();
            assertThat(n.secrets()).isEmpty();
        });
    }

    @Test
    void severalRulesForOneTargetUniteAndRulesForOtherRepositoriesDoNotApply() {
        RoutingRule critical = rule("shop/**", Set.of(ChannelKind.SLACK), Severity.CRITICAL, false, Set.of(), "C-SEC");
        RoutingRule lows = rule("registry.example.com/shop/payments", Set.of(ChannelKind.SLACK), Severity.LOW, false, Set.of("CVE-2023-0286"), "C-SEC");
        RoutingRule other = rule("billing/*", Set.of(ChannelKind.WEBHOOK), Severity.UNKNOWN, false, Set.of(), null);

        List<Notification> out = router(List.of(critical, lows, other), ALL).route(vulnerableScan("e1"));

        assertThat(out).singleElement().satisfies(n -> {
            assertThat(n.target().id()).isEqualTo("slack:C-SEC");
            assertThat(n.vulnerabilities()).extracting(VulnerabilityFinding::id).containsExactlyInAnyOrder("CVE-2021-44228", "CVE-2023-45853");
        });
    }

    @Test
    void failedScanGoesToChatAndWebhookButNeverToJira() {
        List<Notification> out = router(List.of(), ALL).route(failedScan("e2"));

        assertThat(out).extracting(n -> n.target().kind()).containsExactly(ChannelKind.SLACK, ChannelKind.WEBHOOK);
        assertThat(out).allSatisfy(n -> assertThat(n.failedScan()).isTrue());
    }

    @Test
    void withoutAnnouncedKeepsOnlyNewFindingsAndMarksFollowUp() {
        Notification n = router(List.of(), Set.of(ChannelKind.SLACK)).route(vulnerableScan("e1")).getFirst();
        Set<String> announced = Set.of("image", "v:fp-log4j-core-44228", "c:LW-CONFIG-ROOT-USER");

        Notification rest = n.without(announced);

        assertThat(rest.previouslyAnnounced()).isTrue();
        assertThat(rest.vulnerabilities()).extracting(VulnerabilityFinding::id).containsExactlyInAnyOrder("CVE-2023-0286", "CVE-2023-45853");
        assertThat(rest.configFindings()).isEmpty();
        assertThat(rest.secrets()).hasSize(1);
        assertThat(n.without(Set.of()).previouslyAnnounced()).isFalse();
    }

    @Test
    void vulnerabilitiesSortMostSeriousFirst() {
        Notification n = router(List.of(), Set.of(ChannelKind.SLACK)).route(vulnerableScan("e1")).getFirst();

        assertThat(n.vulnerabilitiesBySeverity()).extracting(VulnerabilityFinding::id)
                .containsExactly("CVE-2021-44228", "CVE-2023-0286", "CVE-2023-45853");
    }
}
