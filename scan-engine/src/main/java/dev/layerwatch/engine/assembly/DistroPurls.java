package dev.layerwatch.engine.assembly;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import com.github.packageurl.PackageURLBuilder;
import dev.layerwatch.engine.inventory.OsRelease;
import dev.layerwatch.engine.inventory.Package;
import java.util.Locale;
import java.util.Map;

/**
 * Finishes OS package purls once the image's distribution is known: the namespace names the
 * distribution ({@code pkg:deb/ubuntu/...}) and a {@code distro=<id>-<versionId>} qualifier pins the
 * release, as syft and the OSV/distro feeds expect. Catalogers cannot do this: a layer does not know
 * which image it ends up in.
 */
public final class DistroPurls {

    /** os-release ids whose purl namespace differs from the id. */
    private static final Map<String, String> NAMESPACES = Map.of(
            "rhel", "redhat",
            "amzn", "amazon",
            "ol", "oracle",
            "sles", "suse",
            "opensuse-leap", "opensuse",
            "opensuse-tumbleweed", "opensuse");

    private DistroPurls() {
    }

    public static String namespace(OsRelease os) {
        String id = os.id().toLowerCase(Locale.ROOT);
        return NAMESPACES.getOrDefault(id, id);
    }

    public static String distroQualifier(OsRelease os) {
        String version = os.versionId() != null ? os.versionId() : os.versionCodename();
        String id = os.id().toLowerCase(Locale.ROOT);
        return version == null ? id : id + "-" + version;
    }

    /**
     * Returns {@code pkg} with its purl finished for {@code os}; non-OS packages, or any package when
     * the OS is unknown, come back unchanged.
     */
    public static Package finish(Package pkg, OsRelease os) {
        if (os == null || !pkg.ecosystem().isOs()) {
            return pkg;
        }
        try {
            PackageURLBuilder b = PackageURLBuilder.aPackageURL().withType(pkg.ecosystem().purlType())
                    .withNamespace(namespace(os)).withName(pkg.name()).withVersion(pkg.version());
            if (pkg.purl() != null && !pkg.purl().isBlank()) {
                PackageURL given = new PackageURL(pkg.purl());
                b = PackageURLBuilder.aPackageURL().withType(given.getType()).withNamespace(namespace(os))
                        .withName(given.getName()).withVersion(given.getVersion()).withSubpath(given.getSubpath());
                Map<String, String> qualifiers = given.getQualifiers();
                if (qualifiers != null) {
                    for (Map.Entry<String, String> q : qualifiers.entrySet()) {
                        b = b.withQualifier(q.getKey(), q.getValue());
                    }
                }
            }
            String purl = b.withQualifier("distro", distroQualifier(os)).build().canonicalize();
            return new Package(pkg.name(), pkg.version(), pkg.ecosystem(), purl, pkg.sourceName(), pkg.sourceVersion(),
                    pkg.layer(), pkg.locations(), pkg.declaredOnly());
        } catch (MalformedPackageURLException e) {
            return pkg;
        }
    }
}
