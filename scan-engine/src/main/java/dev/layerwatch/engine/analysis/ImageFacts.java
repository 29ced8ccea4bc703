package dev.layerwatch.engine.analysis;

import dev.layerwatch.engine.inventory.OsRelease;
import dev.layerwatch.engine.inventory.Package;
import java.util.List;
import java.util.function.Predicate;

/**
 * What image-level checks see once the layers are merged.
 *
 * @param configJson the raw image config (may be empty for {@code dir:} targets)
 * @param os         the detected distribution, or null
 * @param exists     whether a cleaned path (no leading slash) exists in the final filesystem; only paths
 *                   the analysis tracks ({@link AnalyzerSet#trackedPaths()}, os-release files, cataloged files) are known
 */
public record ImageFacts(byte[] configJson, OsRelease os, List<Package> packages, Predicate<String> exists) {
    public ImageFacts {
        configJson = configJson == null ? new byte[0] : configJson;
        packages = packages == null ? List.of() : List.copyOf(packages);
    }
}
