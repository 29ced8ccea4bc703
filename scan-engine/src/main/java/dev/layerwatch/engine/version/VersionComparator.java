package dev.layerwatch.engine.version;

import java.util.Comparator;

/**
 * Orders the versions of one versioning scheme. Implementations are hand-written from the
 * upstream rules (dpkg, apk-tools, rpmvercmp, Maven ComparableVersion, SemVer 2.0, PEP 440, Go modules).
 */
public interface VersionComparator extends Comparator<String> {

    /** The scheme's name as the CLI spells it: dpkg, apk, rpm, maven, semver, pep440, go. */
    String scheme();

    /** Throws {@link InvalidVersionException} when either version is not valid in this scheme. */
    @Override
    int compare(String a, String b);

    /** Whether {@code version} is valid in this scheme: comparing it with itself parses it. */
    default boolean isValid(String version) {
        try {
            compare(version, version);
            return true;
        } catch (InvalidVersionException e) {
            return false;
        }
    }
}
