package dev.layerwatch.engine.ecosystem.ruby;

import dev.layerwatch.engine.catalog.PackageUrls;
import dev.layerwatch.engine.inventory.Ecosystem;
import dev.layerwatch.engine.inventory.Package;
import java.util.List;

/** Gem packages: name and version as RubyGems spells them, {@code pkg:gem/<name>@<version>}. */
final class RubyPackages {

    private RubyPackages() {
    }

    /** @throws IllegalArgumentException for a name or version packageurl-java rejects */
    static Package of(String name, String version, String location, boolean declaredOnly) {
        String purl = PackageUrls.of(Ecosystem.GEM, null, name, version);
        return new Package(name, version, Ecosystem.GEM, purl, null, null, null, List.of(location), declaredOnly);
    }
}
