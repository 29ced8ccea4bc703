package dev.layerwatch.engine.ecosystem.python;

import dev.layerwatch.engine.catalog.PackageUrls;
import dev.layerwatch.engine.inventory.Ecosystem;
import dev.layerwatch.engine.inventory.Package;
import java.util.List;
import java.util.Locale;

/** PyPI packages: the name as written is kept, the purl carries the PEP 503 normalised name. */
final class PythonPackages {

    private PythonPackages() {
    }

    /** PEP 503: lower case, runs of {@code -_.} become one {@code -}. */
    static String normalise(String name) {
        return name.strip().replaceAll("[-_.]+", "-").toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a name or version packageurl-java rejects */
    static Package of(String name, String version, String location, boolean declaredOnly) {
        String purl = PackageUrls.of(Ecosystem.PYPI, null, normalise(name), version);
        return new Package(name.strip(), version.strip(), Ecosystem.PYPI, purl, null, null, null,
                List.of(location), declaredOnly);
    }
}
