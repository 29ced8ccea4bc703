package dev.layerwatch.engine.ecosystem.ruby;

import dev.layerwatch.engine.catalog.CatalogResult;
import dev.layerwatch.engine.layer.FileMeta;
import dev.layerwatch.engine.catalog.PackageCataloger;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Installed gems: the specification stubs RubyGems writes to {@code <GEM_HOME>/specifications/<name>-<version>.gemspec}
 * ({@code s.name = "rack".freeze}, {@code s.version = "2.2.3"}). The file is Ruby, but RubyGems generates it
 * with one assignment per line, so the two assignments are read as text; nothing is evaluated. A platform gem
 * ({@code nokogiri-1.16.5-x86_64-linux.gemspec}) has {@code s.platform} besides: the package is name + version.
 */
public final class GemspecCataloger implements PackageCataloger {

    private static final Pattern ASSIGNMENT = Pattern.compile(
            "^\\s*\\w+\\.(name|version)\\s*=\\s*(?:Gem::Version\\.new\\()?\\s*[\"']([^\"']+)[\"'].*$");

    @Override
    public String name() {
        return "ruby-gemspec";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean wants(FileMeta file) {
        return file.path().contains("specifications/") && file.fileName().endsWith(".gemspec");
    }

    @Override
    public CatalogResult catalog(FileMeta file, InputStream content) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8));
        String name = null;
        String version = null;
        String line;
        while ((line = reader.readLine()) != null && (name == null || version == null)) {
            Matcher m = ASSIGNMENT.matcher(line);
            if (m.matches()) {
                if (m.group(1).equals("name") && name == null) {
                    name = m.group(2).strip();
                } else if (m.group(1).equals("version") && version == null) {
                    version = m.group(2).strip();
                }
            }
        }
        if (name == null || name.isEmpty() || version == null || version.isEmpty()) {
            return CatalogResult.warning(file.location() + ": gem specification has no s.name or no s.version");
        }
        try {
            return CatalogResult.of(List.of(RubyPackages.of(name, version, file.location(), false)));
        } catch (IllegalArgumentException e) {
            return CatalogResult.warning(file.location() + ": " + e.getMessage());
        }
    }
}
