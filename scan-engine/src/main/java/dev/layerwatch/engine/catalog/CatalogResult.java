package dev.layerwatch.engine.catalog;

import dev.layerwatch.engine.inventory.Package;
import java.util.List;

/** What one cataloger found in one file: packages, and warnings for what it could not read (never an exception). */
public record CatalogResult(List<Package> packages, List<String> warnings) {

    public static final CatalogResult EMPTY = new CatalogResult(List.of(), List.of());

    public CatalogResult {
        packages = packages == null ? List.of() : List.copyOf(packages);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public static CatalogResult of(List<Package> packages) {
        return new CatalogResult(packages, List.of());
    }

    public static CatalogResult warning(String warning) {
        return new CatalogResult(List.of(), List.of(warning));
    }
}
