package dev.layerwatch.engine.ecosystem.debian;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Debian codename → version number, because the tracker keys releases by codename while os-release
 * and OSV use numbers ({@code Debian:12}). Unnumbered suites ({@code sid}) keep their name.
 */
public final class DebianReleases {

    private static final Map<String, String> DEFAULTS = Map.of(
            "wheezy", "7", "jessie", "8", "stretch", "9", "buster", "10", "bullseye", "11",
            "bookworm", "12", "trixie", "13", "forky", "14", "sid", "sid");

    private final Map<String, String> versions;

    private DebianReleases(Map<String, String> versions) {
        this.versions = Map.copyOf(versions);
    }

    public static DebianReleases defaults() {
        return new DebianReleases(DEFAULTS);
    }

    /** The defaults plus (overriding) the given mapping, e.g. {@code duke=15}. */
    public static DebianReleases withOverrides(Map<String, String> overrides) {
        Map<String, String> all = new LinkedHashMap<>(DEFAULTS);
        all.putAll(overrides);
        return new DebianReleases(all);
    }

    /** {@code bookworm} → {@code Debian:12}; null when the codename is unknown. */
    public String ecosystemOf(String codename) {
        String version = versions.get(codename);
        return version == null ? null : "Debian:" + version;
    }

    /** {@code 12} or {@code bookworm} → {@code 12}; null when neither is known. */
    public String versionOf(String versionIdOrCodename) {
        if (versionIdOrCodename == null) {
            return null;
        }
        if (versions.containsValue(versionIdOrCodename)) {
            return versionIdOrCodename;
        }
        return versions.get(versionIdOrCodename);
    }
}
