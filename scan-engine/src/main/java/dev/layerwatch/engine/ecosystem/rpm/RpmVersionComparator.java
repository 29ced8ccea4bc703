package dev.layerwatch.engine.ecosystem.rpm;

import dev.layerwatch.engine.version.InvalidVersionException;
import dev.layerwatch.engine.version.VersionComparator;

/**
 * RPM versions, {@code [epoch:]version[-release]}, ordered as rpm compares EVRs: epoch numerically (missing
 * means 0), then version and release with rpmvercmp.
 *
 * <p>The release starts after the last hyphen (rpm's parseEVR). A side without a release compares as an empty
 * release, so {@code 1.0 < 1.0-1}: rpm itself would let a bare version match any release in a dependency, but a
 * vulnerability range needs a total order. Allowed characters are those rpm accepts in a Version tag
 * (letters, digits, {@code . _ + ~ ^}); a hyphen inside the version or release part, a non-numeric epoch or an
 * empty part is an error.
 */
public final class RpmVersionComparator implements VersionComparator {

    public static final String SCHEME = "rpm";

    private record Evr(long epoch, String version, String release) {
    }

    @Override
    public String scheme() {
        return SCHEME;
    }


    @Override
    public int compare(String a, String b) {
        Evr left = parse(a);
        Evr right = parse(b);
        int result = Long.compare(left.epoch(), right.epoch());
        if (result == 0) {
            result = rpmvercmp(left.version(), right.version());
        }
        if (result == 0) {
            result = rpmvercmp(left.release(), right.release());
        }
        return result;
    }

    private static Evr parse(String evr) {
        if (evr == null || evr.isEmpty()) {
            throw new InvalidVersionException(SCHEME, String.valueOf(evr), "version string is empty");
        }
        long epoch = 0;
        String rest = evr;
        int colon = evr.indexOf(':');
        if (colon >= 0) {
            epoch = parseEpoch(evr, evr.substring(0, colon));
            rest = evr.substring(colon + 1);
        }
        String version = rest;
        String release = "";
        int hyphen = rest.lastIndexOf('-');
        if (hyphen >= 0) {
            version = rest.substring(0, hyphen);
            release = rest.substring(hyphen + 1);
            if (release.isEmpty()) {
                throw new InvalidVersionException(SCHEME, evr, "release after '-' is empty");
            }
        }
        if (version.isEmpty()) {
            throw new InvalidVersionException(SCHEME, evr, "version part is empty");
        }
        checkCharacters(evr, version, "version");
        checkCharacters(evr, release, "release");
        return new Evr(epoch, version, release);
    }

    private static long parseEpoch(String evr, String epoch) {
        if (epoch.isEmpty() || !epoch.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidVersionException(SCHEME, evr, "epoch '" + epoch + "' is not a number");
        }
        String digits = epoch.replaceFirst("^0+(?=.)", "");
        // rpm keeps the epoch in a 32-bit tag
        if (digits.length() > 10 || Long.parseLong(digits) > Integer.MAX_VALUE) {
            throw new InvalidVersionException(SCHEME, evr, "epoch is too big");
        }
        return Long.parseLong(digits);
    }

    private static void checkCharacters(String evr, String part, String what) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (!isAlphanumeric(c) && "._+~^".indexOf(c) < 0) {
                throw new InvalidVersionException(SCHEME, evr, "invalid character '" + c + "' in " + what);
            }
        }
    }

    /**
     * rpmvercmp: compare maximal runs of digits (numerically) or letters (as strings); any other character
     * only separates runs. A digit run is newer than a letter run. '~' sorts before anything, even the end;
     * '^' sorts after the end of the other string but before anything else.
     */
    static int rpmvercmp(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            while (i < a.length() && isSeparator(a.charAt(i))) {
                i++;
            }
            while (j < b.length() && isSeparator(b.charAt(j))) {
                j++;
            }
            char ca = i < a.length() ? a.charAt(i) : 0;
            char cb = j < b.length() ? b.charAt(j) : 0;
            if (ca == '~' || cb == '~') {
                if (ca != '~') {
                    return 1;
                }
                if (cb != '~') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (ca == '^' || cb == '^') {
                if (ca == 0) {
                    return -1;
                }
                if (cb == 0) {
                    return 1;
                }
                if (ca != '^') {
                    return 1;
                }
                if (cb != '^') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (ca == 0 || cb == 0) {
                break;
            }
            boolean numeric = isDigit(ca);
            int endA = runEnd(a, i, numeric);
            int endB = runEnd(b, j, numeric);
            if (endB == j) {
                // the other side has a run of the other kind: numbers are newer than letters
                return numeric ? 1 : -1;
            }
            String segA = a.substring(i, endA);
            String segB = b.substring(j, endB);
            int result;
            if (numeric) {
                segA = withoutLeadingZeros(segA);
                segB = withoutLeadingZeros(segB);
                result = segA.length() != segB.length()
                        ? Integer.compare(segA.length(), segB.length())
                        : segA.compareTo(segB);
            } else {
                result = segA.compareTo(segB);
            }
            if (result != 0) {
                return result < 0 ? -1 : 1;
            }
            i = endA;
            j = endB;
        }
        if (i >= a.length() && j >= b.length()) {
            return 0;
        }
        return i >= a.length() ? -1 : 1;
    }

    private static String withoutLeadingZeros(String digits) {
        int k = 0;
        while (k < digits.length() && digits.charAt(k) == '0') {
            k++;
        }
        return digits.substring(k);
    }

    private static int runEnd(String s, int from, boolean digits) {
        int k = from;
        while (k < s.length() && (digits ? isDigit(s.charAt(k)) : isLetter(s.charAt(k)))) {
            k++;
        }
        return k;
    }

    private static boolean isSeparator(char c) {
        return !isAlphanumeric(c) && c != '~' && c != '^';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAlphanumeric(char c) {
        return isDigit(c) || isLetter(c);
    }
}
