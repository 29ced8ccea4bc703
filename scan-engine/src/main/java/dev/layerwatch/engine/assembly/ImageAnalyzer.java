package dev.layerwatch.engine.assembly;

import dev.layerwatch.common.finding.ConfigFinding;
import dev.layerwatch.common.finding.SecretFinding;
import dev.layerwatch.common.image.Digest;
import dev.layerwatch.common.image.Platform;
import dev.layerwatch.engine.analysis.AnalysisListener;
import dev.layerwatch.engine.analysis.ImageCheck;
import dev.layerwatch.engine.analysis.ImageFacts;
import dev.layerwatch.engine.image.ImageSource;
import dev.layerwatch.engine.image.LayerDescriptor;
import dev.layerwatch.engine.image.PlatformImage;
import dev.layerwatch.engine.inventory.OsRelease;
import dev.layerwatch.engine.inventory.Package;
import dev.layerwatch.engine.layerscan.AnalyzerVersions;
import dev.layerwatch.engine.layerscan.LayerAnalyzer;
import dev.layerwatch.engine.layerscan.LayerResult;
import dev.layerwatch.engine.layerscan.LayerResultCache;
import dev.layerwatch.engine.layerscan.ProgressInputStream;
import dev.layerwatch.engine.report.ImageReport;
import dev.layerwatch.engine.report.ReportLayer;
import dev.layerwatch.engine.report.ReportOs;
import dev.layerwatch.engine.report.ReportPackage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scans images as a row of named steps: analyse each layer (or take it from the cache), merge the
 * layers (whiteouts), detect the OS, assemble the inventory, run the image checks, write the report.
 * One bad layer is a warning in its image's report; nothing here throws for an image's content.
 */
public final class ImageAnalyzer {

    private final LayerAnalyzer layerAnalyzer;
    private final LayerResultCache cache;
    private final AnalyzerVersions versions;
    private final Duration leaseWait;

    public ImageAnalyzer(LayerAnalyzer layerAnalyzer, LayerResultCache cache, Duration leaseWait) {
        this.layerAnalyzer = layerAnalyzer;
        this.cache = cache;
        this.versions = new AnalyzerVersions(layerAnalyzer.analyzers());
        this.leaseWait = leaseWait;
    }

    public ImageAnalyzer(LayerAnalyzer layerAnalyzer, LayerResultCache cache) {
        this(layerAnalyzer, cache, Duration.ofMinutes(2));
    }

    /** Scans every platform image {@code source} offers (or those {@code platform} selects). */
    public List<ImageReport> scan(ImageSource source, Platform platform, AnalysisListener listener) throws IOException {
        List<ImageReport> reports = new ArrayList<>();
        for (PlatformImage image : source.images(platform)) {
            reports.add(analyze(source, image, listener));
        }
        return reports;
    }

    public ImageReport analyze(ImageSource source, PlatformImage image, AnalysisListener listener) {
        List<String> warnings = new ArrayList<>();
        List<LayerDescriptor> descriptors = image.layers();
        List<Digest> diffIds = ImageConfigs.diffIds(image.configJson(), descriptors.size(), warnings);

        List<LayerResult> results = new ArrayList<>();
        List<ReportLayer> reportLayers = new ArrayList<>();
        for (int i = 0; i < descriptors.size(); i++) {
            LayerDescriptor d = descriptors.get(i);
            listener.layerStarted(image, i, descriptors.size(), d);
            LayerOutcome outcome = analyzeLayer(source, image, d, diffIds.get(i), listener);
            listener.layerFinished(i, outcome.cached());
            LayerResult r = outcome.result();
            results.add(r);
            warnings.addAll(r.warnings());
            if (r.failed()) {
                warnings.add(r.failure());
            }
            reportLayers.add(new ReportLayer(citedDigest(d), d.mediaType(), d.size(), r.diffId(), outcome.cached(), r.failure()));
        }

        MergedFilesystem fs = MergedFilesystem.merge(results);
        OsRelease os = OsDetector.detect(fs, layerAnalyzer.analyzers().osRelease(), warnings).orElse(null);
        List<String> cited = descriptors.stream().map(ImageAnalyzer::citedDigest).toList();
        List<Package> packages = InventoryAssembler.assemble(fs, cited, os);
        List<ConfigFinding> configFindings = runChecks(new ImageFacts(image.configJson(), os, packages, fs.existsPredicate()), warnings);
        List<SecretFinding> secrets = results.stream().flatMap(r -> r.secrets().stream()).toList();

        return new ImageReport(source.describe(), str(image.manifestDigest()), str(image.indexDigest()), str(image.platform()),
                reportOs(os), packages.stream().map(ReportPackage::of).toList(), List.of(), secrets, configFindings,
                warnings, reportLayers);
    }

