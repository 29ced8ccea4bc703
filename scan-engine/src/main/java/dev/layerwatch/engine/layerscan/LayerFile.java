package dev.layerwatch.engine.layerscan;

import dev.layerwatch.engine.inventory.Package;
import dev.layerwatch.engine.layer.LayerEntryKind;
import java.util.List;

/**
 * A path in one layer that matters to the image-level merge: a file a cataloger read (with the
 * packages it evidenced, possibly none, which still hides a lower layer's copy), a tracked path, an
 * os-release candidate.
 *
 * @param linkTarget symlinks: the link text as written; hard links: the cleaned target; else null
 */
public record LayerFile(String path, LayerEntryKind kind, String linkTarget, List<Package> packages) {
    public LayerFile {
        packages = packages == null ? List.of() : List.copyOf(packages);
    }
}
