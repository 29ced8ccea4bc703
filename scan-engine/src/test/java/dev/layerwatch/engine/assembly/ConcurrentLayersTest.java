package dev.layerwatch.engine.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerwatch.common.image.Platform;
import dev.layerwatch.engine.analysis.AnalysisListener;
import dev.layerwatch.engine.analysis.AnalyzerSet;
import dev.layerwatch.engine.image.ImageSource;
import dev.layerwatch.engine.image.LayerDescriptor;
import dev.layerwatch.engine.image.MemoryImageSource;
import dev.layerwatch.engine.image.PlatformImage;
import dev.layerwatch.engine.layer.LayerLimits;
import dev.layerwatch.engine.layer.TarLayerBuilder;
import dev.layerwatch.engine.layerscan.InMemoryLayerResultCache;
import dev.layerwatch.engine.layerscan.LayerAnalyzer;
import dev.layerwatch.engine.layerscan.LayerOutcome;
import dev.layerwatch.engine.layerscan.LayerResults;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Layers of one image analysed at once give the image that one layer after another gives. */
class ConcurrentLayersTest {

    private static final AnalyzerSet ANALYZERS = new AnalyzerSet(List.of(new PkgFileTestCataloger()), null, new OsReleaseTestReader(),
            null, null, null);

    /** Six layers: packages added, replaced, whited out and hidden by an opaque directory; the second layer repeats as the fifth. */
    private static MemoryImageSource image() {
        TarLayerBuilder repeated = new TarLayerBuilder().file("opt/r.pkg", "r@1");
        List<byte[][]> layers = new ArrayList<>();
        for (TarLayerBuilder b : List.of(
                new TarLayerBuilder().file("etc/os-release", "ID=debian\nVERSION_ID=12\n").file("app/a.pkg", "a@1").file("srv/s.pkg", "s@1"),
                repeated,
                new TarLayerBuilder().file("app/a.pkg", "a@2").file("app/b.pkg", "b@1"),
                new TarLayerBuilder().whiteout("app/b.pkg").opaque("srv").file("srv/t.pkg", "t@1"),
                repeated,
                new TarLayerBuilder().file("usr/c.pkg", "c@1").file("app/d.pkg", "declared d@3"))) {
            layers.add(new byte[][] {b.tar(), b.gzip()});
        }
        return new MemoryImageSource(layers);
    }

    private static ImageInventory analyse(ImageSource source, PlatformImage image, int concurrency) {
        LayerResults results = new LayerResults(new LayerAnalyzer(ANALYZERS, LayerLimits.DEFAULTS), new InMemoryLayerResultCache(),
                Duration.ofSeconds(5));
        return new ImageAnalyzer(results, concurrency).analyze(source, image, AnalysisListener.SILENT);
    }

    @Test
    void concurrentAnalysisGivesTheSequentialResult() {
        MemoryImageSource memory = image();
        OverlapCountingSource sequentialSource = new OverlapCountingSource(memory);
        ImageInventory sequential = analyse(sequentialSource, memory.image(), 1);
        OverlapCountingSource concurrentSource = new OverlapCountingSource(memory);
        ImageInventory concurrent = analyse(concurrentSource, memory.image(), 2);

        assertThat(sequentialSource.maxOpen.get()).isEqualTo(1);
        assertThat(concurrentSource.maxOpen.get()).as("layers read at once").isEqualTo(2);
        assertThat(concurrent).isEqualTo(sequential);
        assertThat(concurrent.packages()).extracting(p -> p.name() + "@" + p.version())
                .containsExactlyInAnyOrder("a@2", "r@1", "t@1", "c@1", "d@3");
        assertThat(concurrent.layers()).extracting(LayerOutcome::cached).containsExactly(false, false, false, false, true, false);
    }

    @Test
    void theBoundHolds() {
        MemoryImageSource memory = image();
        OverlapCountingSource source = new OverlapCountingSource(memory);
        ImageInventory wide = analyse(source, memory.image(), 16);
        assertThat(source.maxOpen.get()).as("five distinct layers, at most five at once").isBetween(2, 5);
        assertThat(wide).isEqualTo(analyse(memory, memory.image(), 1));
        assertThatThrownBy(() -> new ImageAnalyzer(new LayerResults(new LayerAnalyzer(ANALYZERS, LayerLimits.DEFAULTS),
                new InMemoryLayerResultCache(), Duration.ZERO), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Counts layers open at once; each open waits a little for a second reader so that overlap is seen when allowed. */
    private static final class OverlapCountingSource implements ImageSource {
        private final ImageSource delegate;
        private final AtomicInteger open = new AtomicInteger();
        final AtomicInteger maxOpen = new AtomicInteger();

        OverlapCountingSource(ImageSource delegate) {
            this.delegate = delegate;
        }

        @Override
        public String describe() {
            return delegate.describe();
        }

        @Override
        public List<PlatformImage> images(Platform platform) throws IOException {
            return delegate.images(platform);
        }

        @Override
        public InputStream openLayer(PlatformImage image, LayerDescriptor layer) throws IOException {
            int now = open.incrementAndGet();
            maxOpen.accumulateAndGet(now, Math::max);
            long until = System.nanoTime() + Duration.ofMillis(300).toNanos();
            while (open.get() < 2 && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            maxOpen.accumulateAndGet(open.get(), Math::max);
            return new FilterInputStream(delegate.openLayer(image, layer)) {
                @Override
                public void close() throws IOException {
                    open.decrementAndGet();
                    super.close();
                }
            };
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }
    }
}
