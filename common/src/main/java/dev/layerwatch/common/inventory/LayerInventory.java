package dev.layerwatch.common.inventory;

import java.util.List;

/**
 * What one layer contributes to an image's final filesystem: the packages it introduced that no upper layer removed.
 *
 * @param layer the layer digest as the manifest names it
 */
public record LayerInventory(String layer, List<InventoryPackage> packages) {
    public LayerInventory {
        if (layer == null || layer.isBlank()) {
            throw new IllegalArgumentException("layer inventory needs a layer digest");
        }
        packages = packages == null ? List.of() : List.copyOf(packages);
    }
}
