package dev.layerwatch.scan.pipeline;

import dev.layerwatch.common.event.ImagePushed;
import dev.layerwatch.common.event.OsSummary;
import dev.layerwatch.common.event.ScanCompleted;
import dev.layerwatch.common.event.ScanOutcome;
import dev.layerwatch.common.event.ScanSummary;
import dev.layerwatch.common.event.VulnerabilityStatus;
import dev.layerwatch.common.finding.SeverityCounts;
import dev.layerwatch.common.finding.VulnerabilityFinding;
import dev.layerwatch.common.image.ImageReference;
import dev.layerwatch.engine.assembly.ImageInventory;
import dev.layerwatch.engine.inventory.OsRelease;
import dev.layerwatch.engine.scan.ImageScan;
import dev.layerwatch.common.inventory.InventoryPackage;
import dev.layerwatch.common.inventory.LayerInventory;
import dev.layerwatch.engine.inventory.Package;
import dev.layerwatch.engine.layerscan.LayerOutcome;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.Instant;
import java.util.List;

/** Turns the engine's scans into {@link ScanCompleted} events: the contract scan-service publishes. */
final class ScanResults {

    private final String scannerVersion;
    private final Clock clock;

    ScanResults(String scannerVersion, Clock clock) {
        this.scannerVersion = scannerVersion;
        this.clock = clock;
    }

    /** COMPLETE or INCOMPLETE (the inventory names the layers it could not read), with the vulnerability status. */
    ScanCompleted succeeded(ImagePushed event, ImageReference image, ImageScan scan, VulnerabilityStatus status) {
        ImageInventory inventory = scan.inventory();
        List<VulnerabilityFinding> findings = scan.findings();
        ScanSummary summary = new ScanSummary(inventory.packages().size(), inventory.layers().size(),
                SeverityCounts.of(findings.stream().map(VulnerabilityFinding::severity).toList()),
                inventory.secrets().size(), inventory.configFindings().size());
        return new ScanCompleted(ScanCompleted.eventIdFor(event.eventId(), inventory.manifestDigest(), inventory.platform(),
                        ScanCompleted.Status.SUCCEEDED),
                ScanCompleted.SCHEMA_VERSION, event.eventId(),
                ScanCompleted.Status.SUCCEEDED, null,
                image.registry(), image.repository(), image.tag(), image.digest(),
                inventory.manifestDigest(), inventory.platform(),
                os(inventory), summary, findings, inventory.configFindings(), inventory.secrets(), scan.warnings(),
                scan.vulnDbVersion(), scannerVersion, clock.instant(), inventory.outcome(), status, event.receivedAt(), layers(inventory));
    }

    /** The packages grouped by the layer that contributes them, layers in manifest order (report-service stores them per layer). */
    static List<LayerInventory> layers(ImageInventory inventory) {
        Map<String, List<InventoryPackage>> byLayer = new LinkedHashMap<>();
        for (LayerOutcome layer : inventory.layers()) {
            if (layer.citedDigest() != null) {
                byLayer.put(layer.citedDigest(), new ArrayList<>());
            }
        }
        for (Package p : inventory.packages()) {
            String layer = p.layer() == null ? UNATTRIBUTED : p.layer();
            byLayer.computeIfAbsent(layer, l -> new ArrayList<>()).add(new InventoryPackage(p.name(), p.version(), p.ecosystem().id(),
                    p.purl(), p.sourceName(), p.sourceVersion(), p.locations()));
        }
        return byLayer.entrySet().stream().map(e -> new LayerInventory(e.getKey(), e.getValue())).toList();
    }

    /** Where packages go whose layer the engine could not name (a {@code dir:} target has no layers). */
    static final String UNATTRIBUTED = "unattributed";

    /** The image could not be scanned: {@code reason} names what failed, {@code since} when it first did (null: now). */
    ScanCompleted failed(ImagePushed event, ImageReference image, String reason, Instant since) {
        return failed(event, image, reason, reason, since);
    }

    /** As {@link #failed(ImagePushed, ImageReference, String, Instant)}, with the technical {@code error} apart from the short reason. */
    ScanCompleted failed(ImagePushed event, ImageReference image, String reason, String error, Instant since) {
        return new ScanCompleted(ScanCompleted.eventIdFor(event.eventId(), null, null, ScanCompleted.Status.FAILED),
                ScanCompleted.SCHEMA_VERSION, event.eventId(),
                ScanCompleted.Status.FAILED, error,
                image.registry(), image.repository(), image.tag(), image.digest(), null, null, null,
                new ScanSummary(0, 0, SeverityCounts.NONE, 0, 0), List.of(), List.of(), List.of(), List.of(),
                null, scannerVersion, clock.instant(), ScanOutcome.failed(reason, since == null ? clock.instant() : since),
                VulnerabilityStatus.scanFailed(), event.receivedAt());
    }

    private static OsSummary os(ImageInventory inventory) {
        OsRelease os = inventory.os();
        if (os == null) {
            return null;
        }
        return new OsSummary(os.id(), os.versionId(), os.prettyName(), Boolean.TRUE.equals(inventory.eolReached()), inventory.eolDate());
    }
}
