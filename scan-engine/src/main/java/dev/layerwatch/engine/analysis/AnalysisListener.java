package dev.layerwatch.engine.analysis;

import dev.layerwatch.engine.image.LayerDescriptor;
import dev.layerwatch.engine.image.PlatformImage;

/** Progress of a scan, for a CLI progress line or a service's metrics. Called on the scanning thread. */
public interface AnalysisListener {

    default void layerStarted(PlatformImage image, int index, int count, LayerDescriptor layer) {
    }

    /** Compressed bytes of the current layer read so far. */
    default void layerProgress(long bytesRead) {
    }

    default void layerFinished(int index, boolean fromCache) {
    }

    AnalysisListener SILENT = new AnalysisListener() {
    };
}
