package dev.layerwatch.scan.pipeline;

import dev.layerwatch.common.event.ImagePushed;
import dev.layerwatch.common.event.OsSummary;
import dev.layerwatch.common.event.ScanCompleted;
import dev.layerwatch.common.event.ScanOutcome;
import dev.layerwatch.common.event.ScanSummary;
import dev.layerwatch.common.event.VulnerabilityStatus;
import dev.layerwatch.common.finding.SeverityCounts;
import dev.layerwatch.common.finding.VulnerabilityFinding;
import dev.layerwatch.common.image.Digest;
import dev.layerwatch.common.image.ImageReference;
import dev.layerwatch.common.image.Platform;
import dev.layerwatch.engine.report.ImageReport;
import dev.layerwatch.engine.report.ReportOs;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Turns engine reports into {@link ScanCompleted} events: the contract scan-service publishes. */
final class ScanResults {

    private final String scannerVersion;
    private final Clock clock;

    ScanResults(String scannerVersion, Clock clock) {
        this.scannerVersion = scannerVersion;
        this.clock = clock;
    }

    /** COMPLETE or INCOMPLETE (the report names the layers it could not read), with the vulnerability status. */
    ScanCompleted succeeded(ImagePushed event, ImageReference image, ImageReport report, String vulnDbVersion, VulnerabilityStatus status) {
        List<VulnerabilityFinding> findings = report.findings();
        ScanSummary summary = new ScanSummary(report.packages().size(), report.layers().size(),
                SeverityCounts.of(findings.stream().map(VulnerabilityFinding::severity).toList()),
                report.secrets().size(), report.configFindings().size());
        return new ScanCompleted(ScanCompleted.newEventId(), ScanCompleted.SCHEMA_VERSION, event.eventId(),
                ScanCompleted.Status.SUCCEEDED, null,
                image.registry(), image.repository(), image.tag(), image.digest(),
                report.manifestDigest() == null ? null : Digest.parse(report.manifestDigest()),
                report.platform() == null ? null : Platform.parse(report.platform()),
                os(report.os()), summary, findings, report.configFindings(), report.secrets(), report.warnings(),
                vulnDbVersion, scannerVersion, clock.instant(), report.outcome(), status, event.receivedAt());
    }

    /** The image could not be scanned: {@code reason} names what failed, {@code since} when it first did (null: now). */
    ScanCompleted failed(ImagePushed event, ImageReference image, String reason, Instant since) {
        return failed(event, image, reason, reason, since);
    }

    /** As {@link #failed(ImagePushed, ImageReference, String, Instant)}, with the technical {@code error} apart from the short reason. */
    ScanCompleted failed(ImagePushed event, ImageReference image, String reason, String error, Instant since) {
        return new ScanCompleted(ScanCompleted.newEventId(), ScanCompleted.SCHEMA_VERSION, event.eventId(),
                ScanCompleted.Status.FAILED, error,
                image.registry(), image.repository(), image.tag(), image.digest(), null, null, null,
                new ScanSummary(0, 0, SeverityCounts.NONE, 0, 0), List.of(), List.of(), List.of(), List.of(),
                null, scannerVersion, clock.instant(), ScanOutcome.failed(reason, since == null ? clock.instant() : since),
                VulnerabilityStatus.scanFailed(), event.receivedAt());
    }

    private static OsSummary os(ReportOs os) {
        if (os == null) {
            return null;
        }
        return new OsSummary(os.id(), os.versionId(), os.prettyName(), Boolean.TRUE.equals(os.eol()),
                os.eolDate() == null ? null : LocalDate.parse(os.eolDate()));
    }
}
