package dev.layerwatch.common.inventory;

import java.util.List;

/**
 * One installed package.
 *
 * @param type          the ecosystem id ({@code deb}, {@code apk}, {@code maven}, {@code npm}…)
 * @param source        OS packages: the source package; null otherwise
 * @param sourceVersion OS packages: the source version when it differs from {@code version}
 * @param locations     the files that evidence it ({@code /app/app.jar!/BOOT-INF/lib/x.jar})
 */
public record InventoryPackage(String name, String version, String type, String purl, String source, String sourceVersion,
                               List<String> locations) {
    public InventoryPackage {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("inventory package name is required");
        }
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("inventory package " + name + " has no type");
        }
        locations = locations == null ? List.of() : List.copyOf(locations);
    }
}
