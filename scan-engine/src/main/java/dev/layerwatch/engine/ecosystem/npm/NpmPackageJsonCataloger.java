package dev.layerwatch.engine.ecosystem.npm;

import dev.layerwatch.engine.catalog.CatalogResult;
import dev.layerwatch.engine.catalog.PackageCataloger;
import dev.layerwatch.engine.layer.FileMeta;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Installed npm packages: the {@code package.json} at the root of each package directory under a
 * {@code node_modules} ({@code node_modules/name/} or {@code node_modules/@scope/name/}). package.json
 * files deeper inside a package (build outputs, module-type markers) are not package roots and are skipped.
 */
public final class NpmPackageJsonCataloger implements PackageCataloger {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String name() {
        return "npm-package-json";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean wants(FileMeta file) {
        if (!file.fileName().equals("package.json")) {
            return false;
        }
        String[] parts = file.path().split("/");
        int n = parts.length;
        if (n >= 3 && parts[n - 3].equals("node_modules")) {
            return !parts[n - 2].startsWith("@") && !parts[n - 2].startsWith(".");
        }
        return n >= 4 && parts[n - 4].equals("node_modules") && parts[n - 3].startsWith("@");
    }

    @Override
    public CatalogResult catalog(FileMeta file, InputStream content) throws IOException {
        JsonNode json;
        try {
            json = JSON.readTree(content);
        } catch (JacksonException e) {
            return CatalogResult.warning(file.location() + ": not valid JSON: " + e.getOriginalMessage());
        }
        String name = text(json, "name");
        String version = text(json, "version");
        if (name == null || version == null) {
            return CatalogResult.warning(file.location() + ": package.json has no name or no version");
        }
        try {
            return CatalogResult.of(List.of(NpmPackages.of(name, version, file.location(), false)));
        } catch (IllegalArgumentException e) {
            return CatalogResult.warning(file.location() + ": " + e.getMessage());
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isString() && !value.stringValue().isBlank() ? value.stringValue().strip() : null;
    }
}
