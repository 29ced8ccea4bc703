package dev.layerwatch.engine.report;

import dev.layerwatch.engine.inventory.Package;
import java.util.List;

/**
 * One package as reports show it.
 *
 * @param type          the ecosystem id ({@code deb}, {@code apk}, {@code maven}…)
 * @param source        OS packages: the source package; null otherwise
 * @param sourceVersion OS packages: the source version when it differs from {@code version}
 * @param layer         the digest of the layer that introduced the package
 */
public record ReportPackage(String name, String version, String type, String purl, String source, String sourceVersion,
        String layer, List<String> locations, boolean declaredOnly) {

    public ReportPackage {
        locations = locations == null ? List.of() : List.copyOf(locations);
    }

    public static ReportPackage of(Package p) {
        return new ReportPackage(p.name(), p.version(), p.ecosystem().id(), p.purl(), p.sourceName(), p.sourceVersion(),
                p.layer(), p.locations(), p.declaredOnly());
    }
}
