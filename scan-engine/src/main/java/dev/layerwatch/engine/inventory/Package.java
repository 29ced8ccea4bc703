package dev.layerwatch.engine.inventory;

import java.util.List;

/**
 * One package found in an image: the meeting point of the catalogers (which produce it) and the
 * matcher (which looks it up).
 *
 * @param name          the name as the ecosystem spells it: dpkg/apk/rpm binary package name, Maven
 *                      {@code groupId:artifactId}, npm name (with scope), PyPI project name as
 *                      written in METADATA, Go module path ({@code stdlib} for the Go toolchain)
 * @param version       the installed version exactly as recorded (dpkg with epoch, rpm as
 *                      {@code [epoch:]version-release}, apk with {@code -rN})
 * @param purl          package-url (packageurl-java canonical form); OS packages carry a {@code distro} qualifier
 * @param sourceName    OS packages: the source package (dpkg Source, apk origin, rpm SRPM name); null otherwise
 * @param sourceVersion OS packages: the source version when it differs from {@code version}, else null
 * @param layer         digest of the layer that introduced this package (its last writer); null for {@code dir:} targets
 * @param locations     paths in the image filesystem that evidence this package (database file, jar, METADATA…)
 * @param declaredOnly  true when found only in a lock file or manifest, not installed
 * @param coordinatesGuessed true when the name is not stated by the package's own metadata but inferred (a
 *                      Java archive without pom.properties whose group came from a manifest heuristic, or is
 *                      unknown): matching still uses it and says so
 */
public record Package(
        String name,
        String version,
        Ecosystem ecosystem,
        String purl,
        String sourceName,
        String sourceVersion,
        String layer,
        List<String> locations,
        boolean declaredOnly,
        boolean coordinatesGuessed) {

    /** A package whose name its own metadata states. */
    public Package(String name, String version, Ecosystem ecosystem, String purl, String sourceName, String sourceVersion,
                   String layer, List<String> locations, boolean declaredOnly) {
        this(name, version, ecosystem, purl, sourceName, sourceVersion, layer, locations, declaredOnly, false);
    }

    public Package {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("package name is required");
        }
        if (version == null) {
            throw new IllegalArgumentException("package " + name + " has no version");
        }
        if (ecosystem == null) {
            throw new IllegalArgumentException("package " + name + " has no ecosystem");
        }
        locations = locations == null ? List.of() : List.copyOf(locations);
    }

    /** The name distro feeds key on: the source package where there is one. */
    public String sourceNameOrName() {
        return sourceName != null && !sourceName.isBlank() ? sourceName : name;
    }

    public String sourceVersionOrVersion() {
        return sourceVersion != null && !sourceVersion.isBlank() ? sourceVersion : version;
    }
}
