package dev.layerwatch.common.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerwatch.common.finding.ConfigFinding;
import dev.layerwatch.common.finding.Cvss;
import dev.layerwatch.common.finding.PackageRef;
import dev.layerwatch.common.finding.SecretFinding;
import dev.layerwatch.common.finding.Severity;
import dev.layerwatch.common.finding.SeverityCounts;
import dev.layerwatch.common.finding.VulnerabilityFinding;
import dev.layerwatch.common.image.Digest;
import dev.layerwatch.common.image.ImageReference;
import dev.layerwatch.common.image.Platform;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    private static final Digest DIGEST = Digest.parse("sha256:" + "ab".repeat(32));
    private static final Instant AT = Instant.parse("2026-12-03T10:15:30.123Z");

    static ImagePushed pushed() {
        return new ImagePushed("evt-1", ImagePushed.SCHEMA_VERSION, "distribution", "src-9", "registry.example.com", "team/app",
                "1.0", DIGEST, "application/vnd.oci.image.manifest.v1+json", AT);
    }

    static ScanCompleted completed() {
        VulnerabilityFinding finding = new VulnerabilityFinding("CVE-2021-44228", List.of("GHSA-jfh8-c2jp-5v3q"),
                new PackageRef("org.apache.logging.log4j:log4j-core", "2.14.1", "maven",
                        "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", "/app/app.jar"),
                List.of("2.15.0"), Severity.CRITICAL, new Cvss("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0),
                "Log4Shell", "osv:Maven", DIGEST.toString(), "fp-1");
        return new ScanCompleted("evt-2", ScanCompleted.SCHEMA_VERSION, "evt-1", ScanCompleted.Status.SUCCEEDED, null,
                "registry.example.com", "team/app", "1.0", DIGEST, DIGEST, Platform.parse("linux/arm64/v8"),
                new OsSummary("debian", "12", "Debian GNU/Linux 12 (bookworm)", false, LocalDate.of(2028, 6, 30)),
                new ScanSummary(120, 4, SeverityCounts.of(List.of(Severity.CRITICAL)), 1, 1), List.of(finding),
                List.of(new ConfigFinding("LW-CONFIG-ROOT-USER", Severity.MEDIUM, "Runs as root", "User is empty")),
                List.of(new SecretFinding("aws-access-key", Severity.HIGH, "AWS access key", "/app/.env", 3, DIGEST.toString(), "AKIA****")),
                List.of("layer x: a warning"), "20261203T000000Z", "layerwatch/test", AT);
    }

    @Test
    void imagePushedRoundTripsAndKeepsOneImageOnOnePartition() {
        ImagePushed event = pushed();
        String json = EventJson.writeString(event);
        assertThat(json).contains("\"digest\":\"" + DIGEST + "\"").contains("\"receivedAt\":\"2026-12-03T10:15:30.123Z\"");
        assertThat(EventJson.read(json, ImagePushed.class)).isEqualTo(event);
        assertThat(EventJson.read(EventJson.write(event), ImagePushed.class)).isEqualTo(event);
        assertThat(event.key()).isEqualTo("registry.example.com/team/app@" + DIGEST);
        assertThat(event.image()).isEqualTo(ImageReference.parse("registry.example.com/team/app:1.0@" + DIGEST));
    }

    @Test
    void scanCompletedRoundTripsWithEveryPart() {
        ScanCompleted event = completed();
        String json = EventJson.writeString(event);
        assertThat(json).contains("\"package\":{").contains("\"platform\":\"linux/arm64/v8\"").contains("\"eolDate\":\"2028-06-30\"");
        assertThat(EventJson.read(json, ScanCompleted.class)).isEqualTo(event);
    }

    @Test
    void unknownFieldsAreIgnoredButAnInvalidValueFailsTheRead() {
        String json = EventJson.writeString(pushed());
        String newer = json.replaceFirst("\\{", "{\"addedInV1_1\":{\"x\":1},");
        assertThat(EventJson.read(newer, ImagePushed.class)).isEqualTo(pushed());
        String badDigest = json.replace(DIGEST.toString(), "sha256:nothex");
        assertThatThrownBy(() -> EventJson.read(badDigest, ImagePushed.class)).isInstanceOf(RuntimeException.class);
        String badRepo = json.replace("team/app", "Team/App");
        assertThatThrownBy(() -> EventJson.read(badRepo, ImagePushed.class)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void eventsValidateOnConstruction() {
        assertThatThrownBy(() -> new ImagePushed("", 1, "s", null, "r.io", "a", "1", null, null, AT)).hasMessageContaining("eventId");
        assertThatThrownBy(() -> new ImagePushed("e", 1, " ", null, "r.io", "a", "1", null, null, AT)).hasMessageContaining("source");
        assertThatThrownBy(() -> new ImagePushed("e", 1, "s", null, "r.io", "a", "1", null, null, null)).hasMessageContaining("receivedAt");
        assertThatThrownBy(() -> new ImagePushed("e", 1, "s", null, "r.io", "a", null, null, null, AT)).hasMessageContaining("tag or a digest");
        ScanCompleted ok = completed();
        assertThatThrownBy(() -> new ScanCompleted("e", 1, null, ScanCompleted.Status.FAILED, " ", ok.registry(), ok.repository(), ok.tag(),
                ok.digest(), null, null, null, ok.summary(), null, null, null, null, null, null, AT)).hasMessageContaining("must say why");
        ImagePushed created = ImagePushed.create("quay", null, ImageReference.parse("quay.io/a/b:1"), null, AT);
        assertThat(created.eventId()).isNotBlank().isNotEqualTo(ImagePushed.create("quay", null, created.image(), null, AT).eventId());
        assertThat(Topics.retry(Topics.SCAN_COMPLETED)).isEqualTo("scan-completed.v1.retry");
        assertThat(Topics.deadLetter(Topics.IMAGE_PUSHED)).isEqualTo("image-pushed.v1.dlq");
    }
}
