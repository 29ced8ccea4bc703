package dev.layerwatch.engine.layerscan;

import dev.layerwatch.common.image.Digest;
import dev.layerwatch.engine.analysis.AnalysisListener;
import dev.layerwatch.engine.analysis.AnalyzerSet;
import dev.layerwatch.engine.image.ImageSource;
import dev.layerwatch.engine.image.LayerDescriptor;
import dev.layerwatch.engine.image.PlatformImage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Obtains one layer's result: from the cache, after waiting for another worker's lease on it, or by
 * reading the layer now (and caching what was read). The unit of work for one layer, usable on its own:
 * it knows the layer's image only to open the blob. A failed read is a failed result, never an exception.
 */
public final class LayerResults {

    private final LayerAnalyzer layerAnalyzer;
    private final LayerResultCache cache;
    private final AnalyzerVersions versions;
    private final Duration leaseWait;

    public LayerResults(LayerAnalyzer layerAnalyzer, LayerResultCache cache, Duration leaseWait) {
        this.layerAnalyzer = layerAnalyzer;
        this.cache = cache;
        this.versions = new AnalyzerVersions(layerAnalyzer.analyzers());
        this.leaseWait = leaseWait;
    }

    /** The analyzer set the results are read with (its versions are part of the cache key). */
    public AnalyzerSet analyzers() {
        return layerAnalyzer.analyzers();
    }

    /**
     * The result for layer {@code d} of {@code image}. {@code diffId} is what the image config says the
     * uncompressed layer hashes to (null when it says nothing usable).
     */
    public LayerOutcome obtain(ImageSource source, PlatformImage image, LayerDescriptor d, Digest diffId, AnalysisListener listener) {
        if (d.directory()) {
            return new LayerOutcome(d, read(source, image, d, diffId, listener), false);
        }
        String key = versions.key(d.digest().toString());
        Optional<LayerResult> hit = cachedOrAwaitLease(key);
        if (hit.isPresent()) {
            return new LayerOutcome(d, hit.get(), true);
        }
        try {
            LayerResult result = read(source, image, d, diffId, listener);
            if (!result.failed()) {
                quietly(() -> cache.put(key, result));
            }
            return new LayerOutcome(d, result, false);
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
}
