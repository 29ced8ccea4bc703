package dev.layerwatch.engine.ecosystem.php;

import dev.layerwatch.engine.version.VersionComparator;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Composer versions as composer/semver's {@code Comparator} orders them: both sides normalised the way
 * {@code VersionParser::normalize} does ({@code v1.8.1 -> 1.8.1.0}, {@code 2.0-RC1 -> 2.0.0.0-RC1},
 * {@code 1.0.0-beta.2 -> 1.0.0.0-beta2}, a {@code +build} dropped), then compared with PHP's
 * {@code version_compare}: parts split at {@code . - _ +} and at digit/letter changes, numbers numerically,
 * words by rank {@code dev < alpha = a < beta = b < RC = rc < (number) < pl = p}, any other word below
 * {@code dev}; when one side runs out, a further number makes it newer and a further word is ranked against a
 * number ({@code 1.0.0.0-beta1 < 1.0.0.0 < 1.0.0.0-p1}).
 *
 * <p>A version VersionParser would reject (a branch such as {@code dev-main}, a free-form string) is still
 * ordered by {@code version_compare}, as PHP does, and reported as an {@link #irregularity}.
 */
public final class ComposerVersionComparator implements VersionComparator {

    public static final String SCHEME = "composer";

    private static final Pattern CLASSICAL = Pattern.compile(
            "v?(\\d{1,5})(\\.\\d++)?(\\.\\d++)?(\\.\\d++)?"
                    + "[._-]?(?:(stable|beta|b|rc|alpha|a|patch|pl|p)((?:[.-]?\\d+)*+)?)?([.-]?dev)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE = Pattern.compile(
            "v?(\\d{4}(?:[.:-]?\\d{2}){1,6}(?:[.:-]?\\d{1,3}){0,2})"
                    + "[._-]?(?:(stable|beta|b|rc|alpha|a|patch|pl|p)((?:[.-]?\\d+)*+)?)?([.-]?dev)?",
            Pattern.CASE_INSENSITIVE);

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public int compare(String a, String b) {
        String left = normalize(a);
        String right = normalize(b);
        return phpVersionCompare(left == null ? String.valueOf(a) : left, right == null ? String.valueOf(b) : right);
    }

    @Override
    public Optional<String> irregularity(String version) {
        return normalize(version) != null ? Optional.empty()
                : Optional.of("composer cannot normalise '" + version + "'; ordered by PHP's version_compare as written");
    }

    /** VersionParser::normalize for release and date versions; null for anything else. */
    static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String version = raw.strip();
        int plus = version.indexOf('+');
        if (plus >= 0) {
            version = version.substring(0, plus);
        }
        if (version.toLowerCase(Locale.ROOT).endsWith("@dev") || version.toLowerCase(Locale.ROOT).endsWith("@stable")) {
            version = version.substring(0, version.lastIndexOf('@'));
        }
        Matcher m = CLASSICAL.matcher(version);
        String numbers;
        int modifierGroup;
        if (m.matches()) {
            numbers = m.group(1) + (m.group(2) != null ? m.group(2) : ".0") + (m.group(3) != null ? m.group(3) : ".0")
                    + (m.group(4) != null ? m.group(4) : ".0");
            modifierGroup = 5;
        } else {
            m = DATE.matcher(version);
            if (!m.matches()) {
                return null;
            }
            numbers = m.group(1).replaceAll("\\D", ".");
            modifierGroup = 2;
        }
        StringBuilder out = new StringBuilder(numbers);
        String stability = m.group(modifierGroup);
        if (stability != null && !stability.equalsIgnoreCase("stable")) {
            out.append('-').append(expandStability(stability));
            String number = m.group(modifierGroup + 1);
            if (number != null) {
                out.append(number.replaceFirst("^[.-]", ""));
            }
        }
        if (m.group(modifierGroup + 2) != null) {
            out.append("-dev");
        }
        return out.toString();
    }

    private static String expandStability(String stability) {
        return switch (stability.toLowerCase(Locale.ROOT)) {
            case "a" -> "alpha";
            case "b" -> "beta";
            case "p", "pl" -> "patch";
            case "rc" -> "RC";
            default -> stability.toLowerCase(Locale.ROOT);
        };
    }

    /** PHP's version_compare (ext/standard/versioning.c) without an operator. */
    static int phpVersionCompare(String a, String b) {
        List<String> left = canonicalParts(a);
        List<String> right = canonicalParts(b);
        int i = 0;
        int result = 0;
        while (i < left.size() && i < right.size() && result == 0) {
            result = compareParts(left.get(i), right.get(i));
            i++;
        }
        if (result == 0) {
            if (i < left.size()) {
                result = isDigits(left.get(i)) ? 1 : compareParts(left.get(i), "#N#");
            } else if (i < right.size()) {
                result = isDigits(right.get(i)) ? -1 : compareParts("#N#", right.get(i));
            }
        }
        return Integer.signum(result);
    }

    /** php_canonicalize_version: a '.' between digit/non-digit changes, '-', '_', '+' become '.'; split. */
    private static List<String> canonicalParts(String version) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int previousKind = -1;
        for (int i = 0; i < version.length(); i++) {
            char c = version.charAt(i);
            if (c == '.' || c == '-' || c == '_' || c == '+') {
                if (!current.isEmpty()) {
                    parts.add(current.toString());
                    current.setLength(0);
                }
                previousKind = -1;
                continue;
            }
            int kind = Character.isDigit(c) ? 1 : 0;
            if (previousKind >= 0 && kind != previousKind && !current.isEmpty()) {
                parts.add(current.toString());
                current.setLength(0);
            }
            current.append(c);
            previousKind = kind;
        }
        if (!current.isEmpty()) {
            parts.add(current.toString());
        }
        return parts;
    }

    private static int compareParts(String a, String b) {
        boolean da = isDigits(a);
        boolean db = isDigits(b);
        if (da && db) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        if (!da && !db) {
            return Integer.compare(specialRank(a), specialRank(b));
        }
        return da ? Integer.compare(specialRank("#N#"), specialRank(b)) : Integer.compare(specialRank(a), specialRank("#N#"));
    }

    /** compare_special_version_forms: the first form the part starts with; unknown words rank lowest. */
    private static int specialRank(String part) {
        String[][] forms = {{"dev", "0"}, {"alpha", "1"}, {"a", "1"}, {"beta", "2"}, {"b", "2"}, {"RC", "3"},
            {"rc", "3"}, {"#", "4"}, {"pl", "5"}, {"p", "5"}};
        for (String[] form : forms) {
            if (part.startsWith(form[0])) {
                return Integer.parseInt(form[1]);
            }
        }
        return -6;
    }

    private static boolean isDigits(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
