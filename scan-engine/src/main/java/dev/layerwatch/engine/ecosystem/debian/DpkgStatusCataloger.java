package dev.layerwatch.engine.ecosystem.debian;

import dev.layerwatch.engine.catalog.CatalogResult;
import dev.layerwatch.engine.catalog.PackageCataloger;
import dev.layerwatch.engine.catalog.PackageUrls;
import dev.layerwatch.engine.inventory.Ecosystem;
import dev.layerwatch.engine.inventory.Package;
import dev.layerwatch.engine.layer.FileMeta;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Installed Debian packages from {@code var/lib/dpkg/status} and distroless {@code var/lib/dpkg/status.d/*}.
 * A status stanza counts when its status word is {@code installed} (want may be install, hold or
 * deinstall: the files are still on disk, as {@code dpkg-query -W} reports); status.d entries carry no
 * Status field and are installed by construction.
 */
public final class DpkgStatusCataloger implements PackageCataloger {

    static final String STATUS = "var/lib/dpkg/status";
    static final String STATUS_DIR = "var/lib/dpkg/status.d/";

    @Override
    public String name() {
        return "dpkg";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean wants(FileMeta file) {
        String path = file.path();
        if (path.equals(STATUS)) {
            return true;
        }
        return path.startsWith(STATUS_DIR)
                && path.indexOf('/', STATUS_DIR.length()) < 0
                && !path.endsWith(".md5sums");
    }

    @Override
    public CatalogResult catalog(FileMeta file, InputStream content) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        DpkgStatusParser.Parsed parsed = DpkgStatusParser.parse(
                new BufferedReader(new InputStreamReader(content, decoder)));
        List<String> warnings = new ArrayList<>();
        parsed.problems().forEach(p -> warnings.add(file.location() + ": " + p));
        List<Package> packages = new ArrayList<>();
        for (DpkgStatusParser.Paragraph paragraph : parsed.paragraphs()) {
            if (!installed(paragraph.get("Status"))) {
                continue;
            }
            String name = paragraph.get("Package");
            String version = paragraph.get("Version");
            if (name == null || name.isBlank() || version == null || version.isBlank()) {
                warnings.add(file.location() + ": stanza at line " + paragraph.firstLine()
                        + " has no Package or no Version, skipped");
                continue;
            }
            try {
                packages.add(toPackage(file, paragraph, name, version));
            } catch (IllegalArgumentException e) {
                warnings.add(file.location() + ": package " + name + " skipped: " + e.getMessage());
            }
        }
        return new CatalogResult(packages, warnings);
    }

    private static boolean installed(String status) {
        if (status == null) {
            return true;
        }
        String[] words = status.strip().split("\\s+");
        return words.length == 3 && words[2].equals("installed");
    }

    private static Package toPackage(FileMeta file, DpkgStatusParser.Paragraph paragraph, String name,
            String version) {
        String sourceName = null;
        String sourceVersion = null;
        String source = paragraph.get("Source");
        if (source != null && !source.isBlank()) {
            int paren = source.indexOf('(');
            if (paren > 0 && source.endsWith(")")) {
                sourceName = source.substring(0, paren).strip();
                sourceVersion = source.substring(paren + 1, source.length() - 1).strip();
            } else {
                sourceName = source.strip();
            }
        }
        Map<String, String> qualifiers = new LinkedHashMap<>();
        qualifiers.put("arch", paragraph.get("Architecture"));
        qualifiers.put("upstream", sourceName);
        String purl = PackageUrls.of(Ecosystem.DEB, "debian", name, version, qualifiers);
        if (sourceVersion != null && (sourceVersion.isEmpty() || sourceVersion.equals(version))) {
            sourceVersion = null;
        }
        return new Package(name, version, Ecosystem.DEB, purl, sourceName, sourceVersion, null,
                List.of(file.location()), false);
    }
}
