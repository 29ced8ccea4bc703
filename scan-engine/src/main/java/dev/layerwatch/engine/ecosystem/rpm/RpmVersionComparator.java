package dev.layerwatch.engine.ecosystem.rpm;

import dev.layerwatch.engine.version.VersionComparator;
import java.util.Optional;

/**
 * RPM versions, {@code [epoch:]version[-release]}, ordered as rpm compares EVRs: epoch numerically (missing
 * means 0), then version and release with rpmvercmp.
 *
 * <p>Parsing is rpm's parseEVR: an epoch is the run of digits before a colon (an empty one is 0; a colon after
 * anything else is part of the version, where rpmvercmp reads it as a separator); the release starts after the
 * last hyphen. Like rpm this never refuses a version; characters rpm does not accept in a Version tag, a
 * non-numeric "epoch" and empty parts are reported as an {@link #irregularity}. One deliberate difference: rpm
 * skips the release when either side lacks one ({@code 1.0 == 1.0-1}); a vulnerability range needs a total
 * order, so a missing release compares as an empty one ({@code 1.0 < 1.0-1}).
 */
public final class RpmVersionComparator implements VersionComparator {

    public static final String SCHEME = "rpm";

    private record Evr(String epoch, String version, String release, String warning) {
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public Optional<String> irregularity(String version) {
        String warning = parse(version).warning();
        return warning == null ? Optional.empty()
                : Optional.of("odd rpm version '" + version + "': " + warning + "; compared as rpmvercmp does");
    }

    @Override
    public int compare(String a, String b) {
        Evr left = parse(a);
        Evr right = parse(b);
        int result = compareEpochs(left.epoch(), right.epoch());
        if (result == 0) {
            result = rpmvercmp(left.version(), right.version());
        }
        if (result == 0) {
            result = rpmvercmp(left.release(), right.release());
        }
        return result;
    }

    private static int compareEpochs(String a, String b) {
        String x = withoutLeadingZeros(a);
        String y = withoutLeadingZeros(b);
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : Integer.signum(x.compareTo(y));
    }

    private static Evr parse(String raw) {
        String evr = raw == null ? "" : raw;
        int digits = 0;
        while (digits < evr.length() && isDigit(evr.charAt(digits))) {
            digits++;
        }
        String epoch = "0";
        String rest = evr;
        if (digits < evr.length() && evr.charAt(digits) == ':') {
            epoch = digits == 0 ? "0" : evr.substring(0, digits);
            rest = evr.substring(digits + 1);
        }
        String version = rest;
        String release = "";
        int hyphen = rest.lastIndexOf('-');
        if (hyphen >= 0) {
            version = rest.substring(0, hyphen);
            release = rest.substring(hyphen + 1);
        }
        String warning = version.isEmpty() ? "version part is empty"
                : hyphen >= 0 && release.isEmpty() ? "release after '-' is empty"
                : firstInvalid(version, "version");
        if (warning == null) {
            warning = firstInvalid(release, "release");
        }
        return new Evr(epoch, version, release, warning);
    }

    private static String firstInvalid(String part, String what) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (!isAlphanumeric(c) && "._+~^".indexOf(c) < 0) {
                return "character '" + c + "' in " + what + " (rpm reads it as a separator)";
            }
        }
        return null;
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