    private record LayerOutcome(LayerResult result, boolean cached) {
    }

    private LayerOutcome analyzeLayer(ImageSource source, PlatformImage image, LayerDescriptor d, Digest diffId,
            AnalysisListener listener) {
        String name = d.digest().toString();
        if (d.directory()) {
            return new LayerOutcome(read(source, image, d, diffId, listener), false);
        }
        String key = versions.key(name);
        Optional<LayerResult> hit = cachedOrAwaitLease(key);
        if (hit.isPresent()) {
            return new LayerOutcome(hit.get(), true);
        }
        try {
            LayerResult result = read(source, image, d, diffId, listener);
            if (!result.failed()) {
                quietly(() -> cache.put(key, result));
            }
            return new LayerOutcome(result, false);
        } finally {
            quietly(() -> cache.release(key));
        }
    }

    /** A cache that fails costs time, never the scan: its errors are swallowed here. */
    private static void quietly(Runnable cacheCall) {
        try {
            cacheCall.run();
        } catch (RuntimeException e) {
            // the layer is analysed again next time
        }
    }

    /** A hit, or empty once this caller holds the lease (or gave up waiting for another worker's). */
    private Optional<LayerResult> cachedOrAwaitLease(String key) {
        long deadline = System.nanoTime() + leaseWait.toNanos();
        while (true) {
            Optional<LayerResult> hit;
            boolean leased;
            try {
                hit = cache.get(key);
                leased = hit.isEmpty() && cache.tryLease(key);
            } catch (RuntimeException e) {
                return Optional.empty();
            }
            if (hit.isPresent()) {
                return hit;
            }
            if (leased || System.nanoTime() > deadline) {
                return Optional.empty();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    private LayerResult read(ImageSource source, PlatformImage image, LayerDescriptor d, Digest diffId, AnalysisListener listener) {
        String name = d.digest().toString();
        try (InputStream blob = new ProgressInputStream(source.openLayer(image, d), listener)) {
            return layerAnalyzer.analyze(name, blob, diffId);
        } catch (IOException e) {
            String what = d.foreign() ? "foreign layer " + name + " skipped: " : "layer " + name + ": ";
            return LayerResult.failed(name, what + e.getMessage(), List.of());
        }
    }

    private List<ConfigFinding> runChecks(ImageFacts facts, List<String> warnings) {
        List<ConfigFinding> findings = new ArrayList<>();
        for (ImageCheck check : layerAnalyzer.analyzers().checks()) {
            try {
                findings.addAll(check.check(facts, warnings::add));
            } catch (RuntimeException e) {
                warnings.add("image check " + check.getClass().getSimpleName() + " failed: " + e);
            }
        }
        return findings;
    }

    private ReportOs reportOs(OsRelease os) {
        if (os == null) {
            return null;
        }
        Optional<LocalDate> eol;
        try {
            eol = layerAnalyzer.analyzers().endOfLife().endOfLife(os);
        } catch (RuntimeException e) {
            eol = Optional.empty();
        }
        return new ReportOs(os.id(), os.versionId(), os.versionCodename(), os.prettyName(),
                eol.map(date -> !date.isAfter(LocalDate.now())).orElse(null), eol.map(LocalDate::toString).orElse(null));
    }

    private static String citedDigest(LayerDescriptor d) {
        return d.directory() ? null : d.digest().toString();
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
