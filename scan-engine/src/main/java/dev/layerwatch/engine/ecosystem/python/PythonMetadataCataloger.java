package dev.layerwatch.engine.ecosystem.python;

import dev.layerwatch.engine.catalog.CatalogResult;
import dev.layerwatch.engine.catalog.PackageCataloger;
import dev.layerwatch.engine.layer.FileMeta;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Installed Python distributions: {@code *.dist-info/METADATA} (wheels, pip), {@code *.egg-info/PKG-INFO}
 * (setuptools) and single-file {@code *.egg-info} (Debian's python3-* packages). Only the header block
 * of the core metadata is read; the description body after the first blank line is not.
 */
public final class PythonMetadataCataloger implements PackageCataloger {

    @Override
    public String name() {
        return "python-metadata";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean wants(FileMeta file) {
        String path = file.path();
        return path.endsWith(".dist-info/METADATA") || path.endsWith(".egg-info/PKG-INFO")
                || file.fileName().endsWith(".egg-info");
    }

    @Override
    public CatalogResult catalog(FileMeta file, InputStream content) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8));
        String name = null;
        String version = null;
        String line;
        while ((line = reader.readLine()) != null && !line.isEmpty()) {
            if (Character.isWhitespace(line.charAt(0))) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                return CatalogResult.warning(file.location() + ": not a core metadata header line: '"
                        + abbreviate(line) + "'");
            }
            String key = line.substring(0, colon).strip();
            if (key.equalsIgnoreCase("Name") && name == null) {
                name = line.substring(colon + 1).strip();
            } else if (key.equalsIgnoreCase("Version") && version == null) {
                version = line.substring(colon + 1).strip();
            }
        }
        if (name == null || name.isEmpty() || version == null || version.isEmpty()) {
            return CatalogResult.warning(file.location() + ": core metadata has no Name or no Version");
        }
        try {
            return CatalogResult.of(List.of(PythonPackages.of(name, version, file.location(), false)));
        } catch (IllegalArgumentException e) {
            return CatalogResult.warning(file.location() + ": " + e.getMessage());
        }
    }

    private static String abbreviate(String line) {
        return line.length() > 60 ? line.substring(0, 60) + "…" : line;
    }
}
