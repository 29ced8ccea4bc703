package dev.layerwatch.engine.ecosystem.npm;

import dev.layerwatch.engine.catalog.CatalogResult;
import dev.layerwatch.engine.catalog.PackageCataloger;
import dev.layerwatch.engine.inventory.Package;
import dev.layerwatch.engine.layer.FileMeta;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Declared npm dependencies from the project's lock files ({@code declaredOnly}): what an image will
 * install, or what was bundled without node_modules. Lock files inside node_modules belong to
 * dependencies, not to the project, and are skipped.
 */
public final class NpmLockfileCataloger implements PackageCataloger {

    private static final Set<String> FILES = Set.of("package-lock.json", "npm-shrinkwrap.json", "yarn.lock",
            "pnpm-lock.yaml");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    @Override
    public String name() {
        return "npm-lockfile";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean wants(FileMeta file) {
        return FILES.contains(file.fileName()) && !("/" + file.path()).contains("/node_modules/");
    }

    @Override
    public CatalogResult catalog(FileMeta file, InputStream content) throws IOException {
        NpmLockEntries found;
        try {
            found = switch (file.fileName()) {
                case "yarn.lock" -> YarnLockParser.parse(
                        new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8)));
                case "pnpm-lock.yaml" -> PnpmLockParser.parse(YAML.readTree(content));
                default -> NpmPackageLockParser.parse(NpmPackageJsonCataloger.JSON.readTree(content));
            };
        } catch (JacksonException e) {
            return CatalogResult.warning(file.location() + ": unreadable lock file: " + e.getOriginalMessage());
        }
        List<Package> packages = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        found.problems().forEach(p -> warnings.add(file.location() + ": " + p));
        for (NpmLockEntries.Entry entry : found.entries()) {
            try {
                packages.add(NpmPackages.of(entry.name(), entry.version(), file.location(), true));
            } catch (IllegalArgumentException e) {
                warnings.add(file.location() + ": " + entry.name() + " skipped: " + e.getMessage());
            }
        }
        return new CatalogResult(packages, warnings);
    }
}
