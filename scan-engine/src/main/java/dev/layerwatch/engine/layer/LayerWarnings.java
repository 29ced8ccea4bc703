package dev.layerwatch.engine.layer;

import java.util.ArrayList;
import java.util.List;

/** A layer's warnings, capped: a tar with a million traversal entries must not yield a million strings. */
public final class LayerWarnings {

    private final int max;
    private final List<String> kept = new ArrayList<>();
    private long dropped;

    public LayerWarnings(int max) {
        this.max = max;
    }

    public void add(String warning) {
        if (kept.size() < max) {
            kept.add(warning);
        } else {
            dropped++;
        }
    }

    public List<String> toList() {
        if (dropped == 0) {
            return List.copyOf(kept);
        }
        List<String> all = new ArrayList<>(kept);
        all.add(dropped + " more warnings for this layer were not kept");
        return List.copyOf(all);
    }
}
