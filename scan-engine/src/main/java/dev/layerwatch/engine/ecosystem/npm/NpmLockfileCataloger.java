package dev.layerwatch.engine.ecosystem.npm;

import dev.layerwatch.engine.catalog.BoundedLineReader;
import dev.layerwatch.engine.catalog.CatalogResult;
import dev.layerwatch.engine.catalog.PackageCataloger;
import dev.layerwatch.engine.inventory.Package;
import dev.layerwatch.engine.layer.FileMeta;
import java.io.IOException;
import java.io.InputStream;
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
    private static final int MAX_YAML_BYTES = 12 << 20;

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

    /**
     * The YAML reader refuses documents over 3 M code points, and takes minutes (and most of a small heap) over
     * one scalar of a few MB: a pnpm lock is read whole (it is small) and its lines checked before it is parsed.
     */
    private static String refusedYaml(byte[] bytes) {
        if (bytes.length > MAX_YAML_BYTES) {
            return "larger than " + MAX_YAML_BYTES + " bytes, not read";
        }
        int line = 0;
        for (byte b : bytes) {
            line = b == '\n' ? 0 : line + 1;
            if (line > BoundedLineReader.DEFAULT_MAX_LINE_CHARS) {
                return "a line is longer than " + BoundedLineReader.DEFAULT_MAX_LINE_CHARS + " bytes, not read";
            }
        }
        return null;
    }

    @Override
    public CatalogResult catalog(FileMeta file, InputStream content) throws IOException {
        byte[] yaml = null;
        if (file.fileName().equals("pnpm-lock.yaml")) {
            yaml = content.readNBytes(MAX_YAML_BYTES + 1);
            String refused = refusedYaml(yaml);
            if (refused != null) {
                return CatalogResult.warning(file.location() + ": " + refused);
            }
        }
        NpmLockEntries found;
        try {
            found = switch (file.fileName()) {
                case "yarn.lock" -> YarnLockParser.parse(BoundedLineReader.utf8(content));
                case "pnpm-lock.yaml" -> PnpmLockParser.parse(YAML.readTree(yaml));
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
