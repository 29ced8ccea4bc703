package dev.layerwatch.engine.ecosystem.python;

import dev.layerwatch.engine.version.InvalidVersionException;
import dev.layerwatch.engine.version.VersionComparator;

/**
 * Python package versions ordered by PEP 440: epoch, release (trailing zeros ignored), then
 * {@code .devN < aN < bN < rcN <} release {@code < .postN}, with dev releases of a pre or post release just
 * before it, then local versions ({@code +ubuntu1}) after the public version they label. Input is read with
 * PEP 440's normalisation, so {@code 1.0-ALPHA.1 == 1.0a1} and {@code v1.0-1 == 1.0.post1}.
 */
public final class Pep440VersionComparator implements VersionComparator {

    public static final String SCHEME = "pep440";

    @Override
    public String scheme() {
        return SCHEME;
    }


    @Override
    public int compare(String a, String b) {
        return Pep440Version.parse(SCHEME, a).compareTo(Pep440Version.parse(SCHEME, b));
    }

    /**
     * The canonical spelling of {@code version} ({@code V1.0-RC.1+Ubuntu-1 -> 1.0rc1+ubuntu.1}), for matching
     * versions by string. Throws {@link InvalidVersionException} when it is not a PEP 440 version.
     */
    public static String normalize(String version) {
        return Pep440Version.parse(SCHEME, version).toString();
    }
}
