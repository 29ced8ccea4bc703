package dev.layerwatch.engine.ecosystem.npm;

import dev.layerwatch.engine.version.InvalidVersionException;
import dev.layerwatch.engine.version.SemanticVersion;
import dev.layerwatch.engine.version.VersionComparator;

/**
 * npm package versions: SemVer 2.0.0 precedence (build metadata ignored, so {@code 1.0.0+a == 1.0.0+b}).
 * Like npm's parser it ignores surrounding whitespace and a leading run of {@code v} / {@code =}
 * ({@code v1.2.3}, {@code =1.2.3}); everything else must be strict SemVer (three numbers, no leading zeros).
 * Also like npm, a major, minor or patch above JavaScript's largest safe integer (2^53-1) is invalid.
 */
public final class SemverVersionComparator implements VersionComparator {

    public static final String SCHEME = "semver";

    private static final String MAX_SAFE_INTEGER = "9007199254740991";

    @Override
    public String scheme() {
        return SCHEME;
    }


    @Override
    public int compare(String a, String b) {
        return Integer.signum(parse(a).compareTo(parse(b)));
    }

    /** Parses an npm version the way this comparator reads it. */
    public static SemanticVersion parse(String version) {
        if (version == null || version.isBlank()) {
            throw new InvalidVersionException(SCHEME, String.valueOf(version), "version string is empty");
        }
        String text = version.strip();
        int start = 0;
        while (start < text.length() && (text.charAt(start) == 'v' || text.charAt(start) == '=')) {
            start++;
        }
        SemanticVersion parsed = SemanticVersion.parse(SCHEME, version, text.substring(start));
        for (String number : new String[] {parsed.major(), parsed.minor(), parsed.patch()}) {
            if (SemanticVersion.compareNumbers(number, MAX_SAFE_INTEGER) > 0) {
                throw new InvalidVersionException(SCHEME, version,
                        "number " + number + " is larger than npm's limit " + MAX_SAFE_INTEGER);
            }
        }
        return parsed;
    }
}
