package dev.layerwatch.notify.jira;

import static dev.layerwatch.notify.ScanFixtures.DIGEST_FIXED;
import static dev.layerwatch.notify.ScanFixtures.DIGEST_V2;
import static dev.layerwatch.notify.ScanFixtures.SCANNED_AT;
import static dev.layerwatch.notify.ScanFixtures.opensslHigh;
import static dev.layerwatch.notify.ScanFixtures.scan;
import static dev.layerwatch.notify.ScanFixtures.vulnerableScan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerwatch.common.event.ScanCompleted;
import dev.layerwatch.notify.FakeHttpServer;
import dev.layerwatch.notify.GoldenJson;
import dev.layerwatch.notify.RedisLedger;
import dev.layerwatch.notify.delivery.NotifyHttpTransport;
import dev.layerwatch.notify.delivery.RejectedDelivery;
import dev.layerwatch.notify.routing.ChannelKind;
import dev.layerwatch.notify.routing.Notification;
import dev.layerwatch.notify.routing.Target;
import dev.layerwatch.testkit.redis.RedisServerExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JiraNotifierIT {

    @RegisterExtension
    static RedisServerExtension redis = RedisServerExtension.shared();

    private final NotifyHttpTransport http = new NotifyHttpTransport(Duration.ofSeconds(2));
    private RedisLedger ledger;
    private FakeJiraApi jira;

    @BeforeEach
    void connect() {
        redis.flushAll();
        ledger = new RedisLedger(redis.host(), redis.port());
    }

    @AfterEach
    void close() {
        ledger.close();
        if (jira != null) {
            jira.close();
        }
    }

    private JiraNotifier notifier(JiraFlavor flavor, boolean closeWhenFixed) {
        jira = new FakeJiraApi(flavor);
        return new JiraNotifier(jira.properties(closeWhenFixed), http, ledger.ledger());
    }

    private static Notification all(ScanCompleted s) {
        return new Notification(new Target(ChannelKind.JIRA, "jira"), s, s.findings(), s.configFindings(), s.secrets());
    }

    private static ScanCompleted later(ScanCompleted s, Duration by) {
        return new ScanCompleted(s.eventId(), s.schemaVersion(), s.causationId(), s.status(), s.error(), s.registry(), s.repository(),
                s.tag(), s.digest(), s.manifestDigest(), s.platform(), s.os(), s.summary(), s.findings(), s.configFindings(),
                s.secrets(), s.warnings(), s.vulnDbVersion(), s.scannerVersion(), SCANNED_AT.plus(by));
    }

    @ParameterizedTest
    @EnumSource(JiraFlavor.class)
    void oneTicketPerVulnerabilityWithTheGoldenCreateBody(JiraFlavor flavor) {
        notifier(flavor, false).deliver(all(vulnerableScan("evt-1")));

        assertThat(jira.issues()).hasSize(3).allSatisfy(i -> assertThat(i.labels).contains("layerwatch", "container-scan"));
        FakeHttpServer.Request create = jira.server().requests(r -> r.path().equals(flavor.apiPath() + "/issue")
                && r.body().contains("CVE-2021-44228")).getFirst();
        GoldenJson.assertMatches(flavor == JiraFlavor.CLOUD ? "jira-cloud-create-log4j.json" : "jira-dc-create-log4j.json", create.body());
        assertThat(jira.server().requests(r -> r.path().equals(flavor.searchPath()))).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(JiraFlavor.class)
    void aSecondTagAddsCommentsNotTicketsAndOnlyOnce(JiraFlavor flavor) {
        JiraNotifier notifier = notifier(flavor, false);
        notifier.deliver(all(vulnerableScan("evt-1")));
        ScanCompleted secondTag = scan("evt-2", "1.4.3", DIGEST_V2, vulnerableScan("x").findings());

        notifier.deliver(all(secondTag));
        notifier.deliver(all(secondTag));

        assertThat(jira.issues()).hasSize(3).allSatisfy(i -> assertThat(i.comments).hasSize(1));
        assertThat(jira.issues().getFirst().comments.getFirst().toString()).contains("1.4.3@sha256:b2b2");
    }

    @ParameterizedTest
    @EnumSource(JiraFlavor.class)
    void jiraLabelsPreventDuplicatesWhenRedisWasFlushed(JiraFlavor flavor) {
        JiraNotifier notifier = notifier(flavor, false);
        jira.pageSize(1);
        notifier.deliver(all(vulnerableScan("evt-1")));
        redis.flushAll();

        notifier.deliver(all(vulnerableScan("evt-1b")));

        assertThat(jira.issues()).hasSize(3);
        assertThat(jira.server().requests(r -> r.path().equals(flavor.searchPath()))).hasSize(6);
    }

    @ParameterizedTest
    @EnumSource(JiraFlavor.class)
    void aFixedPushClosesWhatItNoLongerHasWhenEnabled(JiraFlavor flavor) {
        JiraNotifier notifier = notifier(flavor, true);
        jira.pageSize(1);
        notifier.deliver(all(vulnerableScan("evt-1")));

        notifier.deliver(all(later(scan("evt-9", "1.5.0", DIGEST_FIXED, List.of(opensslHigh())), Duration.ofHours(1))));

        assertThat(jira.issues()).hasSize(3);
        assertThat(jira.issues()).filteredOn(i -> i.status.equals("Done")).hasSize(2)
                .allSatisfy(i -> assertThat(i.comments.getLast().toString()).contains("No longer found in"));
        assertThat(jira.issues()).filteredOn(i -> i.fields.path("summary").asString().startsWith("CVE-2023-0286"))
                .singleElement().satisfies(i -> assertThat(i.status).isEqualTo("To Do"));
        if (flavor == JiraFlavor.CLOUD) {
            assertThat(jira.issues()).filteredOn(i -> i.status.equals("Done")).allSatisfy(i -> assertThat(i.resolution).isEqualTo("Fixed"));
        }
    }

    @ParameterizedTest
    @EnumSource(JiraFlavor.class)
    void anOlderScanArrivingLateClosesNothingAndClosingIsOptIn(JiraFlavor flavor) {
        JiraNotifier closing = notifier(flavor, true);
        closing.deliver(all(later(vulnerableScan("evt-1"), Duration.ofHours(2))));
        closing.deliver(all(scan("evt-0", "1.0.0", DIGEST_FIXED, List.of())));
        assertThat(jira.issues()).noneMatch(i -> i.status.equals("Done"));
        jira.close();
        redis.flushAll();

        JiraNotifier notClosing = notifier(flavor, false);
        notClosing.deliver(all(vulnerableScan("evt-1")));
        notClosing.deliver(all(later(scan("evt-9", "1.5.0", DIGEST_FIXED, List.of()), Duration.ofHours(3))));
        assertThat(jira.issues()).hasSize(3).noneMatch(i -> i.status.equals("Done"));
    }

    @ParameterizedTest
    @EnumSource(JiraFlavor.class)
    void fieldErrorsAreRejectionsWithJirasMessage(JiraFlavor flavor) {
        jira = new FakeJiraApi(flavor);
        JiraProperties p = jira.properties(false);
        JiraProperties badType = new JiraProperties(p.baseUrl(), p.flavor(), p.email(), p.apiToken(), p.personalAccessToken(),
                p.projectKey(), "Epic Saga", p.grouping(), p.priorities(), p.labels(), false, null, null);

        assertThatThrownBy(() -> new JiraNotifier(badType, http, ledger.ledger()).deliver(all(vulnerableScan("evt-1"))))
                .isInstanceOf(RejectedDelivery.class).hasMessageContaining("HTTP 400").hasMessageContaining("Specify a valid issue type");
        assertThat(jira.issues()).isEmpty();
    }
}
