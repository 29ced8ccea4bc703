package dev.layerwatch.engine.catalog;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.layerwatch.engine.inventory.Ecosystem;
import java.util.Map;
import java.util.TreeMap;

/** Builds canonical package-url strings (packageurl-java) for the catalogers. */
public final class PackageUrls {

    private PackageUrls() {
    }

    /**
     * The canonical purl; blank qualifier values are left out.
     *
     * @throws IllegalArgumentException when packageurl-java rejects a component (the cataloger turns
     *                                  that into a warning for the one record)
     */
    public static String of(Ecosystem ecosystem, String namespace, String name, String version,
            Map<String, String> qualifiers) {
        TreeMap<String, String> kept = new TreeMap<>();
        if (qualifiers != null) {
            qualifiers.forEach((k, v) -> {
                if (v != null && !v.isBlank()) {
                    kept.put(k, v);
                }
            });
        }
        try {
            return new PackageURL(ecosystem.purlType(), blankToNull(namespace), name, blankToNull(version),
                    kept.isEmpty() ? null : kept, null).canonicalize();
        } catch (MalformedPackageURLException e) {
            throw new IllegalArgumentException("cannot build a package-url for " + ecosystem.purlType() + " package '"
                    + name + "': " + e.getMessage(), e);
        }
    }

    public static String of(Ecosystem ecosystem, String namespace, String name, String version) {
        return of(ecosystem, namespace, name, version, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
