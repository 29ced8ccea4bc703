package dev.layerwatch.engine.ecosystem.alpine;

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
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        BufferedReader reader = new BufferedReader(new InputStreamReader(content, decoder));
        List<Package> packages = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<Character, String> stanza = new HashMap<>();
        int lineNo = 0;
        int start = 1;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                finish(file, stanza, start, packages, warnings);
                stanza = new HashMap<>();
                start = lineNo + 1;
            } else if (line.length() >= 2 && line.charAt(1) == ':') {
                // R: and friends repeat; only single-valued keys are read, so the first one wins
                stanza.putIfAbsent(line.charAt(0), line.substring(2).strip());
            } else {
                warnings.add(file.location() + ": line " + lineNo + ": not a 'K:value' line");
            }
        }
        finish(file, stanza, start, packages, warnings);
        return new CatalogResult(packages, warnings);
    }

    private static void finish(FileMeta file, Map<Character, String> stanza, int start, List<Package> packages,
            List<String> warnings) {
        if (stanza.isEmpty()) {
            return;
        }
        String name = stanza.get('P');
        String version = stanza.get('V');
        if (name == null || name.isBlank() || version == null || version.isBlank()) {
            warnings.add(file.location() + ": stanza at line " + start + " has no P: or no V:, skipped");
            return;
        }
        String origin = stanza.get('o');
        try {
            String purl = PackageUrls.of(Ecosystem.APK, "alpine", name, version,
                    Map.of("arch", stanza.getOrDefault('A', ""), "upstream", origin == null ? "" : origin));
            packages.add(new Package(name, version, Ecosystem.APK, purl,
                    origin == null || origin.isBlank() ? null : origin, null, null, List.of(file.location()), false));
        } catch (IllegalArgumentException e) {
            warnings.add(file.location() + ": package " + name + " skipped: " + e.getMessage());
        }
    }
}
