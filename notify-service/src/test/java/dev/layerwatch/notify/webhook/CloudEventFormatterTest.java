package dev.layerwatch.notify.webhook;

import static dev.layerwatch.notify.ScanFixtures.failedScan;
import static dev.layerwatch.notify.ScanFixtures.log4Shell;
import static dev.layerwatch.notify.ScanFixtures.vulnerableScan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.notify.GoldenJson;
import dev.layerwatch.notify.routing.ChannelKind;
import dev.layerwatch.notify.routing.Notification;
import dev.layerwatch.notify.routing.Target;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class CloudEventFormatterTest {

    private static final Target WEBHOOK = new Target(ChannelKind.WEBHOOK, "webhook");

    @Test
    void structuredCloudEventCarriesOnlyRoutedFindings() {
        Notification n = new Notification(WEBHOOK, vulnerableScan("evt-1"), List.of(log4Shell()), List.of(), List.of());

        ObjectNode event = new CloudEventFormatter("urn:layerwatch:notify-service").format(n, Instant.now());

        GoldenJson.assertMatches("cloudevent-scan-completed.json", event.toString(), "/time");
    }

    @Test
    void failedScanHasItsOwnType() {
        Notification n = new Notification(WEBHOOK, failedScan("evt-2"), List.of(), List.of(), List.of());

        ObjectNode event = new CloudEventFormatter("urn:x").format(n, Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(event.path("type").asString()).isEqualTo("dev.layerwatch.scan.failed");
        assertThat(event.at("/data/error").asString()).contains("HTTP 401");
    }
}
