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
import dev.layerwatch.common.inventory.InventoryPackage;
import dev.layerwatch.common.inventory.LayerInventory;
import dev.layerwatch.engine.report.ImageReport;
import dev.layerwatch.engine.report.ReportLayer;
import dev.layerwatch.engine.report.ReportOs;
import dev.layerwatch.engine.report.ReportPackage;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        return new ScanCompleted(ScanCompleted.newEventId(), ScanCompleted.SCHEMA_VERSION, event.eventId(),
                ScanCompleted.Status.SUCCEEDED, null,
                image.registry(), image.repository(), image.tag(), image.digest(),
                report.manifestDigest() == null ? null : Digest.parse(report.manifestDigest()),
                report.platform() == null ? null : Platform.parse(report.platform()),
                os(report.os()), summary, findings, report.configFindings(), report.secrets(), report.warnings(),
                vulnDbVersion, scannerVersion, clock.instant(), inventory(report));
    }

    /** The packages grouped by the layer that contributes them, layers in manifest order (report-service stores them per layer). */
    static List<LayerInventory> inventory(ImageReport report) {
        Map<String, List<InventoryPackage>> byLayer = new LinkedHashMap<>();
        for (ReportLayer layer : report.layers()) {
            if (layer.digest() != null) {
                byLayer.put(layer.digest(), new ArrayList<>());
            }
        }
        for (ReportPackage p : report.packages()) {
            String layer = p.layer() == null ? UNATTRIBUTED : p.layer();
            byLayer.computeIfAbsent(layer, l -> new ArrayList<>()).add(new InventoryPackage(p.name(), p.version(), p.type(),
                    p.purl(), p.source(), p.sourceVersion(), p.locations()));
        }
        return byLayer.entrySet().stream().map(e -> new LayerInventory(e.getKey(), e.getValue())).toList();
    }

    /** Where packages go whose layer the engine could not name (a {@code dir:} target has no layers). */
    static final String UNATTRIBUTED = "unattributed";

    ScanCompleted failed(ImagePushed event, ImageReference image, String reason) {
        return new ScanCompleted(ScanCompleted.newEventId(), ScanCompleted.SCHEMA_VERSION, event.eventId(),
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
