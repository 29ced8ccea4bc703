package dev.layerwatch.engine.ecosystem.rust;

import dev.layerwatch.engine.catalog.CatalogResult;
import dev.layerwatch.engine.layer.FileMeta;
import dev.layerwatch.engine.catalog.PackageCataloger;
import dev.layerwatch.engine.catalog.PackageUrls;
import dev.layerwatch.engine.inventory.Ecosystem;
import dev.layerwatch.engine.inventory.Package;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Crates pinned by {@code Cargo.lock} ({@code declaredOnly}), every format version (no header, {@code version = 3},
 * {@code version = 4}). Each {@code [[package]]} table has {@code name}, {@code version} and, for a dependency,
 * {@code source}. Only {@code registry+…crates.io-index} sources are crates.io releases that crates.io advisories
 * speak of; git sources ({@code git+https://…#sha}) and the workspace's own crates (no source) are skipped.
 * Cargo writes one {@code key = "value"} per line, so the tables are read line by line.
 */
public final class CargoLockCataloger implements PackageCataloger {

    private static final Pattern STRING = Pattern.compile("^(\\w+)\\s*=\\s*\"([^\"]*)\"\\s*$");
    private static final String CRATES_IO = "registry+https://github.com/rust-lang/crates.io-index";
    private static final String CRATES_IO_SPARSE = "sparse+https://index.crates.io/";

    @Override
    public String name() {
        return "rust-cargo-lock";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean wants(FileMeta file) {
        return file.fileName().equals("Cargo.lock");
    }

    @Override
    public CatalogResult catalog(FileMeta file, InputStream content) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8));
        List<Package> found = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String[] table = null;
        int tables = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            String stripped = line.strip();
            if (stripped.startsWith("[")) {
                add(table, file, found, warnings);
                table = stripped.equals("[[package]]") ? new String[3] : null;
                tables += table != null ? 1 : 0;
                continue;
            }
            Matcher m = STRING.matcher(stripped);
            if (table != null && m.matches()) {
                switch (m.group(1)) {
                    case "name" -> table[0] = m.group(2);
                    case "version" -> table[1] = m.group(2);
                    case "source" -> table[2] = m.group(2);
                    default -> {
                    }
                }
            }
        }
        add(table, file, found, warnings);
        if (tables == 0) {
            warnings.add(file.location() + ": no [[package]] table: not a Cargo.lock");
        }
        return new CatalogResult(found, warnings);
    }

    private static void add(String[] table, FileMeta file, List<Package> found, List<String> warnings) {
        if (table == null) {
            return;
        }
        if (table[0] == null || table[1] == null) {
            warnings.add(file.location() + ": a [[package]] table has no name or no version");
            return;
        }
        if (table[2] == null || !(table[2].equals(CRATES_IO) || table[2].startsWith(CRATES_IO_SPARSE))) {
            return;
        }
        try {
            String purl = PackageUrls.of(Ecosystem.CARGO, null, table[0], table[1]);
            found.add(new Package(table[0], table[1], Ecosystem.CARGO, purl, null, null, null, List.of(file.location()), true));
        } catch (IllegalArgumentException e) {
            warnings.add(file.location() + ": crate " + table[0] + ": " + e.getMessage());
        }
    }
}
