package dev.layerwatch.common.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerwatch.common.finding.SeverityCounts;
import dev.layerwatch.common.image.Digest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ScanCompletedJsonTest {

    private static final Digest DIGEST = Digest.parse("sha256:" + "a".repeat(64));
    private static final Instant AT = Instant.parse("2026-12-03T10:15:30Z");

    private static ScanCompleted scan(ScanCompleted.Status status, String error, String dbVersion, ScanOutcome outcome,
                                      VulnerabilityStatus vulnStatus) {
        return new ScanCompleted("e-1", ScanCompleted.SCHEMA_VERSION, "push-1", status, error, "localhost:5000", "team/app", "1.0",
                DIGEST, null, null, null, new ScanSummary(3, 2, SeverityCounts.NONE, 0, 0), List.of(), List.of(), List.of(),
                List.of(), dbVersion, "layerwatch/test", AT, outcome, vulnStatus, AT.minusSeconds(5));
    }

    @Test
    void incompleteAndNotCheckedSurviveARoundTrip() {
        ScanOutcome incomplete = ScanOutcome.of(List.of(new ScanOutcome.LayerProblem("sha256:" + "b".repeat(64), "corrupt gzip stream")));
        ScanCompleted original = scan(ScanCompleted.Status.SUCCEEDED, null, null, incomplete, VulnerabilityStatus.notReady("first update running"));

        String json = EventJson.writeString(original);
        ScanCompleted read = EventJson.read(json, ScanCompleted.class);

        assertThat(read).isEqualTo(original);
        JsonNode tree = EventJson.mapper().readTree(json);
        assertThat(tree.get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(tree.at("/outcome/result").asString()).isEqualTo("INCOMPLETE");
        assertThat(tree.at("/outcome/incompleteLayers/0/reason").asString()).isEqualTo("corrupt gzip stream");
        assertThat(tree.at("/vulnerabilityStatus/state").asString()).isEqualTo("NOT_CHECKED");
        assertThat(tree.at("/vulnerabilityStatus/reason").asString()).isEqualTo("DB_NOT_READY");
        assertThat(tree.at("/vulnerabilityStatus/detail").asString()).isEqualTo("vulnerability DB not ready yet: first update running");
        assertThat(read.trustworthyAllClear()).isFalse();
    }

    @Test
    void failedKeepsWhyAndSince() {
        Instant since = AT.minus(Duration.ofHours(1));
        ScanCompleted original = scan(ScanCompleted.Status.FAILED, "registry localhost:5000 unreachable", null,
                ScanOutcome.failed("registry localhost:5000 unreachable", since), VulnerabilityStatus.noDb());

        ScanCompleted read = EventJson.read(EventJson.write(original), ScanCompleted.class);

        assertThat(read.outcome().failingSince()).isEqualTo(since);
        assertThat(read.outcome().describe()).isEqualTo("scan failed: registry localhost:5000 unreachable since " + since);
    }

    @Test
    void aSchemaOneRecordIsNeverReadAsChecked() {
        ScanCompleted v2 = scan(ScanCompleted.Status.SUCCEEDED, null, null, null, null);
        tools.jackson.databind.node.ObjectNode tree = (tools.jackson.databind.node.ObjectNode) EventJson.mapper().valueToTree(v2);
        tree.remove("outcome");
        tree.remove("vulnerabilityStatus");
        tree.put("schemaVersion", 1);

        ScanCompleted read = EventJson.read(tree.toString(), ScanCompleted.class);

        assertThat(read.vulnerabilityStatus().state()).isEqualTo(VulnerabilityStatus.State.NOT_CHECKED);
        assertThat(read.vulnerabilityStatus().reason()).isEqualTo(VulnerabilityStatus.Reason.NO_DB);
        assertThat(read.outcome().result()).isEqualTo(ScanOutcome.Result.COMPLETE);

        tree.put("vulnDbVersion", "2026-12-01T00:00:00Z");
        assertThat(EventJson.read(tree.toString(), ScanCompleted.class).vulnerabilityStatus().checked()).isTrue();
    }

    @Test
    void statusAndOutcomeMustAgree() {
        assertThatThrownBy(() -> scan(ScanCompleted.Status.SUCCEEDED, null, null, ScanOutcome.failed("x", null), null))
                .hasMessageContaining("contradicts");
        assertThatThrownBy(() -> new ScanOutcome(ScanOutcome.Result.INCOMPLETE, List.of(), null, null))
                .hasMessageContaining("name the layers");
    }

    @Test
    void anOldSnapshotIsNotChecked() {
        Instant built = AT.minus(Duration.ofDays(12));
        VulnerabilityStatus old = VulnerabilityStatus.judged("v12", built, Duration.ofDays(7), AT);
        VulnerabilityStatus fresh = VulnerabilityStatus.judged("v12", built, Duration.ofDays(30), AT);

        assertThat(old.checked()).isFalse();
        assertThat(old.detail()).isEqualTo("vulnerability DB is 12 days old (snapshot v12)");
        assertThat(fresh.checked()).isTrue();
    }
}
