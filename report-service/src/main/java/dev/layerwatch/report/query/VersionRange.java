package dev.layerwatch.report.query;

import dev.layerwatch.engine.version.VersionComparator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A version range in the package's own scheme: comparators joined by commas or spaces ({@code <2.17.1},
 * {@code >=2.0.0, <2.17.1}, {@code !=2.15.0}), or a wildcard ({@code 3.0.x}, {@code 3.0.*}) meaning that version
 * and every version below it ({@code 3.0}, {@code 3.0.11-1~deb12u2}). Comparison uses the ecosystem's comparator
 * (Maven's, dpkg's…), never string order.
 */
public final class VersionRange implements Predicate<String> {

    private final String text;
    private final VersionComparator scheme;
    private final List<Predicate<String>> bounds;

    private VersionRange(String text, VersionComparator scheme, List<Predicate<String>> bounds) {
        this.text = text;
        this.scheme = scheme;
        this.bounds = bounds;
    }

    public static VersionRange parse(String text, VersionComparator scheme) {
        if (text == null || text.isBlank()) {
            throw new BadQueryException("range", String.valueOf(text), "empty");
        }
        List<Predicate<String>> bounds = new ArrayList<>();
        for (String part : text.trim().split("[,\\s]+")) {
            bounds.add(bound(text, part, scheme));
        }
        return new VersionRange(text, scheme, List.copyOf(bounds));
    }

    private static Predicate<String> bound(String text, String part, VersionComparator scheme) {
        String op = part.startsWith(">=") || part.startsWith("<=") || part.startsWith("!=") || part.startsWith("==") ? part.substring(0, 2)
                : part.startsWith(">") || part.startsWith("<") || part.startsWith("=") ? part.substring(0, 1) : "";
        String version = part.substring(op.length()).trim();
        if (version.isEmpty()) {
            throw new BadQueryException("range", text, "'" + part + "' names no version");
        }
        if (op.isEmpty() && (version.endsWith(".x") || version.endsWith(".*"))) {
            String prefix = version.substring(0, version.length() - 2);
            if (prefix.isEmpty() || !scheme.isValid(prefix)) {
                throw new BadQueryException("range", text, "'" + prefix + "' is not a valid " + scheme.scheme() + " version");
            }
            return v -> v.equals(prefix) || v.startsWith(prefix + ".");
        }
        if (!scheme.isValid(version)) {
            throw new BadQueryException("range", text, "'" + version + "' is not a valid " + scheme.scheme() + " version");
        }
        return switch (op) {
            case "<" -> v -> compare(scheme, v, version) < 0;
            case "<=" -> v -> compare(scheme, v, version) <= 0;
            case ">" -> v -> compare(scheme, v, version) > 0;
            case ">=" -> v -> compare(scheme, v, version) >= 0;
            case "!=" -> v -> compare(scheme, v, version) != 0;
            default -> v -> compare(scheme, v, version) == 0;
        };
    }

    private static int compare(VersionComparator scheme, String stored, String bound) {
        return scheme.compare(stored, bound);
    }

    @Override
    public boolean test(String version) {
        // a stored version the scheme cannot read is in no range: never guessed by string order
        if (version == null || !scheme.isValid(version)) {
            return false;
        }
        for (Predicate<String> bound : bounds) {
            if (!bound.test(version)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }
}
