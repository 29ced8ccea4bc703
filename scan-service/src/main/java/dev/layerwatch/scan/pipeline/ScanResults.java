package dev.layerwatch.scan.pipeline;

import dev.layerwatch.common.event.ImagePushed;
import dev.layerwatch.common.event.OsSummary;
import dev.layerwatch.common.event.ScanCompleted;
import dev.layerwatch.common.event.ScanSummary;
import dev.layerwatch.common.finding.SeverityCounts;
import dev.layerwatch.common.finding.VulnerabilityFinding;
import dev.layerwatch.common.image.Digest;
import dev.layerwatch.common.image.ImageReference;
import dev.layerwatch.common.image.Platform;
import dev.layerwatch.engine.report.ImageReport;
import dev.layerwatch.engine.report.ReportOs;
import java.time.Clock;
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

    ScanCompleted succeeded(ImagePushed event, ImageReference image, ImageReport report, String vulnDbVersion) {
        List<VulnerabilityFinding> findings = report.findings();
        ScanSummary summary = new ScanSummary(report.packages().size(), report.layers().size(),
                SeverityCounts.of(findings.stream().map(VulnerabilityFinding::severity).toList()),
                report.secrets().size(), report.configFindings().size());
        Digest manifestDigest = report.manifestDigest() == null ? null : Digest.parse(report.manifestDigest());
        Platform platform = report.platform() == null ? null : Platform.parse(report.platform());
        return new ScanCompleted(
                ScanCompleted.eventIdFor(event.eventId(), manifestDigest, platform, ScanCompleted.Status.SUCCEEDED),
                ScanCompleted.SCHEMA_VERSION, event.eventId(),
                ScanCompleted.Status.SUCCEEDED, null,
                image.registry(), image.repository(), image.tag(), image.digest(), manifestDigest, platform,
                os(report.os()), summary, findings, report.configFindings(), report.secrets(), report.warnings(),
                vulnDbVersion, scannerVersion, clock.instant());
    }

    ScanCompleted failed(ImagePushed event, ImageReference image, String reason) {
        return new ScanCompleted(ScanCompleted.eventIdFor(event.eventId(), null, null, ScanCompleted.Status.FAILED),
                ScanCompleted.SCHEMA_VERSION, event.eventId(),
                ScanCompleted.Status.FAILED, reason,
                image.registry(), image.repository(), image.tag(), image.digest(), null, null, null,
                new ScanSummary(0, 0, SeverityCounts.NONE, 0, 0), List.of(), List.of(), List.of(), List.of(),
                null, scannerVersion, clock.instant());
    }

    private static OsSummary os(ReportOs os) {
        if (os == null) {
            return null;
        }
        return new OsSummary(os.id(), os.versionId(), os.prettyName(), Boolean.TRUE.equals(os.eol()),
                os.eolDate() == null ? null : LocalDate.parse(os.eolDate()));
    }
}
