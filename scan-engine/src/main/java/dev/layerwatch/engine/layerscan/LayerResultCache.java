package dev.layerwatch.engine.layerscan;

import java.util.Optional;

/**
 * Stores per-layer results by {@link AnalyzerVersions#key}. The lease keeps two workers from analysing
 * the same layer at once; a cache that is down answers empty and grants every lease, so a scan never
 * fails for it.
 */
public interface LayerResultCache {

    Optional<LayerResult> get(String key);

    void put(String key, LayerResult result);

    /** True when the caller may analyse the layer now; false when someone else holds the lease. */
    boolean tryLease(String key);

    void release(String key);

    /** Caches nothing: every layer is analysed. */
    LayerResultCache NONE = new LayerResultCache() {
        @Override
        public Optional<LayerResult> get(String key) {
            return Optional.empty();
        }

        @Override
        public void put(String key, LayerResult result) {
        }

        @Override
        public boolean tryLease(String key) {
            return true;
        }

        @Override
        public void release(String key) {
        }
    };
}
