package dev.layerwatch.engine.ecosystem.python;

import dev.layerwatch.engine.catalog.CatalogResult;
import dev.layerwatch.engine.catalog.PackageCataloger;
import dev.layerwatch.engine.inventory.Package;
import dev.layerwatch.engine.layer.FileMeta;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Declared Python dependencies ({@code declaredOnly}): {@code poetry.lock} packages and the pinned
 * ({@code ==}) lines of {@code requirements*.txt}. Ranges, editable installs, URLs and includes
 * ({@code -r}) pin nothing and are skipped without a warning.
 */
public final class PythonDeclaredCataloger implements PackageCataloger {

    private static final Pattern PINNED = Pattern.compile(
            "^([A-Za-z0-9][A-Za-z0-9._-]*)\\s*(?:\\[[^\\]]*\\])?\\s*===?\\s*([A-Za-z0-9][A-Za-z0-9._+!-]*)\\s*(?:;.*)?$");
    private static final Pattern TOML_STRING = Pattern.compile("^(\\w+)\\s*=\\s*\"([^\"]*)\"\\s*$");

    @Override
    public String name() {
        return "python-declared";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean wants(FileMeta file) {
        String name = file.fileName();
        return name.equals("poetry.lock") || (name.startsWith("requirements") && name.endsWith(".txt"));
    }

    @Override
    public CatalogResult catalog(FileMeta file, InputStream content) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8));
        Map<String, String> found = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        if (file.fileName().equals("poetry.lock")) {
            poetry(reader, found, warnings, file.location());
        } else {
            requirements(reader, found);
        }
        List<Package> packages = new ArrayList<>();
        for (Map.Entry<String, String> e : found.entrySet()) {
            String name = e.getKey().substring(0, e.getKey().indexOf(' '));
            try {
                packages.add(PythonPackages.of(name, e.getValue(), file.location(), true));
            } catch (IllegalArgumentException ex) {
                warnings.add(file.location() + ": " + name + " skipped: " + ex.getMessage());
            }
        }
        return new CatalogResult(packages, warnings);
    }

    private static void requirements(BufferedReader reader, Map<String, String> found) throws IOException {
        StringBuilder logical = new StringBuilder();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.endsWith("\\")) {
                logical.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            logical.append(line);
            String requirement = logical.toString();
            logical.setLength(0);
            int comment = requirement.indexOf(" #");
            if (requirement.strip().startsWith("#")) {
                continue;
            }
            if (comment >= 0) {
                requirement = requirement.substring(0, comment);
            }
            int option = requirement.indexOf(" --");
            if (option >= 0) {
                requirement = requirement.substring(0, option);
            }
            Matcher m = PINNED.matcher(requirement.strip());
            if (m.matches()) {
                found.put(m.group(1) + " " + m.group(2), m.group(2));
            }
        }
    }

    private static void poetry(BufferedReader reader, Map<String, String> found, List<String> warnings,
            String location) throws IOException {
        boolean inPackage = false;
        String name = null;
        String version = null;
        int packages = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            String trimmed = line.strip();
            if (trimmed.startsWith("[")) {
                addPoetry(found, warnings, location, inPackage, name, version);
                inPackage = trimmed.equals("[[package]]");
                packages += inPackage ? 1 : 0;
                name = null;
                version = null;
                continue;
            }
            Matcher m = TOML_STRING.matcher(trimmed);
            if (inPackage && m.matches()) {
                if (m.group(1).equals("name")) {
                    name = m.group(2);
                } else if (m.group(1).equals("version")) {
                    version = m.group(2);
                }
            }
        }
        addPoetry(found, warnings, location, inPackage, name, version);
        if (packages == 0) {
            warnings.add(location + ": no [[package]] tables found");
        }
    }

    private static void addPoetry(Map<String, String> found, List<String> warnings, String location,
            boolean inPackage, String name, String version) {
        if (!inPackage) {
            return;
        }
        if (name == null || version == null || name.isBlank() || version.isBlank()) {
            warnings.add(location + ": a [[package]] table has no name or no version");
            return;
        }
        found.put(name + " " + version, version);
    }
}
