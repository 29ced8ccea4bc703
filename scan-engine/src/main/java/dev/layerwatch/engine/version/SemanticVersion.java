package dev.layerwatch.engine.version;

import java.util.List;

/**
 * A SemVer 2.0.0 version ({@code MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]}) and its precedence rule (spec §11):
 * numbers compare numerically, a pre-release is lower than its release, pre-release identifiers compare one by
 * one (numeric ones numerically and below alphanumeric ones, which compare in ASCII order), a longer
 * identifier list wins when all before are equal, and build metadata is ignored. Shared by the npm and Go
 * comparators; numbers may have any size.
 */
public record SemanticVersion(String major, String minor, String patch, List<String> prerelease, String build)
        implements Comparable<SemanticVersion> {

    public SemanticVersion {
        prerelease = List.copyOf(prerelease);
    }

    /**
     * Parses the strict SemVer 2.0.0 grammar from {@code text}; errors name {@code original} (the string the
     * caller was given, before it removed any prefix) and {@code scheme}.
     */
    public static SemanticVersion parse(String scheme, String original, String text) {
        String core = text;
        String build = "";
        int plus = core.indexOf('+');
        if (plus >= 0) {
            build = core.substring(plus + 1);
            core = core.substring(0, plus);
            checkIdentifiers(scheme, original, build, "build metadata", false);
        }
        List<String> prerelease = List.of();
        int hyphen = core.indexOf('-');
        if (hyphen >= 0) {
            String pre = core.substring(hyphen + 1);
            core = core.substring(0, hyphen);
            checkIdentifiers(scheme, original, pre, "pre-release", true);
            prerelease = List.of(pre.split("\\.", -1));
        }
        String[] numbers = core.split("\\.", -1);
        if (numbers.length != 3) {
            throw new InvalidVersionException(scheme, original, "expected MAJOR.MINOR.PATCH but found "
                    + numbers.length + " dot-separated part(s) in '" + core + "'");
        }
        String[] names = {"major", "minor", "patch"};
        for (int i = 0; i < 3; i++) {
            if (numbers[i].isEmpty() || !isNumeric(numbers[i])) {
                throw new InvalidVersionException(scheme, original,
                        names[i] + " '" + numbers[i] + "' is not a number");
            }
            if (numbers[i].length() > 1 && numbers[i].charAt(0) == '0') {
                throw new InvalidVersionException(scheme, original,
                        names[i] + " '" + numbers[i] + "' has a leading zero");
            }
        }
        return new SemanticVersion(numbers[0], numbers[1], numbers[2], prerelease, build);
    }

    private static void checkIdentifiers(String scheme, String original, String identifiers, String what,
                                         boolean numericWithoutLeadingZero) {
        for (String id : identifiers.split("\\.", -1)) {
            if (id.isEmpty()) {
                throw new InvalidVersionException(scheme, original, what + " has an empty identifier");
            }
            for (int i = 0; i < id.length(); i++) {
                char c = id.charAt(i);
                if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && c != '-') {
                    throw new InvalidVersionException(scheme, original, what + " identifier '" + id
                            + "' has a character outside [0-9A-Za-z-]");
                }
            }
            if (numericWithoutLeadingZero && isNumeric(id) && id.length() > 1 && id.charAt(0) == '0') {
                throw new InvalidVersionException(scheme, original,
                        what + " identifier '" + id + "' has a leading zero");
            }
        }
    }

    public boolean isPrerelease() {
        return !prerelease.isEmpty();
    }

    @Override
    public int compareTo(SemanticVersion other) {
        int result = compareNumbers(major, other.major);
        if (result == 0) {
            result = compareNumbers(minor, other.minor);
        }
        if (result == 0) {
            result = compareNumbers(patch, other.patch);
        }
        if (result != 0) {
            return result;
        }
        if (prerelease.isEmpty() || other.prerelease.isEmpty()) {
            return Boolean.compare(prerelease.isEmpty(), other.prerelease.isEmpty());
        }
        for (int i = 0; i < Math.min(prerelease.size(), other.prerelease.size()); i++) {
            result = compareIdentifiers(prerelease.get(i), other.prerelease.get(i));
            if (result != 0) {
                return result;
            }
        }
        return Integer.compare(prerelease.size(), other.prerelease.size());
    }

    private static int compareIdentifiers(String a, String b) {
        boolean numericA = isNumeric(a);
        boolean numericB = isNumeric(b);
        if (numericA && numericB) {
            return compareNumbers(a, b);
        }
        if (numericA != numericB) {
            return numericA ? -1 : 1;
        }
        return Integer.signum(a.compareTo(b));
    }

    /** Compares decimal strings of any length (leading zeros ignored). */
    public static int compareNumbers(String a, String b) {
        int i = firstSignificant(a);
        int j = firstSignificant(b);
        int lengthA = a.length() - i;
        int lengthB = b.length() - j;
        if (lengthA != lengthB) {
            return Integer.compare(lengthA, lengthB);
        }
        for (; i < a.length(); i++, j++) {
            if (a.charAt(i) != b.charAt(j)) {
                return a.charAt(i) < b.charAt(j) ? -1 : 1;
            }
        }
        return 0;
    }

    private static int firstSignificant(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return i;
    }

    private static boolean isNumeric(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (prerelease.isEmpty() ? "" : "-" + String.join(".", prerelease))
                + (build.isEmpty() ? "" : "+" + build);
    }
}
