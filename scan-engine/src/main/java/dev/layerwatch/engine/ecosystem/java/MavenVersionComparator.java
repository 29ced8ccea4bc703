package dev.layerwatch.engine.ecosystem.java;

import dev.layerwatch.engine.version.InvalidVersionException;
import dev.layerwatch.engine.version.VersionComparator;

/**
 * Maven versions ordered with ComparableVersion semantics: qualifiers
 * {@code alpha < beta < milestone < rc = cr < snapshot < "" = ga = final = release < sp}, then unknown
 * qualifiers in lexical order, then numbers; {@code a1}, {@code b1}, {@code m1} are shorthands only when a digit
 * follows; case is ignored.
 *
 * <p>Maven itself accepts any string. Here an empty version, whitespace or a control character is invalid:
 * none occurs in a real POM or advisory, and each signals a broken field.
 */
public final class MavenVersionComparator implements VersionComparator {

    public static final String SCHEME = "maven";

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public boolean isValid(String version) {
        return problem(version) == null;
    }

    @Override
    public int compare(String a, String b) {
        return parse(a).compareTo(parse(b));
    }

    private static MavenComparableVersion parse(String version) {
        String problem = problem(version);
        if (problem != null) {
            throw new InvalidVersionException(SCHEME, String.valueOf(version), problem);
        }
        return MavenComparableVersion.parse(version);
    }

    private static String problem(String version) {
        if (version == null || version.isEmpty()) {
            return "version string is empty";
        }
        for (int i = 0; i < version.length(); i++) {
            char c = version.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                return "whitespace or control character at position " + i;
            }
        }
        return null;
    }
}
