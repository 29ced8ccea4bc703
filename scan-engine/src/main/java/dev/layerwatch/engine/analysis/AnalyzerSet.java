package dev.layerwatch.engine.analysis;

import dev.layerwatch.engine.catalog.PackageCataloger;
import java.util.List;
import java.util.Set;

/**
 * Everything that looks at an image, as one value: the explicit lists the engine runs. The
 * per-layer parts (catalogers, scanners, os-release paths, tracked paths) decide the cache key.
 *
 * @param trackedPaths cleaned paths whose presence in the final filesystem checks ask about
 *                     (package managers: {@code usr/bin/apt}, {@code sbin/apk}…)
 */
public record AnalyzerSet(
        List<PackageCataloger> catalogers,
        List<LayerFileScanner> scanners,
        OsReleaseReader osRelease,
        Set<String> trackedPaths,
        List<ImageCheck> checks,
        EndOfLifeLookup endOfLife) {

    public AnalyzerSet {
        catalogers = catalogers == null ? List.of() : List.copyOf(catalogers);
        scanners = scanners == null ? List.of() : List.copyOf(scanners);
        osRelease = osRelease == null ? OsReleaseReader.NONE : osRelease;
        trackedPaths = trackedPaths == null ? Set.of() : Set.copyOf(trackedPaths);
        checks = checks == null ? List.of() : List.copyOf(checks);
        endOfLife = endOfLife == null ? EndOfLifeLookup.UNKNOWN : endOfLife;
    }
}
