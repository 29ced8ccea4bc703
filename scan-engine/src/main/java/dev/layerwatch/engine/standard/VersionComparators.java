package dev.layerwatch.engine.standard;

import dev.layerwatch.engine.ecosystem.alpine.ApkVersionComparator;
import dev.layerwatch.engine.ecosystem.debian.DpkgVersionComparator;
import dev.layerwatch.engine.ecosystem.golang.GoVersionComparator;
import dev.layerwatch.engine.ecosystem.java.MavenVersionComparator;
import dev.layerwatch.engine.ecosystem.npm.SemverVersionComparator;
import dev.layerwatch.engine.ecosystem.python.Pep440VersionComparator;
import dev.layerwatch.engine.ecosystem.rpm.RpmVersionComparator;
import dev.layerwatch.engine.inventory.Ecosystem;
import dev.layerwatch.engine.version.VersionComparator;
import java.util.List;
import java.util.stream.Collectors;

/** The one list of version schemes, looked up by name (CLI, feeds) or by package ecosystem (matching). */
public final class VersionComparators {

    private static final List<VersionComparator> ALL = List.of(
            new DpkgVersionComparator(),
            new ApkVersionComparator(),
            new RpmVersionComparator(),
            new MavenVersionComparator(),
            new SemverVersionComparator(),
            new Pep440VersionComparator(),
            new GoVersionComparator());

    private VersionComparators() {
    }

    /** Every scheme, in the order the CLI lists them. The comparators are stateless and thread-safe. */
    public static List<VersionComparator> all() {
        return ALL;
    }

    /** The comparator named {@code scheme} ({@code dpkg}, {@code apk}, {@code rpm}, {@code maven}, …). */
    public static VersionComparator byScheme(String scheme) {
        for (VersionComparator comparator : ALL) {
            if (comparator.scheme().equals(scheme)) {
                return comparator;
            }
        }
        throw new IllegalArgumentException("unknown version scheme '" + scheme + "'; valid schemes: " + schemeNames());
    }

    /** The scheme that orders the versions of {@code ecosystem}'s packages. */
    public static VersionComparator forEcosystem(Ecosystem ecosystem) {
        return byScheme(switch (ecosystem) {
            case APK -> ApkVersionComparator.SCHEME;
            case DEB -> DpkgVersionComparator.SCHEME;
            case RPM -> RpmVersionComparator.SCHEME;
            case MAVEN -> MavenVersionComparator.SCHEME;
            case NPM -> SemverVersionComparator.SCHEME;
            case PYPI -> Pep440VersionComparator.SCHEME;
            case GOLANG -> GoVersionComparator.SCHEME;
        });
    }

    /** The valid scheme names, comma-separated, for error messages and help text. */
    public static String schemeNames() {
        return ALL.stream().map(VersionComparator::scheme).collect(Collectors.joining(", "));
    }
}
