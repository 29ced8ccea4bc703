package dev.layerwatch.engine.ecosystem.alpine;

import dev.layerwatch.engine.catalog.BoundedLineReader;
import dev.layerwatch.engine.catalog.CatalogResult;
import dev.layerwatch.engine.catalog.FileWarnings;
import dev.layerwatch.engine.catalog.PackageCataloger;
import dev.layerwatch.engine.catalog.PackageUrls;
import dev.layerwatch.engine.inventory.Ecosystem;
import dev.layerwatch.engine.inventory.Package;
import dev.layerwatch.engine.layer.FileMeta;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Installed Alpine packages from {@code lib/apk/db/installed}: one stanza per package, one-letter keys
 * ({@code P} name, {@code V} version, {@code A} arch, {@code o} origin = source package). File lists
 * ({@code F}/{@code R}) are not kept: the database path is the evidence.
 */
public final class ApkDbCataloger implements PackageCataloger {

    static final String INSTALLED = "lib/apk/db/installed";
    /** Alpine's whole main and community repositories hold about 30k packages; beyond this a file is hostile. */
    static final int MAX_PACKAGES = 100_000;

    @Override
    public String name() {
        return "apk";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean wants(FileMeta file) {
        return file.path().equals(INSTALLED);
    }

    @Override
    public CatalogResult catalog(FileMeta file, InputStream content) throws IOException {
        BoundedLineReader reader = BoundedLineReader.utf8(content);
        List<Package> packages = new ArrayList<>();
        FileWarnings warnings = new FileWarnings(file.location());
        Map<Character, String> stanza = new HashMap<>();
        int start = 1;
        String line;
        while ((line = reader.readLine()) != null) {
            int lineNo = (int) reader.lineNumber();
            if (reader.lastLineTruncated()) {
                warnings.add("line " + lineNo + ": longer than " + reader.maxLineChars() + " characters, cut");
            }
            if (line.isBlank()) {
                finish(file, stanza, start, packages, warnings);
                stanza = new HashMap<>();
                start = lineNo + 1;
            } else if (line.length() >= 2 && line.charAt(1) == ':') {
                // R: and friends repeat; only single-valued keys are read, so the first one wins
                stanza.putIfAbsent(line.charAt(0), line.substring(2).strip());
            } else {
                warnings.add("line " + lineNo + ": not a 'K:value' line");
            }
        }
        finish(file, stanza, start, packages, warnings);
        return new CatalogResult(packages, warnings.toList());
    }

    private static void finish(FileMeta file, Map<Character, String> stanza, int start, List<Package> packages,
            FileWarnings warnings) {
        if (stanza.isEmpty()) {
            return;
        }
        String name = stanza.get('P');
        String version = stanza.get('V');
        if (name == null || name.isBlank() || version == null || version.isBlank()) {
            warnings.add("stanza at line " + start + " has no P: or no V:, skipped");
            return;
        }
        if (packages.size() >= MAX_PACKAGES) {
            warnings.add("stanza at line " + start + ": more than " + MAX_PACKAGES + " packages in one file, skipped");
            return;
        }
        String origin = stanza.get('o');
        try {
            String purl = PackageUrls.of(Ecosystem.APK, "alpine", name, version,
                    Map.of("arch", stanza.getOrDefault('A', ""), "upstream", origin == null ? "" : origin));
            packages.add(new Package(name, version, Ecosystem.APK, purl,
                    origin == null || origin.isBlank() ? null : origin, null, null, List.of(file.location()), false));
        } catch (IllegalArgumentException e) {
            warnings.add("package " + name + " skipped: " + e.getMessage());
        }
    }
}
