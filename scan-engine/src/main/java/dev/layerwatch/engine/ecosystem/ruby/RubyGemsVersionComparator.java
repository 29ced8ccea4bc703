package dev.layerwatch.engine.ecosystem.ruby;

import dev.layerwatch.engine.version.InvalidVersionException;
import dev.layerwatch.engine.version.VersionComparator;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RubyGems versions ordered as {@code Gem::Version#<=>} (rubygems/version.rb): a {@code -} reads as
 * {@code .pre.}; the version splits into runs of digits and runs of letters; trailing zeros are dropped from the
 * numeric part and from the part after the first letter run ({@code 2.1 == 2.1.0}); segments compare one by one,
 * a missing one being 0, a letter run (a pre-release) below any number, two letter runs by their bytes. So
 * {@code 1.14.0.rc1 < 1.14.0 < 1.14.0.1}. A blank version is {@code 0}, as in RubyGems; a string outside
 * {@code Gem::Version}'s pattern is refused, as {@code Gem::Version.new} refuses it ("Malformed version number").
 */
public final class RubyGemsVersionComparator implements VersionComparator {

    public static final String SCHEME = "rubygems";

    private static final Pattern ANCHORED =
            Pattern.compile("\\s*([0-9]+(?:\\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?)?\\s*");
    private static final Pattern SEGMENT = Pattern.compile("[0-9]+|[a-zA-Z]+");

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public int compare(String a, String b) {
        List<Object> left = canonicalSegments(a);
        List<Object> right = canonicalSegments(b);
        int limit = Math.max(left.size(), right.size());
        for (int i = 0; i < limit; i++) {
            Object l = i < left.size() ? left.get(i) : BigInteger.ZERO;
            Object r = i < right.size() ? right.get(i) : BigInteger.ZERO;
            if (l.equals(r)) {
                continue;
            }
            if (l instanceof String && r instanceof BigInteger) {
                return -1;
            }
            if (l instanceof BigInteger && r instanceof String) {
                return 1;
            }
            int result = l instanceof BigInteger ln ? ln.compareTo((BigInteger) r) : ((String) l).compareTo((String) r);
            return Integer.signum(result);
        }
        return 0;
    }

    /** {@code Gem::Version#canonical_segments}: numbers as BigInteger, letter runs as String. */
    static List<Object> canonicalSegments(String version) {
        if (version == null || !ANCHORED.matcher(version).matches()) {
            throw new InvalidVersionException(SCHEME, String.valueOf(version), "Malformed version number string");
        }
        String v = version.strip().replace("-", ".pre.");
        List<Object> segments = new ArrayList<>();
        Matcher m = SEGMENT.matcher(v);
        while (m.find()) {
            String s = m.group();
            segments.add(Character.isDigit(s.charAt(0)) ? new BigInteger(s) : s);
        }
        int firstString = 0;
        while (firstString < segments.size() && segments.get(firstString) instanceof BigInteger) {
            firstString++;
        }
        List<Object> numeric = dropTrailingZeros(segments.subList(0, firstString));
        List<Object> rest = dropTrailingZeros(segments.subList(firstString, segments.size()));
        List<Object> canonical = new ArrayList<>(numeric);
        canonical.addAll(rest);
        return canonical;
    }

    private static List<Object> dropTrailingZeros(List<Object> segments) {
        int end = segments.size();
        while (end > 0 && BigInteger.ZERO.equals(segments.get(end - 1))) {
            end--;
        }
        return new ArrayList<>(segments.subList(0, end));
    }
}
