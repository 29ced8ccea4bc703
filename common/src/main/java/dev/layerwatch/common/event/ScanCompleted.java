package dev.layerwatch.common.event;

import dev.layerwatch.common.finding.ConfigFinding;
import dev.layerwatch.common.finding.SecretFinding;
import dev.layerwatch.common.finding.VulnerabilityFinding;
import dev.layerwatch.common.image.Digest;
import dev.layerwatch.common.image.ImageReference;
import dev.layerwatch.common.image.Platform;
import java.nio.charset.StandardCharsets;
import dev.layerwatch.common.inventory.LayerInventory;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The result of scanning one platform of one pushed image, written to {@link Topics#SCAN_COMPLETED}.
 * A multi-platform index yields one event per platform, all with the index digest in {@code digest}
 * and the platform's own manifest in {@code manifestDigest}.
 *
 * @param causationId    the {@link ImagePushed#eventId()} this scan answers
 * @param status         {@code SUCCEEDED}, or {@code FAILED} with {@code error} saying why
 * @param vulnDbVersion  the vulnerability snapshot the findings were matched against; null when none was loaded
 * @param outcome        COMPLETE, INCOMPLETE (the layers not read, and why) or FAILED (why, since when); since
 *                       schema 2. Read from a schema-1 record it is derived from {@code status}/{@code error}.
 * @param vulnerabilityStatus CHECKED, or NOT_CHECKED and why (no DB, DB not ready, DB too old); since schema 2.
 *                       Absent in a schema-1 record, it is CHECKED only when {@code vulnDbVersion} is set:
 *                       an unknown status is never read as "checked".
 * @param pushReceivedAt the {@link ImagePushed#receivedAt()} this scan answers, for push-to-notification latency; since
 *                       schema 2, null when unknown
 * @param inventory      every package of the image, grouped by the layer that contributes it, in manifest order;
 *                       empty for a failed scan and in records from producers that predate it. Sent whole: the
 *                       producer compresses the record (zstd), which keeps a 10,000-package image well under the
 *                       broker's 1 MiB batch limit. Additive: readers that do not know it ignore it.
 */
public record ScanCompleted(
        String eventId,
        int schemaVersion,
        String causationId,
        Status status,
        String error,
        String registry,
        String repository,
        String tag,
        Digest digest,
        Digest manifestDigest,
        Platform platform,
        OsSummary os,
        ScanSummary summary,
        List<VulnerabilityFinding> findings,
        List<ConfigFinding> configFindings,
        List<SecretFinding> secrets,
        List<String> warnings,
        String vulnDbVersion,
        String scannerVersion,
        Instant scannedAt,
        ScanOutcome outcome,
        VulnerabilityStatus vulnerabilityStatus,
        Instant pushReceivedAt,
        List<LayerInventory> inventory) {

    /** 2: {@code outcome}, {@code vulnerabilityStatus} and {@code pushReceivedAt} added (additive: schema-1 readers ignore them). */
    public static final int SCHEMA_VERSION = 2;

    public enum Status { SUCCEEDED, FAILED }

    public ScanCompleted {
        if (eventId == null || eventId.isBlank()) {
            throw new IllegalArgumentException("ScanCompleted needs an eventId");
        }
        if (status == null) {
            throw new IllegalArgumentException("ScanCompleted " + eventId + " needs a status");
        }
        if (status == Status.FAILED && (error == null || error.isBlank())) {
            throw new IllegalArgumentException("failed ScanCompleted " + eventId + " must say why in error");
        }
        ImageReference.of(registry, repository, tag, digest);
        findings = findings == null ? List.of() : List.copyOf(findings);
        configFindings = configFindings == null ? List.of() : List.copyOf(configFindings);
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        if (outcome == null) {
            outcome = status == Status.FAILED ? ScanOutcome.failed(error, null) : ScanOutcome.COMPLETE;
        }
        if ((outcome.result() == ScanOutcome.Result.FAILED) != (status == Status.FAILED)) {
            throw new IllegalArgumentException("ScanCompleted " + eventId + ": status " + status + " contradicts outcome " + outcome.result());
        }
        if (vulnerabilityStatus == null) {
            vulnerabilityStatus = vulnDbVersion == null ? VulnerabilityStatus.noDb() : VulnerabilityStatus.checked(vulnDbVersion, null);
        }
        inventory = inventory == null ? List.of() : List.copyOf(inventory);
    }

    /** A result without an inventory (what producers wrote before it was added). */
    public ScanCompleted(String eventId, int schemaVersion, String causationId, Status status, String error, String registry,
                         String repository, String tag, Digest digest, Digest manifestDigest, Platform platform, OsSummary os,
                         ScanSummary summary, List<VulnerabilityFinding> findings, List<ConfigFinding> configFindings,
                         List<SecretFinding> secrets, List<String> warnings, String vulnDbVersion, String scannerVersion,
                         Instant scannedAt, ScanOutcome outcome, VulnerabilityStatus vulnerabilityStatus, Instant pushReceivedAt) {
        this(eventId, schemaVersion, causationId, status, error, registry, repository, tag, digest, manifestDigest, platform, os,
                summary, findings, configFindings, secrets, warnings, vulnDbVersion, scannerVersion, scannedAt, outcome,
                vulnerabilityStatus, pushReceivedAt, List.of());
    }

    /** The schema-1 shape: outcome and vulnerability status derived (see the record's parameters). */
    public ScanCompleted(String eventId, int schemaVersion, String causationId, Status status, String error, String registry,
                         String repository, String tag, Digest digest, Digest manifestDigest, Platform platform, OsSummary os,
                         ScanSummary summary, List<VulnerabilityFinding> findings, List<ConfigFinding> configFindings,
                         List<SecretFinding> secrets, List<String> warnings, String vulnDbVersion, String scannerVersion,
                         Instant scannedAt) {
        this(eventId, schemaVersion, causationId, status, error, registry, repository, tag, digest, manifestDigest, platform, os,
                summary, findings, configFindings, secrets, warnings, vulnDbVersion, scannerVersion, scannedAt, null, null, null, List.of());
    }

    /** This result with only the given findings (what one notification target is told), status and outcome kept. */
    public ScanCompleted withFindings(List<VulnerabilityFinding> newFindings, List<ConfigFinding> newConfigFindings,
                                      List<SecretFinding> newSecrets) {
        return new ScanCompleted(eventId, schemaVersion, causationId, status, error, registry, repository, tag, digest,
                manifestDigest, platform, os, summary, newFindings, newConfigFindings, newSecrets, warnings, vulnDbVersion,
                scannerVersion, scannedAt, outcome, vulnerabilityStatus, pushReceivedAt, inventory);
    }

    /** True only when every layer was read and the packages were matched against a current snapshot. */
    public boolean trustworthyAllClear() {
        return outcome.complete() && vulnerabilityStatus.checked() && findings.isEmpty();
    }

    /** A random id: only for events that answer nothing (tests, hand-made events); scans use {@link #eventIdFor}. */
    public static String newEventId() {
        return UUID.randomUUID().toString();
    }

    /**
     * The id of the answer to {@code causationId} for one platform: a name-based UUID of what the event answers,
     * so a redelivered {@code image-pushed} record scanned again republishes under the same id and every
     * consumer's dedupe (notify's delivery ledger, report's inbox) recognises it. The status is part of it: a
     * scan that failed and later succeeds for the same push is a new fact, not a duplicate.
     *
     * @param manifestDigest the platform's manifest (null when the scan failed before one was resolved)
     * @param platform       the platform (null for a single-platform image or a failed scan)
     */
    public static String eventIdFor(String causationId, Digest manifestDigest, Platform platform, Status status) {
        if (causationId == null || causationId.isBlank() || status == null) {
            throw new IllegalArgumentException("a ScanCompleted id needs the causation id and the status");
        }
        String name = Topics.SCAN_COMPLETED + "|" + causationId + "|" + (manifestDigest == null ? "" : manifestDigest)
                + "|" + (platform == null ? "" : platform) + "|" + status;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public ImageReference image() {
        return ImageReference.of(registry, repository, tag, digest);
    }

    public String key() {
        return image().partitionKey();
    }
}
