package dev.layerwatch.notify;

import static dev.layerwatch.notify.ScanFixtures.scan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.common.event.ScanCompleted;
import dev.layerwatch.common.event.ScanOutcome;
import dev.layerwatch.common.event.VulnerabilityStatus;
import dev.layerwatch.common.finding.PackageRef;
import dev.layerwatch.common.finding.VulnerabilityFinding;
import dev.layerwatch.common.image.Digest;
import dev.layerwatch.notify.log.LogNotifier;
import dev.layerwatch.notify.routing.ChannelKind;
import dev.layerwatch.notify.routing.Notification;
import dev.layerwatch.notify.routing.Target;
import dev.layerwatch.notify.slack.SlackMessage;
import dev.layerwatch.notify.slack.SlackMessageFormatter;
import dev.layerwatch.notify.slack.SlackProperties;
import dev.layerwatch.notify.webhook.CloudEventFormatter;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Silence means safe: a scan without a DB, an incomplete scan and a failed scan never read as "no vulnerabilities". */
class HonestStatusRenderingTest {

    private static final SlackProperties SLACK = new SlackProperties(URI.create("http://127.0.0.1/hook"), null, null, null, null, 0);
    private static final Digest DIGEST = Digest.parse("sha256:" + "c3".repeat(32));

    private static ScanCompleted with(ScanCompleted s, List<VulnerabilityFinding> findings, ScanOutcome outcome, VulnerabilityStatus status) {
        return new ScanCompleted(s.eventId(), s.schemaVersion(), s.causationId(), s.status(), s.error(), s.registry(), s.repository(),
                s.tag(), s.digest(), s.manifestDigest(), s.platform(), s.os(), s.summary(), findings, List.of(), List.of(), s.warnings(),
                status.snapshotVersion(), s.scannerVersion(), s.scannedAt(), outcome, status, s.pushReceivedAt());
    }

    private static Notification to(ChannelKind kind, ScanCompleted s) {
        return new Notification(new Target(kind, kind.name().toLowerCase()), s, s.findings(), s.configFindings(), s.secrets());
    }

    private static ScanCompleted notChecked() {
        return with(scan("e-nodb", "1.0", DIGEST, List.of()), List.of(), ScanOutcome.COMPLETE,
                VulnerabilityStatus.notReady("the first update from the feeds is running"));
    }

    @Test
    void noDbIsNotCheckedInSlackLogAndCloudEvents() {
        ScanCompleted scan = notChecked();

        SlackMessage slack = new SlackMessageFormatter(SLACK).format(to(ChannelKind.SLACK, scan), false);
        String body = slack.webhookBody().toString();
        assertThat(body).doesNotContain("No vulnerabilities").doesNotContain("no vulnerabilities")
                .contains("Not checked for vulnerabilities").contains("vulnerability DB not ready yet");
        assertThat(slack.text()).contains("vulnerabilities not checked");

        assertThat(String.join("\n", LogNotifier.lines(to(ChannelKind.LOG, scan))))
                .contains("vulnerabilities NOT CHECKED: vulnerability DB not ready yet");

        ObjectNode event = new CloudEventFormatter("urn:x").format(to(ChannelKind.WEBHOOK, scan), Instant.now());
        assertThat(event.get("layerwatchvulnstatus").asString()).isEqualTo("not_checked");
        assertThat(event.at("/data/vulnerabilityStatus/reason").asString()).isEqualTo("DB_NOT_READY");
    }

    @Test
    void incompleteScanNamesTheLayerAndReason() {
        String layer = "sha256:" + "d4".repeat(32);
        ScanCompleted scan = with(scan("e-inc", "1.0", DIGEST, List.of()), List.of(),
                ScanOutcome.of(List.of(new ScanOutcome.LayerProblem(layer, "digest mismatch"))), VulnerabilityStatus.checked("v1", null));

        String body = new SlackMessageFormatter(SLACK).format(to(ChannelKind.SLACK, scan), false).webhookBody().toString();

        assertThat(body).doesNotContain("No vulnerabilities").contains("Scan incomplete").contains(layer).contains("digest mismatch");
        ObjectNode event = new CloudEventFormatter("urn:x").format(to(ChannelKind.WEBHOOK, scan), Instant.now());
        assertThat(event.get("layerwatchoutcome").asString()).isEqualTo("incomplete");
    }

    @Test
    void failedScanSaysWhySince() {
        Instant since = Instant.parse("2026-12-03T17:00:00Z");
        ScanCompleted base = scan("e-fail", "1.0", DIGEST, List.of());
        ScanCompleted failed = new ScanCompleted(base.eventId(), base.schemaVersion(), base.causationId(), ScanCompleted.Status.FAILED,
                "registry 127.0.0.1:5000 unreachable (12 attempts)", base.registry(), base.repository(), base.tag(), base.digest(), null,
                null, null, null, List.of(), List.of(), List.of(), List.of(), null, base.scannerVersion(), base.scannedAt(),
                ScanOutcome.failed("registry 127.0.0.1:5000 unreachable", since), VulnerabilityStatus.scanFailed(), null);

        SlackMessage slack = new SlackMessageFormatter(SLACK).format(to(ChannelKind.SLACK, failed), false);

        assertThat(slack.text()).contains("scan failed: registry 127.0.0.1:5000 unreachable since 2026-12-03T17:00:00Z");
    }

    @Test
    void copiesOfOnePackageVersionAreOneEntryListingTheirPaths() {
        String layer = "sha256:" + "e5".repeat(32);
        List<VulnerabilityFinding> copies = List.of("/app/app.jar!/BOOT-INF/lib/log4j-core-2.14.1.jar", "/opt/lib/log4j-core-2.14.1.jar")
                .stream().map(path -> new VulnerabilityFinding("CVE-2021-44228", List.of(),
                        new PackageRef("org.apache.logging.log4j:log4j-core", "2.14.1", "maven", "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", path),
                        List.of("2.15.0"), dev.layerwatch.common.finding.Severity.CRITICAL, null, "Log4Shell", "osv:Maven", layer, "fp-" + path))
                .toList();
        ScanCompleted scan = with(scan("e-copies", "1.0", DIGEST, copies), copies, ScanOutcome.COMPLETE, VulnerabilityStatus.checked("v1", null));

        String body = new SlackMessageFormatter(SLACK).format(to(ChannelKind.SLACK, scan), false).webhookBody().toString();

        assertThat(body.split("CVE-2021-44228", -1)).hasSize(2);
        assertThat(body).contains("/app/app.jar!/BOOT-INF/lib/log4j-core-2.14.1.jar").contains("/opt/lib/log4j-core-2.14.1.jar")
                .contains("e5e5e5e5e5e5");
    }
}
