package dev.layerwatch.engine.version;

import java.util.Comparator;
import java.util.Optional;

/**
 * Orders the versions of one versioning scheme. Implementations are hand-written from the
 * upstream rules (dpkg, apk-tools, rpmvercmp, Maven ComparableVersion, SemVer 2.0, PEP 440, Go modules).
 */
public interface VersionComparator extends Comparator<String> {

    /** The scheme's name as the CLI spells it: dpkg, apk, rpm, maven, semver, pep440, go. */
    String scheme();

    /**
     * Orders two versions exactly as the upstream tool does, odd and shorthand forms included. Throws
     * {@link InvalidVersionException} only where the upstream tool itself refuses to compare (dpkg's hard
     * syntax errors, npm's and PEP 440's invalid versions); whatever the tool orders, this orders the same way.
     */
    @Override
    int compare(String a, String b);

    /**
     * What the upstream tool warns about in {@code version} although it still orders it (dpkg's "invalid
     * character", apk's invalid token, x/mod/semver's invalid version): the matcher records it on the
     * package instead of dropping a finding. Empty for a regular version; also empty for a version that
     * {@link #compare} refuses (ask {@link #isValid} for that).
     */
    default Optional<String> irregularity(String version) {
        return Optional.empty();
    }

    /** Whether {@code version} is regular in this scheme: compared without error and without irregularity. */
    default boolean isValid(String version) {
        try {
            compare(version, version);
        } catch (InvalidVersionException e) {
            return false;
        }
        return irregularity(version).isEmpty();
    }
}
