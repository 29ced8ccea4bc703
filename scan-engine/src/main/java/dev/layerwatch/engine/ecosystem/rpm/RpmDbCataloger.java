package dev.layerwatch.engine.ecosystem.rpm;

import dev.layerwatch.engine.catalog.CatalogResult;
import dev.layerwatch.engine.catalog.PackageCataloger;
import dev.layerwatch.engine.catalog.PackageUrls;
import dev.layerwatch.engine.catalog.SpooledFile;
import dev.layerwatch.engine.inventory.Ecosystem;
import dev.layerwatch.engine.inventory.Package;
import dev.layerwatch.engine.layer.FileMeta;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Installed RPM packages from the rpm database under {@code var/lib/rpm} or {@code usr/lib/sysimage/rpm}:
 * {@code rpmdb.sqlite}, {@code Packages.db} (ndb) or {@code Packages} (Berkeley DB). The file is spooled
 * to a temporary file because all three need random access. {@code gpg-pubkey} pseudo-packages (imported
 * signing keys) are skipped.
 */
public final class RpmDbCataloger implements PackageCataloger {

    private static final Set<String> DIRECTORIES = Set.of("var/lib/rpm/", "usr/lib/sysimage/rpm/");
    private static final Set<String> FILES = Set.of("rpmdb.sqlite", "Packages.db", "Packages");

    @Override
    public String name() {
        return "rpm";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean wants(FileMeta file) {
        String name = file.fileName();
        return FILES.contains(name) && DIRECTORIES.contains(file.path().substring(0, file.path().length() - name.length()));
    }

    @Override
    public CatalogResult catalog(FileMeta file, InputStream content) throws IOException {
        List<Package> packages = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        RpmBlobSink sink = new RpmBlobSink() {
            @Override
            public void blob(byte[] header) {
                try {
                    RpmHeader h = RpmHeaderParser.parse(header);
                    if (!h.name().equals("gpg-pubkey")) {
                        packages.add(toPackage(file, h));
                    }
                } catch (RpmDbFormatException | IllegalArgumentException e) {
                    warnings.add(file.location() + ": header skipped: " + e.getMessage());
                }
            }

            @Override
            public void problem(String description) {
                warnings.add(file.location() + ": " + description);
            }
        };
        try (SpooledFile spooled = SpooledFile.copyOf(content, ".rpmdb")) {
            switch (file.fileName()) {
                case "rpmdb.sqlite" -> RpmSqliteReader.read(spooled.path(), sink);
                case "Packages.db" -> {
                    try (FileChannel channel = FileChannel.open(spooled.path(), StandardOpenOption.READ)) {
                        RpmNdbReader.read(channel, sink);
                    }
                }
                default -> {
                    try (FileChannel channel = FileChannel.open(spooled.path(), StandardOpenOption.READ)) {
                        RpmBdbReader.read(channel, sink);
                    }
                }
            }
        } catch (RpmDbFormatException e) {
            warnings.add(file.location() + ": not a readable rpm database: " + e.getMessage());
        }
        return new CatalogResult(packages, warnings);
    }

    private static Package toPackage(FileMeta file, RpmHeader header) {
        Map<String, String> qualifiers = new LinkedHashMap<>();
        qualifiers.put("arch", header.arch());
        qualifiers.put("epoch", header.epoch() == null ? null : header.epoch().toString());
        qualifiers.put("upstream", header.sourceRpm());
        String purl = PackageUrls.of(Ecosystem.RPM, "redhat", header.name(),
                header.version() + "-" + header.release(), qualifiers);
        return new Package(header.name(), header.evr(), Ecosystem.RPM, purl, header.sourceName(), null, null,
                List.of(file.location()), false);
    }
}
