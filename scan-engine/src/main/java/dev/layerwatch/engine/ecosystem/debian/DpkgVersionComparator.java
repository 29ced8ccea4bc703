package dev.layerwatch.engine.ecosystem.debian;

import dev.layerwatch.engine.version.InvalidVersionException;
import dev.layerwatch.engine.version.VersionComparator;
import java.util.Optional;

/**
 * Debian package versions, {@code [epoch:]upstream[-revision]}, ordered as {@code dpkg --compare-versions} does.
 *
 * <p>Parsing follows dpkg's {@code parseversion}: the epoch ends at the first colon, the revision starts after
 * the last hyphen, surrounding whitespace is ignored. dpkg's hard errors (empty parts, non-numeric or too big
 * epoch, embedded spaces) are errors here too. What dpkg only warns about — an upstream part that does not
 * start with a digit, a character outside dpkg's set — is compared exactly as dpkg compares it and reported as
 * an {@link #irregularity}, so a matcher keeps the finding and says why the version looks odd.
 */
public final class DpkgVersionComparator implements VersionComparator {

    public static final String SCHEME = "dpkg";

    private record DpkgVersion(long epoch, String upstream, String revision, String warning) {
    }

    @Override
    public String scheme() {
        return SCHEME;
    }


    @Override
    public Optional<String> irregularity(String version) {
        try {
            String warning = parse(version).warning();
            return warning == null ? Optional.empty()
                    : Optional.of("dpkg warns '" + version + "': " + warning + "; compared as dpkg does");
        } catch (InvalidVersionException e) {
            return Optional.empty();
        }
    }

    @Override
    public int compare(String a, String b) {
        DpkgVersion left = parse(a);
        DpkgVersion right = parse(b);
        int result = Long.compare(left.epoch(), right.epoch());
        if (result == 0) {
            result = verrevcmp(left.upstream(), right.upstream());
        }
        if (result == 0) {
            result = verrevcmp(left.revision(), right.revision());
        }
        return Integer.signum(result);
    }

    private static DpkgVersion parse(String raw) {
        if (raw == null) {
            throw new InvalidVersionException(SCHEME, "null", "version string is missing");
        }
        String version = raw.strip();
        if (version.isEmpty()) {
            throw new InvalidVersionException(SCHEME, raw, "version string is empty");
        }
        for (int i = 0; i < version.length(); i++) {
            if (Character.isWhitespace(version.charAt(i))) {
                throw new InvalidVersionException(SCHEME, raw, "version string has embedded spaces");
            }
        }
        long epoch = 0;
        String rest = version;
        int colon = version.indexOf(':');
        if (colon >= 0) {
            epoch = parseEpoch(raw, version.substring(0, colon));
            rest = version.substring(colon + 1);
            if (rest.isEmpty()) {
                throw new InvalidVersionException(SCHEME, raw, "nothing after colon in version number");
            }
        }
        String upstream = rest;
        String revision = "";
        int hyphen = rest.lastIndexOf('-');
        if (hyphen >= 0) {
            upstream = rest.substring(0, hyphen);
            revision = rest.substring(hyphen + 1);
            if (revision.isEmpty()) {
                throw new InvalidVersionException(SCHEME, raw, "revision number is empty");
            }
        }
        if (upstream.isEmpty()) {
            throw new InvalidVersionException(SCHEME, raw, "version number is empty");
        }
        String warning = !isDigit(upstream.charAt(0)) ? "version number does not start with digit"
                : invalidCharacter(upstream, ".-+~:", "version number");
        if (warning == null) {
            warning = invalidCharacter(revision, ".+~", "revision number");
        }
        return new DpkgVersion(epoch, upstream, revision, warning);
    }

    private static long parseEpoch(String raw, String epoch) {
        if (epoch.isEmpty()) {
            throw new InvalidVersionException(SCHEME, raw, "epoch in version is empty");
        }
        if (epoch.length() > 1 && epoch.charAt(0) == '-' && isDigits(epoch.substring(1))) {
            throw new InvalidVersionException(SCHEME, raw, "epoch in version is negative");
        }
        if (!isDigits(epoch)) {
            throw new InvalidVersionException(SCHEME, raw, "epoch in version is not number");
        }
        String digits = epoch.replaceFirst("^0+(?=.)", "");
        // dpkg stores the epoch in an int
        if (digits.length() > 10 || Long.parseLong(digits) > Integer.MAX_VALUE) {
            throw new InvalidVersionException(SCHEME, raw, "epoch in version is too big");
        }
        return Long.parseLong(digits);
    }

    /** dpkg's warning for the first character outside its set, or null. */
    private static String invalidCharacter(String part, String allowedPunctuation, String what) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (!isAsciiAlphanumeric(c) && allowedPunctuation.indexOf(c) < 0) {
                return "invalid character '" + c + "' in " + what;
            }
        }
        return null;
    }

    /**
     * dpkg's verrevcmp: alternating non-digit and digit runs. In non-digit runs '~' sorts before everything
     * (even the end of the string), then the end, then letters, then everything else; digit runs compare
     * numerically.
     */
    static int verrevcmp(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            while ((i < a.length() && !isDigit(a.charAt(i))) || (j < b.length() && !isDigit(b.charAt(j)))) {
                int ac = order(a, i);
                int bc = order(b, j);
                if (ac != bc) {
                    return ac - bc;
                }
                i++;
                j++;
            }
            while (i < a.length() && a.charAt(i) == '0') {
                i++;
            }
            while (j < b.length() && b.charAt(j) == '0') {
                j++;
            }
            int firstDiff = 0;
            while (i < a.length() && isDigit(a.charAt(i)) && j < b.length() && isDigit(b.charAt(j))) {
                if (firstDiff == 0) {
                    firstDiff = a.charAt(i) - b.charAt(j);
                }
                i++;
                j++;
            }
            if (i < a.length() && isDigit(a.charAt(i))) {
                return 1;
            }
            if (j < b.length() && isDigit(b.charAt(j))) {
                return -1;
            }
            if (firstDiff != 0) {
                return firstDiff;
            }
        }
        return 0;
    }

    /** The weight of the character at {@code index}; past the end (and at a digit) it is 0. */
    private static int order(String s, int index) {
        if (index >= s.length()) {
            return 0;
        }
        char c = s.charAt(index);
        if (isDigit(c)) {
            return 0;
        }
        if (isAsciiLetter(c)) {
            return c;
        }
        if (c == '~') {
            return -1;
        }
        return c + 256;
    }

    private static boolean isDigits(String s) {
        return s.chars().allMatch(DpkgVersionComparator::isDigit);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiAlphanumeric(char c) {
        return isDigit(c) || isAsciiLetter(c);
    }
}
