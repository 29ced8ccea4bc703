package dev.layerwatch.engine.assembly;

import dev.layerwatch.common.image.Digest;
import dev.layerwatch.common.image.Platform;
import dev.layerwatch.engine.analysis.AnalysisListener;
import dev.layerwatch.engine.image.ImageSource;
import dev.layerwatch.engine.image.LayerDescriptor;
import dev.layerwatch.engine.image.PlatformImage;
import dev.layerwatch.engine.layerscan.LayerAnalyzer;
import dev.layerwatch.engine.layerscan.LayerOutcome;
import dev.layerwatch.engine.layerscan.LayerResultCache;
import dev.layerwatch.engine.layerscan.LayerResults;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Analyses images: obtain each layer's result ({@link LayerResults}: cache, lease, read), up to
 * {@code layerConcurrency} layers of an image at a time, then assemble the image from them
 * ({@link ImageAssembler}). The result is the same as one layer after another: outcomes keep manifest
 * order, and repeats of one layer digest run in order within one task (the second is a cache hit, as
 * it would be sequentially). One bad layer is a warning in its image's inventory; nothing here throws
 * for an image's content.
 */
public final class ImageAnalyzer {

    /** Layers of one image analysed at once unless told otherwise. */
    public static final int DEFAULT_LAYER_CONCURRENCY = 2;

    private final LayerResults layers;
    private final ImageAssembler assembler;
    private final int layerConcurrency;

    public ImageAnalyzer(LayerResults layers, int layerConcurrency) {
        if (layerConcurrency < 1) {
            throw new IllegalArgumentException("layer concurrency must be at least 1, was " + layerConcurrency);
        }
        this.layers = layers;
        this.assembler = new ImageAssembler(layers.analyzers());
        this.layerConcurrency = layerConcurrency;
    }

    public ImageAnalyzer(LayerAnalyzer layerAnalyzer, LayerResultCache cache, Duration leaseWait) {
        this(new LayerResults(layerAnalyzer, cache, leaseWait), DEFAULT_LAYER_CONCURRENCY);
    }

    public ImageAnalyzer(LayerAnalyzer layerAnalyzer, LayerResultCache cache) {
        this(layerAnalyzer, cache, Duration.ofMinutes(2));
    }

    /** Analyses every platform image {@code source} offers (or those {@code platform} selects). */
    public List<ImageInventory> scan(ImageSource source, Platform platform, AnalysisListener listener) throws IOException {
        List<ImageInventory> inventories = new ArrayList<>();
        for (PlatformImage image : source.images(platform)) {
            inventories.add(analyze(source, image, listener));
        }
        return inventories;
    }

    public ImageInventory analyze(ImageSource source, PlatformImage image, AnalysisListener listener) {
        List<String> warnings = new ArrayList<>();
        List<LayerDescriptor> descriptors = image.layers();
        List<Digest> diffIds = ImageConfigs.diffIds(image.configJson(), descriptors.size(), warnings);
        List<LayerOutcome> outcomes = obtainAll(source, image, descriptors, diffIds, listener);
        return assembler.assemble(source.describe(), image, outcomes, warnings);
    }

    private List<LayerOutcome> obtainAll(ImageSource source, PlatformImage image, List<LayerDescriptor> descriptors,
            List<Digest> diffIds, AnalysisListener listener) {
        LayerOutcome[] outcomes = new LayerOutcome[descriptors.size()];
        // one task per distinct layer digest: a repeated layer is obtained after its first occurrence
        Map<Digest, List<Integer>> tasks = new LinkedHashMap<>();
        for (int i = 0; i < descriptors.size(); i++) {
            tasks.computeIfAbsent(descriptors.get(i).digest(), d -> new ArrayList<>()).add(i);
        }
        int threads = Math.min(layerConcurrency, tasks.size());
        if (threads <= 1) {
            tasks.values().forEach(indexes -> obtain(source, image, descriptors, diffIds, indexes, listener, outcomes));
            return List.of(outcomes);
        }
        AnalysisListener serialized = serialized(listener);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().name("layerwatch-layer-", 0).factory())) {
            List<Future<?>> running = new ArrayList<>();
            for (List<Integer> indexes : tasks.values()) {
                running.add(pool.submit(() -> obtain(source, image, descriptors, diffIds, indexes, serialized, outcomes)));
            }
            for (Future<?> f : running) {
                await(f);
            }
        }
        return List.of(outcomes);
    }

    private void obtain(ImageSource source, PlatformImage image, List<LayerDescriptor> descriptors, List<Digest> diffIds,
            List<Integer> indexes, AnalysisListener listener, LayerOutcome[] outcomes) {
        for (int i : indexes) {
            LayerDescriptor d = descriptors.get(i);
            listener.layerStarted(image, i, descriptors.size(), d);
            LayerOutcome outcome = layers.obtain(source, image, d, diffIds.get(i), listener);
            listener.layerFinished(i, outcome.cached());
            outcomes[i] = outcome;
        }
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while layers were analysed", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Listeners are written for one scanning thread: calls from concurrent layers take turns. */
    private static AnalysisListener serialized(AnalysisListener listener) {
        if (listener == AnalysisListener.SILENT) {
            return listener;
        }
        return new AnalysisListener() {
            @Override
            public synchronized void layerStarted(PlatformImage image, int index, int count, LayerDescriptor layer) {
                listener.layerStarted(image, index, count, layer);
            }

            @Override
            public synchronized void layerProgress(long bytesRead) {
                listener.layerProgress(bytesRead);
            }

            @Override
            public synchronized void layerFinished(int index, boolean fromCache) {
                listener.layerFinished(index, fromCache);
            }
        };
    }
}
