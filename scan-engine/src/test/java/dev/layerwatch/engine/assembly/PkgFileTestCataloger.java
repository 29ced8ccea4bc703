package dev.layerwatch.engine.assembly;

import dev.layerwatch.engine.catalog.CatalogResult;
import dev.layerwatch.engine.catalog.PackageCataloger;
import dev.layerwatch.engine.inventory.Ecosystem;
import dev.layerwatch.engine.inventory.Package;
import dev.layerwatch.engine.layer.FileMeta;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads {@code *.pkg} files holding {@code name@version} (an npm package) or {@code declared name@version}:
 * one package per file, so whiteout tests can say exactly which files survive.
 */
class PkgFileTestCataloger implements PackageCataloger {

    @Override
    public String name() {
        return "pkg-test";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean wants(FileMeta file) {
        return file.path().endsWith(".pkg");
    }

    @Override
    public CatalogResult catalog(FileMeta file, InputStream content) throws IOException {
        String text = new String(content.readAllBytes(), StandardCharsets.UTF_8).trim();
        if (text.equals("boom")) {
            throw new IllegalStateException("cannot parse " + file.path());
        }
        boolean declared = text.startsWith("declared ");
        String spec = declared ? text.substring("declared ".length()) : text;
        int at = spec.lastIndexOf('@');
        if (at <= 0) {
            return CatalogResult.warning("no name@version in " + file.location());
        }
        String name = spec.substring(0, at);
        String version = spec.substring(at + 1);
        return CatalogResult.of(List.of(new Package(name, version, Ecosystem.NPM, "pkg:npm/" + name + "@" + version, null, null,
                null, List.of(file.location()), declared)));
    }
}
