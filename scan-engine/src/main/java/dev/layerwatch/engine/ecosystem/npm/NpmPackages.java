package dev.layerwatch.engine.ecosystem.npm;

import dev.layerwatch.engine.catalog.PackageUrls;
import dev.layerwatch.engine.inventory.Ecosystem;
import dev.layerwatch.engine.inventory.Package;
import java.util.List;

/** npm packages with their purl: a scope ({@code @types}) is the purl namespace, encoded {@code %40types}. */
final class NpmPackages {

    private NpmPackages() {
    }

    /** @throws IllegalArgumentException for a name or version packageurl-java rejects */
    static Package of(String name, String version, String location, boolean declaredOnly) {
        String namespace = null;
        String local = name;
        if (name.startsWith("@")) {
            int slash = name.indexOf('/');
            if (slash < 2 || slash == name.length() - 1) {
                throw new IllegalArgumentException("scoped npm name '" + name + "' has no '/name' part");
            }
            namespace = name.substring(0, slash);
            local = name.substring(slash + 1);
        }
        String purl = PackageUrls.of(Ecosystem.NPM, namespace, local, version);
        return new Package(name, version, Ecosystem.NPM, purl, null, null, null, List.of(location), declaredOnly);
    }

    /** {@code name@range} → name, keeping the {@code @} of a scope. */
    static String nameOfSpec(String spec) {
        int at = spec.indexOf('@', 1);
        return at < 0 ? spec : spec.substring(0, at);
    }
}
