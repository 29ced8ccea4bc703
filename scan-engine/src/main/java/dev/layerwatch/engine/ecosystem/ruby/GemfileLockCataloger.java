package dev.layerwatch.engine.ecosystem.ruby;

import dev.layerwatch.engine.catalog.CatalogResult;
import dev.layerwatch.engine.layer.FileMeta;
import dev.layerwatch.engine.catalog.PackageCataloger;
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
 * Gems pinned by Bundler ({@code declaredOnly}): the {@code specs:} of the {@code GEM} section of
 * {@code Gemfile.lock}, four spaces deep ({@code rack (2.2.3)}); six spaces deep are their requirements.
 * {@code PATH} and {@code GIT} sections are local or git checkouts, not rubygems.org releases, so RubyGems
 * advisories do not apply and they are skipped. A platform suffix ({@code nokogiri (1.16.5-x86_64-linux)}) is
 * dropped: advisories name the gem and version only.
 */
public final class GemfileLockCataloger implements PackageCataloger {

    private static final Pattern SPEC = Pattern.compile("^ {4}([^\\s(]+) \\(([^)\\s]+)\\)$");

    @Override
    public String name() {
        return "ruby-gemfile-lock";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean wants(FileMeta file) {
        return file.fileName().equals("Gemfile.lock");
    }

    @Override
    public CatalogResult catalog(FileMeta file, InputStream content) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8));
        List<Package> found = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String section = null;
        boolean inSpecs = false;
        boolean sawSection = false;
        String line;
        long number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isEmpty()) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                section = line.strip();
                sawSection = true;
                inSpecs = false;
                continue;
            }
            if (line.equals("  specs:")) {
                inSpecs = true;
                continue;
            }
            if (!"GEM".equals(section) || !inSpecs || line.startsWith("      ")) {
                continue;
            }
            Matcher m = SPEC.matcher(line);
            if (!m.matches()) {
                warnings.add(file.location() + ": line " + number + " is not a 'name (version)' spec");
                continue;
            }
            String version = m.group(2);
            int platform = version.indexOf('-');
            if (platform > 0) {
                version = version.substring(0, platform);
            }
            try {
                found.add(RubyPackages.of(m.group(1), version, file.location(), true));
            } catch (IllegalArgumentException e) {
                warnings.add(file.location() + ": line " + number + ": " + e.getMessage());
            }
        }
        if (!sawSection) {
            warnings.add(file.location() + ": no GEM, PATH or GIT section: not a Gemfile.lock");
        }
        return new CatalogResult(found, warnings);
    }
}
