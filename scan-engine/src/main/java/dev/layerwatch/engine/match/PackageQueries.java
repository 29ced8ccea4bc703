package dev.layerwatch.engine.match;

import dev.layerwatch.engine.ecosystem.debian.DebianReleases;
import dev.layerwatch.engine.ecosystem.rpm.RpmDistroNamespaces;
import dev.layerwatch.engine.ecosystem.wolfi.WolfiSecdbParser;
import dev.layerwatch.engine.inventory.Ecosystem;
import dev.layerwatch.engine.inventory.OsRelease;
import dev.layerwatch.engine.inventory.Package;
import java.util.List;
import java.util.Locale;

/**
 * Where a package is looked up. OS packages go only to their own distribution and release
 * ({@code Alpine:v3.18}, {@code Debian:12}, {@code Ubuntu:22.04} and its Pro/ESM namespace) under their
 * source package name — never to another release, never to NVD-style upstream ranges. Language
 * packages go to their OSV ecosystem. RPM distributions go to
 * their OSV namespace where one exists ({@link RpmDistroNamespaces}).
 */
final class PackageQueries {

    private static final DebianReleases DEBIAN = DebianReleases.defaults();

    private PackageQueries() {
    }

    static List<PackageQuery> of(Package p, OsRelease os) {
        if (p.ecosystem().isOs()) {
            return osQueries(p, os);
        }
        String name = p.name();
        String version = p.version();
        if (p.ecosystem() == Ecosystem.GOLANG) {
            if (name.equals("stdlib") && version.startsWith("go")) {
                version = version.substring(2);
            }
            if (version.startsWith("v")) {
                // OSV Go ranges are written without the leading v
                version = version.substring(1);
            }
        }
        return List.of(new PackageQuery(p, p.ecosystem().osvName(), name, version));
    }

    private static List<PackageQuery> osQueries(Package p, OsRelease os) {
        if (os == null || os.id() == null) {
            return List.of();
        }
        String distro = os.id().toLowerCase(Locale.ROOT);
        String name = p.sourceNameOrName();
        String version = p.sourceVersionOrVersion();
        return switch (p.ecosystem()) {
            case APK -> switch (distro) {
                case "alpine" -> os.alpineBranch() != null
                        ? List.of(new PackageQuery(p, "Alpine:" + os.alpineBranch(), name, version)) : List.of();
                // rolling distributions with their own feeds: never Alpine's
                case "wolfi" -> List.of(new PackageQuery(p, WolfiSecdbParser.WOLFI, name, version));
                case "chainguard" -> List.of(new PackageQuery(p, WolfiSecdbParser.CHAINGUARD, name, version));
                default -> List.of();
            };
            case DEB -> switch (distro) {
                case "debian" -> {
                    String release = DEBIAN.versionOf(os.versionId() != null ? os.versionId() : os.versionCodename());
                    if (release == null && os.versionId() == null && os.versionCodename() == null) {
                        release = "sid";
                    }
                    yield release == null ? List.of() : List.of(new PackageQuery(p, "Debian:" + majorOf(release), name, version));
                }
                case "ubuntu" -> os.versionId() == null ? List.of() : List.of(
                        new PackageQuery(p, "Ubuntu:" + os.versionId(), name, version),
                        new PackageQuery(p, "Ubuntu:Pro:" + os.versionId(), name, version));
                default -> List.of();
            };
            // AlmaLinux/Rocky records name binary RPMs: look up the installed name and EVR
            case RPM -> RpmDistroNamespaces.of(os).stream()
                    .map(ns -> new PackageQuery(p, ns, p.name(), p.version())).toList();
            default -> List.of();
        };
    }

    /** Debian's VERSION_ID is the major number already; tolerate {@code 12.5} from other sources. */
    private static String majorOf(String release) {
        int dot = release.indexOf('.');
        return dot > 0 && Character.isDigit(release.charAt(0)) ? release.substring(0, dot) : release;
    }
}
