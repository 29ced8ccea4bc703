package dev.layerwatch.notify.slack;

import static dev.layerwatch.notify.ScanFixtures.failedScan;
import static dev.layerwatch.notify.ScanFixtures.vulnerableScan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.common.event.ScanCompleted;
import dev.layerwatch.common.finding.ConfigFinding;
import dev.layerwatch.common.finding.PackageRef;
import dev.layerwatch.common.finding.Severity;
import dev.layerwatch.common.finding.VulnerabilityFinding;
import dev.layerwatch.notify.GoldenJson;
import dev.layerwatch.notify.ScanFixtures;
import dev.layerwatch.notify.routing.ChannelKind;
import dev.layerwatch.notify.routing.Notification;
import dev.layerwatch.notify.routing.Target;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SlackMessageFormatterTest {

    private static final SlackProperties WITH_REPORT = new SlackProperties(URI.create("http://127.0.0.1/hook"), null, null, null,
            "https://layerwatch.example.com/reports/{repository}@{digest}", 0);

    private static Notification all(ScanCompleted scan) {
        return new Notification(new Target(ChannelKind.SLACK, "webhook"), scan, scan.findings(), scan.configFindings(), scan.secrets());
    }

    @Test
    void vulnerableImageIsOneBlockKitMessageMatchingGolden() {
        SlackMessage message = new SlackMessageFormatter(WITH_REPORT).format(all(vulnerableScan("evt-1")), false);

        GoldenJson.assertMatches("slack-webhook-vulnerable.json", message.webhookBody().toString());
    }

    @Test
    void failedScanIsAShortMessageMatchingGolden() {
        SlackMessage message = new SlackMessageFormatter(WITH_REPORT).format(all(failedScan("evt-2")), false);

        GoldenJson.assertMatches("slack-postmessage-failed.json", message.postMessageBody("C0SEC", null).toString());
    }

    @Test
    void followUpSaysNewAndThreadsUnderTheFirstMessage() {
        SlackMessage message = new SlackMessageFormatter(WITH_REPORT).format(all(vulnerableScan("evt-1")), true);

        JsonNode body = message.postMessageBody("C0SEC", "1700000000.000100");
        assertThat(body.at("/blocks/0/text/text").asString()).startsWith("New findings in registry.example.com/shop/payments:1.4.2");
        assertThat(body.at("/thread_ts").asString()).isEqualTo("1700000000.000100");
        assertThat(message.text()).endsWith("(new since the last message)");
    }

    @Test
    void hugeScanStaysWithinBlockKitLimitsWithMoreLines() {
        List<VulnerabilityFinding> many = IntStream.range(0, 120).mapToObj(i -> new VulnerabilityFinding("CVE-2024-" + (10000 + i), List.of(),
                new PackageRef("pkg-" + i, "1." + i, "npm", null), List.of("2." + i), Severity.HIGH, null,
                "x".repeat(4000), "osv:npm", null, "fp-" + i)).toList();
        List<ConfigFinding> checks = new ArrayList<>();
        IntStream.range(0, 40).forEach(i -> checks.add(new ConfigFinding("LW-CONFIG-" + i, Severity.LOW, "y".repeat(400), null)));
        ScanCompleted big = ScanFixtures.scan("evt-big", "t".repeat(128), ScanFixtures.DIGEST_V1, many);
        Notification n = new Notification(new Target(ChannelKind.SLACK, "webhook"), big, many, checks, big.secrets());

        JsonNode body = new SlackMessageFormatter(new SlackProperties(null, "xoxb-1", "C1", null, null, 100)).format(n, false).webhookBody();

        assertThat(body.at("/blocks").size()).isLessThanOrEqualTo(50);
        assertThat(body.at("/blocks/0/text/text").asString()).hasSizeLessThanOrEqualTo(150).endsWith("…");
        for (JsonNode block : body.at("/blocks")) {
            assertThat(block.at("/text/text").asString("")).hasSizeLessThanOrEqualTo(3000);
        }
        assertThat(body.toString()).contains("+80 more vulnerabilities").contains("*Image checks* (40)").containsPattern("\\\\n\\+\\d+ more\"");
    }

    @Test
    void mrkdwnControlCharactersAreEscaped() {
        VulnerabilityFinding sneaky = new VulnerabilityFinding("CVE-2024-0001", List.of(),
                new PackageRef("evil<@U123>&co", "1.0", "npm", null), List.of(), Severity.MEDIUM, null, "<!channel> ping", "osv:npm", null, "fp-x");
        ScanCompleted scan = ScanFixtures.scan("evt-x", "1.0", ScanFixtures.DIGEST_V1, List.of(sneaky));

        String body = new SlackMessageFormatter(WITH_REPORT).format(all(scan), false).webhookBody().toString();

        assertThat(body).contains("evil&lt;@U123&gt;&amp;co").contains("&lt;!channel&gt; ping").doesNotContain("<!channel>");
    }
}
