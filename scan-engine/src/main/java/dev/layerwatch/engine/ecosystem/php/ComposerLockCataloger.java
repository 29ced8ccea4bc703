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

/** Packages pinned by {@code composer.lock} ({@code declaredOnly}): {@code packages} and {@code packages-dev}. */
public final class ComposerLockCataloger implements PackageCataloger {

    @Override
    public String name() {
        return "php-composer-lock";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean wants(FileMeta file) {
        return file.fileName().equals("composer.lock");
    }

    @Override
    public CatalogResult catalog(FileMeta file, InputStream content) throws IOException {
        JsonNode root;
        try {
            root = ComposerPackages.JSON.readTree(content);
        } catch (JacksonException e) {
            return CatalogResult.warning(file.location() + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !root.has("packages")) {
            return CatalogResult.warning(file.location() + ": no 'packages' object: not a composer.lock");
        }
        List<Package> found = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        ComposerPackages.addAll(root.get("packages"), file.location(), true, found, warnings, "packages");
        ComposerPackages.addAll(root.get("packages-dev"), file.location(), true, found, warnings, "packages-dev");
        return new CatalogResult(found, warnings);
    }
}
