package dev.layerwatch.engine.layerscan;

import dev.layerwatch.common.image.Digest;
import dev.layerwatch.engine.analysis.AnalyzerSet;
import dev.layerwatch.engine.layer.LayerLimits;
import dev.layerwatch.engine.layer.LayerReadException;
import dev.layerwatch.engine.layer.LayerReadSummary;
import dev.layerwatch.engine.layer.LayerReader;
import dev.layerwatch.engine.layer.LayerWarnings;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Analyses one layer blob in one pass with an {@link AnalyzerSet}: the unit of work that is cached
 * by layer digest and shared between images. Never throws for the layer's content: an unreadable
 * layer comes back as {@link LayerResult#failed}.
 */
public final class LayerAnalyzer {

    private final AnalyzerSet set;
    private final LayerReader reader;
    private final LayerLimits limits;

    public LayerAnalyzer(AnalyzerSet set, LayerLimits limits) {
        this.set = set;
        this.limits = limits;
        this.reader = new LayerReader(limits);
    }

    public AnalyzerSet analyzers() {
        return set;
    }

    /**
     * @param layer          the layer digest (or a name for pseudo-layers), cited by findings
     * @param blob           the layer as stored; not closed here
     * @param expectedDiffId the config's diff id, or null
     */
    public LayerResult analyze(String layer, InputStream blob, Digest expectedDiffId) {
        LayerWarnings visitorWarnings = new LayerWarnings(limits.maxWarnings());
        LayerAnalysisVisitor visitor = new LayerAnalysisVisitor(set, layer, visitorWarnings);
        try {
            LayerReadSummary summary = reader.read(layer, blob, expectedDiffId, visitor);
            List<String> warnings = new ArrayList<>(summary.warnings());
            warnings.addAll(visitorWarnings.toList());
            return visitor.result(summary.diffId() == null ? null : summary.diffId().toString(), summary.complete(), warnings);
        } catch (LayerReadException e) {
            return LayerResult.failed(layer, e.getMessage(), visitorWarnings.toList());
        } catch (RuntimeException e) {
            return LayerResult.failed(layer, "layer " + layer + ": analysis failed: " + e, visitorWarnings.toList());
        }
    }
}
