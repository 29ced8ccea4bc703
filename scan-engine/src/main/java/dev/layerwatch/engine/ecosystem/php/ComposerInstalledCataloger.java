package dev.layerwatch.engine.ecosystem.php;

import dev.layerwatch.engine.catalog.CatalogResult;
import dev.layerwatch.engine.layer.FileMeta;
import dev.layerwatch.engine.catalog.PackageCataloger;
import dev.layerwatch.engine.inventory.Package;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Packages Composer installed: {@code vendor/composer/installed.json}. Composer 1 writes a bare array of
 * entries, Composer 2 an object whose {@code packages} holds them (beside {@code dev} and
 * {@code dev-package-names}); both are read. Dev packages are installed too, so they are reported.
 */
public final class ComposerInstalledCataloger implements PackageCataloger {

    @Override
    public String name() {
        return "php-composer-installed";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean wants(FileMeta file) {
        return file.path().endsWith("vendor/composer/installed.json");
    }

    @Override
    public CatalogResult catalog(FileMeta file, InputStream content) throws IOException {
        JsonNode root;
        try {
            root = ComposerPackages.JSON.readTree(content);
        } catch (JacksonException e) {
            return CatalogResult.warning(file.location() + ": not valid JSON: " + e.getOriginalMessage());
        }
        List<Package> found = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (root != null && root.isArray()) {
            ComposerPackages.addAll(root, file.location(), false, found, warnings, "entries");
        } else if (root != null && root.isObject()) {
            ComposerPackages.addAll(root.get("packages"), file.location(), false, found, warnings, "packages");
        } else {
            warnings.add(file.location() + ": neither a Composer 1 array nor a Composer 2 object");
        }
        return new CatalogResult(found, warnings);
    }
}
