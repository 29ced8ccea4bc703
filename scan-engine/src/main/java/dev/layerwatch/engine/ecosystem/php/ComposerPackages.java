package dev.layerwatch.engine.ecosystem.php;

import dev.layerwatch.engine.catalog.PackageUrls;
import dev.layerwatch.engine.inventory.Ecosystem;
import dev.layerwatch.engine.inventory.Package;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Composer package entries, shared by installed.json and composer.lock: {@code name} ({@code vendor/project}) and
 * {@code version} as Composer shows them ({@code v1.8.1}); purl {@code pkg:composer/vendor/project@version}.
 */
final class ComposerPackages {

    static final ObjectMapper JSON = JsonMapper.builder().build();

    private ComposerPackages() {
    }

    /** Adds the packages of a JSON array of entries; a broken entry is a warning naming the file and index. */
    static void addAll(JsonNode array, String location, boolean declaredOnly, List<Package> found, List<String> warnings,
                       String what) {
        if (array == null || array.isNull()) {
            return;
        }
        if (!array.isArray()) {
            warnings.add(location + ": '" + what + "' is not an array");
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode entry = array.get(i);
            String name = text(entry, "name");
            String version = text(entry, "version");
            if (name == null || version == null) {
                warnings.add(location + ": " + what + "[" + i + "] has no name or no version");
                continue;
            }
            try {
                found.add(of(name, version, location, declaredOnly));
            } catch (IllegalArgumentException e) {
                warnings.add(location + ": " + what + "[" + i + "]: " + e.getMessage());
            }
        }
    }

    static Package of(String name, String version, String location, boolean declaredOnly) {
        int slash = name.indexOf('/');
        String purl = slash > 0
                ? PackageUrls.of(Ecosystem.COMPOSER, name.substring(0, slash), name.substring(slash + 1), version)
                : PackageUrls.of(Ecosystem.COMPOSER, null, name, version);
        return new Package(name, version, Ecosystem.COMPOSER, purl, null, null, null, List.of(location), declaredOnly);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isString() && !value.stringValue().isBlank() ? value.stringValue().strip() : null;
    }
}
