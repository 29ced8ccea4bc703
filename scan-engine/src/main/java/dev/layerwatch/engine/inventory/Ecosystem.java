package dev.layerwatch.engine.inventory;

import java.util.Locale;

/**
 * The package ecosystems Layerwatch catalogs and matches. {@code purlType} is the package-url type;
 * {@code osvName} the ecosystem name OSV uses (null for OS packages, whose OSV ecosystem carries the release).
 */
public enum Ecosystem {
    APK("apk", null, true),
    DEB("deb", null, true),
    RPM("rpm", null, true),
    MAVEN("maven", "Maven", false),
    NPM("npm", "npm", false),
    PYPI("pypi", "PyPI", false),
    GOLANG("golang", "Go", false),
    GEM("gem", "RubyGems", false),
    COMPOSER("composer", "Packagist", false),
    NUGET("nuget", "NuGet", false),
    CARGO("cargo", "crates.io", false);

    private final String purlType;
    private final String osvName;
    private final boolean os;

    Ecosystem(String purlType, String osvName, boolean os) {
        this.purlType = purlType;
        this.osvName = osvName;
        this.os = os;
    }

    public String purlType() {
        return purlType;
    }

    public String osvName() {
        return osvName;
    }

    /** Whether packages of this ecosystem come from the OS distribution (and match only distro data). */
    public boolean isOs() {
        return os;
    }

    /** The lower-case name used in JSON output ({@code "type"}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Ecosystem fromPurlType(String type) {
        for (Ecosystem e : values()) {
            if (e.purlType.equalsIgnoreCase(type)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unsupported package-url type '" + type + "'");
    }
}
