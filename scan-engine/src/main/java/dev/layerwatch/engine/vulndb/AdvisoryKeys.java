package dev.layerwatch.engine.vulndb;

import java.util.Locale;

/**
 * How advisories are indexed and looked up: a namespace (the OSV ecosystem, release included, with
 * Ubuntu's {@code :LTS} marker dropped) and a package name normalised the way its ecosystem compares
 * names (PyPI per PEP 503; the others as published — Maven {@code group:artifact}, npm with scope,
 * Go module path, distro source names are already canonical; NuGet and Packagist lower-cased).
 */
public final class AdvisoryKeys {

    private AdvisoryKeys() {
    }

    /**
     * {@code Ubuntu:22.04:LTS} → {@code Ubuntu:22.04}; {@code Ubuntu:Pro:16.04:LTS} → {@code Ubuntu:Pro:16.04};
     * Debian's old {@code Debian:6.0} → {@code Debian:6} (os-release says 6, as it says 12); others unchanged.
     */
    public static String namespace(String osvEcosystem) {
        String e = osvEcosystem.trim();
        if (e.startsWith("Ubuntu:") && e.endsWith(":LTS")) {
            return e.substring(0, e.length() - ":LTS".length());
        }
        if (e.matches("Debian:\\d+\\.0")) {
            return e.substring(0, e.length() - 2);
        }
        return e;
    }

    /** The ecosystem of a namespace without its release ({@code Debian:12} → {@code Debian}). */
    public static String base(String namespace) {
        int colon = namespace.indexOf(':');
        return colon < 0 ? namespace : namespace.substring(0, colon);
    }

    public static String name(String namespace, String name) {
        String n = name.trim();
        return switch (base(namespace)) {
            case "PyPI" -> n.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
            // NuGet ids and Composer names are case-insensitive (Newtonsoft.Json = newtonsoft.json)
            case "Debian", "Ubuntu", "Alpine", "NuGet", "Packagist" -> n.toLowerCase(Locale.ROOT);
            default -> n;
        };
    }
}
