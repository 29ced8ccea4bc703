package dev.layerwatch.engine.assembly;

import dev.layerwatch.engine.catalog.CatalogResult;
import dev.layerwatch.engine.catalog.PackageCataloger;
import dev.layerwatch.engine.inventory.Ecosystem;
import dev.layerwatch.engine.inventory.Package;
import dev.layerwatch.engine.layer.FileMeta;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A deliberately small dpkg status reader, so the engine's merge can be tested independently of the
 * real catalogers (which live in {@code ecosystem.*} and have their own tests).
 */
final class DpkgStatusTestCataloger implements PackageCataloger {

    @Override
    public String name() {
        return "dpkg-test";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean wants(FileMeta file) {
        return file.path().equals("var/lib/dpkg/status");
    }

    @Override
    public CatalogResult catalog(FileMeta file, InputStream content) throws IOException {
        String text = new String(content.readAllBytes(), StandardCharsets.UTF_8);
        List<Package> packages = new ArrayList<>();
        for (String stanza : text.split("\n\n")) {
            String name = field(stanza, "Package");
            String version = field(stanza, "Version");
            if (name == null || version == null) {
                return CatalogResult.warning("malformed stanza in " + file.location());
            }
            packages.add(new Package(name, version, Ecosystem.DEB, "pkg:deb/" + name + "@" + version, field(stanza, "Source"),
                    null, null, List.of(file.location()), false));
        }
        return CatalogResult.of(packages);
    }

    private static String field(String stanza, String key) {
        for (String line : stanza.split("\n")) {
            if (line.startsWith(key + ": ")) {
                return line.substring(key.length() + 2).trim();
            }
        }
        return null;
    }
}
