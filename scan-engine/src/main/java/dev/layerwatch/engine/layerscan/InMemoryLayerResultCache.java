package dev.layerwatch.engine.layerscan;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A process-local {@link LayerResultCache}: what the CLI and tests use; scan-service has the Redis one. */
public final class InMemoryLayerResultCache implements LayerResultCache {

    private final Map<String, LayerResult> results = new ConcurrentHashMap<>();
    private final Set<String> leases = ConcurrentHashMap.newKeySet();

    @Override
    public Optional<LayerResult> get(String key) {
        return Optional.ofNullable(results.get(key));
    }

    @Override
    public void put(String key, LayerResult result) {
        results.put(key, result);
    }

    @Override
    public boolean tryLease(String key) {
        return leases.add(key);
    }

    @Override
    public void release(String key) {
        leases.remove(key);
    }

    public int size() {
        return results.size();
    }
}
