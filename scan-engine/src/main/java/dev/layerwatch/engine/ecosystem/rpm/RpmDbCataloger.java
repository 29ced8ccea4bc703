package dev.layerwatch.engine.ecosystem.rpm;

import dev.layerwatch.engine.catalog.CatalogResult;
import dev.layerwatch.engine.catalog.GenericCataloger;
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

/**
 * Installed RPM packages from the rpm database under {@code var/lib/rpm} or {@code usr/lib/sysimage/rpm}:
 * {@code rpmdb.sqlite}, {@code Packages.db} (ndb) or {@code Packages} (Berkeley DB). The file is spooled
 * to a temporary file because all three need random access. {@code gpg-pubkey} pseudo-packages (imported
 * signing keys) are skipped.
 */
public final class RpmDbCataloger extends GenericCataloger {


    public RpmDbCataloger() {
        super("rpm", 1);
        withParserByGlobs(this::parse, "var/lib/rpm/rpmdb.sqlite", "var/lib/rpm/Packages.db", "var/lib/rpm/Packages",
                "usr/lib/sysimage/rpm/rpmdb.sqlite", "usr/lib/sysimage/rpm/Packages.db", "usr/lib/sysimage/rpm/Packages");
    }

    private CatalogResult parse(FileMeta file, InputStream content) throws IOException {
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
