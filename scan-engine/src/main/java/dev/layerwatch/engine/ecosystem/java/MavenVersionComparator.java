package dev.layerwatch.engine.ecosystem.java;

import dev.layerwatch.engine.version.VersionComparator;
import java.util.Optional;

/**
 * Maven versions ordered with ComparableVersion semantics: qualifiers
 * {@code alpha < beta < milestone < rc = cr < snapshot < "" = ga = final = release < sp}, then unknown
 * qualifiers in lexical order, then numbers; {@code a1}, {@code b1}, {@code m1} are shorthands only when a digit
 * follows; case is ignored.
 *
 * <p>Maven accepts any string, and so does this. An empty version, whitespace or a control character occurs in
 * no real POM or advisory and signals a broken field: it is compared as ComparableVersion compares it and
 * reported as an {@link #irregularity}.
 */
public final class MavenVersionComparator implements VersionComparator {

    public static final String SCHEME = "maven";

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public Optional<String> irregularity(String version) {
        String problem = problem(version);
        return problem == null ? Optional.empty()
                : Optional.of("odd maven version '" + version + "': " + problem + "; compared as ComparableVersion does");
    }

    @Override
    public int compare(String a, String b) {
        return MavenComparableVersion.parse(a == null ? "" : a).compareTo(MavenComparableVersion.parse(b == null ? "" : b));
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
