package dev.layerwatch.engine.ecosystem.python;

import dev.layerwatch.engine.version.InvalidVersionException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEP 440 version, parsed with the spec's permissive grammar (its appendix: case-insensitive, optional
 * separators, alternative spellings, implicit numbers, leading {@code v}) into normalised parts.
 * {@code pre} is null or {a, b, rc}; {@code post}/{@code dev} are null when absent; {@code local} holds the
 * lower-cased local segments.
 */
record Pep440Version(BigInteger epoch, List<BigInteger> release, String preLabel, BigInteger preNumber,
                     BigInteger post, BigInteger dev, List<String> local) implements Comparable<Pep440Version> {

    private static final Pattern GRAMMAR = Pattern.compile("""
            v?
            (?:(?<epoch>[0-9]+)!)?
            (?<release>[0-9]+(?:\\.[0-9]+)*)
            (?<pre>[-_.]?(?<prel>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<pren>[0-9]+)?)?
            (?<post>-(?<postn1>[0-9]+)|[-_.]?(?<postl>post|rev|r)[-_.]?(?<postn2>[0-9]+)?)?
            (?<dev>[-_.]?dev[-_.]?(?<devn>[0-9]+)?)?
            (?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?
            """, Pattern.CASE_INSENSITIVE | Pattern.COMMENTS);

    static Pep440Version parse(String scheme, String version) {
        if (version == null || version.isBlank()) {
            throw new InvalidVersionException(scheme, String.valueOf(version), "version string is empty");
        }
        Matcher m = GRAMMAR.matcher(version.strip());
        if (!m.matches()) {
            throw new InvalidVersionException(scheme, version,
                    "does not match PEP 440 ([N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local])");
        }
        BigInteger epoch = m.group("epoch") == null ? BigInteger.ZERO : new BigInteger(m.group("epoch"));
        List<BigInteger> release = new ArrayList<>();
        for (String part : m.group("release").split("\\.")) {
            release.add(new BigInteger(part));
        }
        String preLabel = null;
        BigInteger preNumber = null;
        if (m.group("pre") != null) {
            preLabel = switch (m.group("prel").toLowerCase(Locale.ROOT)) {
                case "a", "alpha" -> "a";
                case "b", "beta" -> "b";
                default -> "rc";
            };
            preNumber = number(m.group("pren"));
        }
        BigInteger post = null;
        if (m.group("post") != null) {
            post = number(m.group("postn1") != null ? m.group("postn1") : m.group("postn2"));
        }
        BigInteger dev = m.group("dev") == null ? null : number(m.group("devn"));
        List<String> local = m.group("local") == null
                ? List.of()
                : List.of(m.group("local").toLowerCase(Locale.ROOT).split("[-_.]"));
        return new Pep440Version(epoch, List.copyOf(release), preLabel, preNumber, post, dev, local);
    }

    private static BigInteger number(String digits) {
        return digits == null ? BigInteger.ZERO : new BigInteger(digits);
    }

    /** The order of packaging's sort key: dev-only releases first, then pre-releases, then the rest. */
    private int phase() {
        if (preLabel == null && post == null && dev != null) {
            return 0;
        }
        return preLabel != null ? 1 : 2;
    }

    @Override
    public int compareTo(Pep440Version o) {
        int r = epoch.compareTo(o.epoch);
        for (int i = 0; r == 0 && i < Math.max(release.size(), o.release.size()); i++) {
            r = part(release, i).compareTo(part(o.release, i));
        }
        if (r == 0) {
            r = Integer.compare(phase(), o.phase());
        }
        if (r == 0 && preLabel != null) {
            r = preLabel.compareTo(o.preLabel);
            r = r != 0 ? r : preNumber.compareTo(o.preNumber);
        }
        if (r == 0) {
            r = post == null || o.post == null ? Boolean.compare(post != null, o.post != null) : post.compareTo(o.post);
        }
        if (r == 0) {
            r = dev == null || o.dev == null ? Boolean.compare(dev == null, o.dev == null) : dev.compareTo(o.dev);
        }
        if (r == 0) {
            r = compareLocal(local, o.local);
        }
        return Integer.signum(r);
    }

    private static BigInteger part(List<BigInteger> release, int i) {
        return i < release.size() ? release.get(i) : BigInteger.ZERO;
    }

    /** No local part sorts first; numeric segments beat alphanumeric ones; a longer matching list wins. */
    private static int compareLocal(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            String x = a.get(i);
            String y = b.get(i);
            boolean nx = isNumeric(x);
            boolean ny = isNumeric(y);
            int r;
            if (nx && ny) {
                r = new BigInteger(x).compareTo(new BigInteger(y));
            } else if (nx != ny) {
                r = nx ? 1 : -1;
            } else {
                r = x.compareTo(y);
            }
            if (r != 0) {
                return r;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static boolean isNumeric(String s) {
        return s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The normalised form, as PEP 440 and packaging's {@code str(Version(...))} write it. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (epoch.signum() != 0) {
            sb.append(epoch).append('!');
        }
        for (int i = 0; i < release.size(); i++) {
            sb.append(i == 0 ? "" : ".").append(release.get(i));
        }
        if (preLabel != null) {
            sb.append(preLabel).append(preNumber);
        }
        if (post != null) {
            sb.append(".post").append(post);
        }
        if (dev != null) {
            sb.append(".dev").append(dev);
        }
        if (!local.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (String segment : local) {
                parts.add(isNumeric(segment) ? new BigInteger(segment).toString() : segment);
            }
            sb.append('+').append(String.join(".", parts));
        }
        return sb.toString();
    }
}
