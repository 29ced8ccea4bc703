package dev.layerwatch.engine.ecosystem.dotnet;

import dev.layerwatch.engine.version.InvalidVersionException;
import dev.layerwatch.engine.version.VersionComparator;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

/**
 * NuGet versions as NuGet.Versioning's {@code NuGetVersion} compares them: one to four numbers (missing ones
 * are 0, so {@code 1.0 = 1.0.0 = 1.0.0.0}), then SemVer 2.0 release labels compared case-insensitively (a
 * version with labels is below the same version without), build metadata after {@code +} ignored. A string
 * NuGetVersion.Parse rejects is refused here too.
 */
public final class NugetVersionComparator implements VersionComparator {

    public static final String SCHEME = "nuget";

    private record NugetVersion(BigInteger[] numbers, List<String> labels) {
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public int compare(String a, String b) {
        NugetVersion left = parse(a);
        NugetVersion right = parse(b);
        for (int i = 0; i < 4; i++) {
            int result = left.numbers()[i].compareTo(right.numbers()[i]);
            if (result != 0) {
                return Integer.signum(result);
            }
        }
        if (left.labels().isEmpty() || right.labels().isEmpty()) {
            return Boolean.compare(left.labels().isEmpty(), right.labels().isEmpty());
        }
        for (int i = 0; i < Math.min(left.labels().size(), right.labels().size()); i++) {
            int result = compareLabels(left.labels().get(i), right.labels().get(i));
            if (result != 0) {
                return result;
            }
        }
        return Integer.compare(left.labels().size(), right.labels().size());
    }

    private static int compareLabels(String a, String b) {
        boolean na = a.chars().allMatch(Character::isDigit);
        boolean nb = b.chars().allMatch(Character::isDigit);
        if (na && nb) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        if (na != nb) {
            return na ? -1 : 1;
        }
        return Integer.signum(a.toLowerCase(Locale.ROOT).compareTo(b.toLowerCase(Locale.ROOT)));
    }

    private static NugetVersion parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidVersionException(SCHEME, String.valueOf(raw), "version string is empty");
        }
        String version = raw.strip();
        int plus = version.indexOf('+');
        if (plus >= 0) {
            version = version.substring(0, plus);
        }
        List<String> labels = List.of();
        int hyphen = version.indexOf('-');
        if (hyphen >= 0) {
            String release = version.substring(hyphen + 1);
            version = version.substring(0, hyphen);
            labels = List.of(release.split("\\.", -1));
            for (String label : labels) {
                if (label.isEmpty() || !label.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '-')) {
                    throw new InvalidVersionException(SCHEME, raw, "release label '" + release + "' is not SemVer");
                }
            }
        }
        String[] parts = version.split("\\.", -1);
        if (parts.length > 4) {
            throw new InvalidVersionException(SCHEME, raw, "more than four numbers");
        }
        BigInteger[] numbers = {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO};
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty() || !parts[i].chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new InvalidVersionException(SCHEME, raw, "'" + parts[i] + "' is not a number");
            }
            numbers[i] = new BigInteger(parts[i]);
        }
        return new NugetVersion(numbers, labels);
    }
}
