package dev.layerwatch.engine.ecosystem.golang;

import dev.layerwatch.engine.version.InvalidVersionException;
import dev.layerwatch.engine.version.SemanticVersion;
import dev.layerwatch.engine.version.VersionComparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go versions: module versions and the Go toolchain's own versions (for the {@code stdlib} pseudo-module), all
 * mapped onto SemVer precedence so that both kinds compare with each other.
 *
 * <p>Accepted forms:
 * <ul>
 *   <li>{@code vX.Y.Z[-pre][+build]} — a module version, as golang.org/x/mod/semver reads it, including the
 *       shorthands {@code vX} and {@code vX.Y} (= {@code vX.0.0}, {@code vX.Y.0}). Build metadata such as
 *       {@code +incompatible} is ignored. Pseudo-versions ({@code v0.0.0-20191109021931-daa7c04131f5},
 *       {@code v1.2.4-0.2019…}, {@code v1.2.3-pre.0.2019…}) need no special case: SemVer pre-release rules
 *       already put them after the tag they derive from and before the next release.</li>
 *   <li>{@code X.Y.Z[-pre][+build]} without the {@code v} — how OSV's SEMVER ranges for Go are written
 *       ({@code 1.19.0-0}); read as the same module version.</li>
 *   <li>{@code [go]1[.N[.P]]}, {@code [go]1.N(alpha|beta|rc)K} — a toolchain version ({@code go1.21.3},
 *       {@code go1.21rc2}, {@code 1.9}). {@code 1.N.P} is {@code 1.N.P}; {@code 1.NrcK} is {@code 1.N.0-rc.K};
 *       {@code 1.N} is the {@code 1.N.0} release for N &lt; 21 (go1.9 was the release) but, from Go 1.21 on,
 *       the language version that sorts before {@code 1.Nrc1} (so {@code 1.N.0-0}), as Go's own gover orders
 *       them.</li>
 * </ul>
 *
 * <p>Like golang.org/x/mod/semver's {@code Compare}, this never refuses: an invalid version (not one of the forms
 * above) sorts before every valid one and equal to every other invalid one, and is reported as an
 * {@link #irregularity}.
 */
public final class GoVersionComparator implements VersionComparator {

    public static final String SCHEME = "go";

    private static final Pattern SHORTHAND = Pattern.compile("v(0|[1-9][0-9]*)(?:\\.(0|[1-9][0-9]*))?");
    private static final Pattern TOOLCHAIN = Pattern.compile(
            "(?:go)?(0|[1-9][0-9]*)(?:\\.(0|[1-9][0-9]*)(?:\\.(0|[1-9][0-9]*)|(alpha|beta|rc)(0|[1-9][0-9]*))?)?");
    private static final int FIRST_LANGUAGE_VERSION_MINOR = 21;

    @Override
    public String scheme() {
        return SCHEME;
    }


    @Override
    public int compare(String a, String b) {
        SemanticVersion left = parseOrNull(a);
        SemanticVersion right = parseOrNull(b);
        if (left == null || right == null) {
            return left == right ? 0 : left == null ? -1 : 1;
        }
        return Integer.signum(left.compareTo(right));
    }

    @Override
    public Optional<String> irregularity(String version) {
        try {
            parse(version);
            return Optional.empty();
        } catch (InvalidVersionException e) {
            return Optional.of(e.getMessage() + "; ordered as x/mod/semver orders invalid versions:"
                    + " before every valid version");
        }
    }

    private static SemanticVersion parseOrNull(String version) {
        try {
            return parse(version);
        } catch (InvalidVersionException e) {
            return null;
        }
    }

    /** The SemVer reading of a Go module or toolchain version (see the class comment for the forms). */
    public static SemanticVersion parse(String version) {
        if (version == null || version.isEmpty()) {
            throw new InvalidVersionException(SCHEME, String.valueOf(version), "version string is empty");
        }
        if (version.startsWith("v")) {
            Matcher shorthand = SHORTHAND.matcher(version);
            if (shorthand.matches()) {
                String minor = shorthand.group(2) == null ? "0" : shorthand.group(2);
                return new SemanticVersion(shorthand.group(1), minor, "0", List.of(), "");
            }
            return SemanticVersion.parse(SCHEME, version, version.substring(1));
        }
        Matcher toolchain = TOOLCHAIN.matcher(version);
        if (toolchain.matches()) {
            return fromToolchain(toolchain);
        }
        if (version.startsWith("go")) {
            throw new InvalidVersionException(SCHEME, version,
                    "not a Go toolchain version (go1, go1.N, go1.N.P, go1.NbetaK or go1.NrcK)");
        }
        if (!version.isEmpty() && Character.isDigit(version.charAt(0)) && version.indexOf('.') > 0) {
            return SemanticVersion.parse(SCHEME, version, version);
        }
        throw new InvalidVersionException(SCHEME, version,
                "expected a module version (vX.Y.Z) or a toolchain version (go1.N.P)");
    }

    private static SemanticVersion fromToolchain(Matcher m) {
        String major = m.group(1);
        String minor = m.group(2) == null ? "0" : m.group(2);
        if (m.group(3) != null) {
            return new SemanticVersion(major, minor, m.group(3), List.of(), "");
        }
        if (m.group(4) != null) {
            return new SemanticVersion(major, minor, "0", List.of(m.group(4), m.group(5)), "");
        }
        boolean languageVersion = m.group(2) != null && major.equals("1")
                && SemanticVersion.compareNumbers(minor, String.valueOf(FIRST_LANGUAGE_VERSION_MINOR)) >= 0;
        return new SemanticVersion(major, minor, "0", languageVersion ? List.of("0") : List.of(), "");
    }
}
