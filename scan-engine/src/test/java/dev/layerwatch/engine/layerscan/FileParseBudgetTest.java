package dev.layerwatch.engine.layerscan;

import dev.layerwatch.engine.analysis.AnalyzerSet;
import dev.layerwatch.engine.catalog.CatalogResult;
import dev.layerwatch.engine.catalog.PackageCataloger;
import dev.layerwatch.engine.layer.FileMeta;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerwatch.engine.inventory.Package;
import dev.layerwatch.engine.layer.LayerEntryKind;
import dev.layerwatch.engine.layer.LayerWarnings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileParseBudgetTest {

    @Test
    void aReadAfterTheBudgetIsSpentStops() throws Exception {
        InputStream in = FileParseBudget.limit(new ByteArrayInputStream(new byte[100]), Duration.ofMillis(50), "/f");
        assertThat(in.read()).isZero();
        Thread.sleep(80);
        assertThatThrownBy(in::read).isInstanceOf(FileParseBudget.Exceeded.class)
                .hasMessageContaining("/f").hasMessageContaining("per-file parse budget");
    }

    /** A cataloger that reads one byte at a time and sleeps: slow by construction. */
    private static final class SlowCataloger implements PackageCataloger {
        @Override
        public String name() {
            return "slow";
        }

        @Override
        public int version() {
            return 1;
        }

        @Override
        public boolean wants(FileMeta file) {
            return file.path().equals("slow");
        }

        @Override
        public CatalogResult catalog(FileMeta file, InputStream content) throws IOException {
            while (content.read() >= 0) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            return CatalogResult.of(List.<Package>of());
        }
    }

    @Test
    void aSlowFileBecomesAWarningOnThatFileAndTheNextFileIsRead() throws IOException {
        AnalyzerSet withSlow = new AnalyzerSet(List.of(new SlowCataloger()), List.of(), null, null, null, null);
        LayerWarnings warnings = new LayerWarnings(10);
        LayerAnalysisVisitor visitor = new LayerAnalysisVisitor(withSlow, "layer", warnings, Duration.ofMillis(100));

        long start = System.nanoTime();
        FileMeta slow = new FileMeta("slow", 10_000, 0644);
        assertThat(visitor.wants(slow)).isTrue();
        visitor.read(slow, new ByteArrayInputStream(new byte[10_000]));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(warnings.toList()).singleElement().asString()
                .startsWith("slow: /slow: not read within the per-file parse budget");
    }
}
