package dev.layerwatch.engine.ecosystem.java;

import dev.layerwatch.engine.catalog.CatalogResult;
import dev.layerwatch.engine.catalog.PackageCataloger;
import dev.layerwatch.engine.catalog.PackageUrls;
import dev.layerwatch.engine.inventory.Ecosystem;
import dev.layerwatch.engine.inventory.Package;
import dev.layerwatch.engine.layer.FileMeta;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Maven packages in Java archives. The archive is read once as a stream (never opened as a file), and
 * archives nested in it are read from within that stream up to {@link JavaArchiveReader#MAX_DEPTH}.
 */
public final class JavaArchiveCataloger implements PackageCataloger {

    @Override
    public String name() {
        return "java-archive";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean wants(FileMeta file) {
        return JavaArchiveFileName.isArchive(file.fileName());
    }

    @Override
    public CatalogResult catalog(FileMeta file, InputStream content) throws IOException {
        JavaArchiveReader reader = new JavaArchiveReader();
        reader.read(file.location(), content);
        List<Package> packages = new ArrayList<>();
        List<String> warnings = new ArrayList<>(reader.warnings());
        for (JavaCoordinates c : reader.found()) {
            try {
                // a Maven purl needs a namespace: with the group unknown, the artifact stands in for it
                String namespace = c.groupId() != null ? c.groupId() : c.artifactId();
                String purl = PackageUrls.of(Ecosystem.MAVEN, namespace, c.artifactId(), c.version());
                packages.add(new Package(c.name(), c.version(), Ecosystem.MAVEN, purl, null, null, null,
                        List.of(c.location()), false));
            } catch (IllegalArgumentException e) {
                warnings.add(c.location() + ": " + c.name() + " skipped: " + e.getMessage());
            }
        }
        return new CatalogResult(packages, warnings);
    }
}
