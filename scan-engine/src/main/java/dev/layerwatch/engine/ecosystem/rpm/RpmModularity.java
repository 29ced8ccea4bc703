package dev.layerwatch.engine.ecosystem.rpm;

import dev.layerwatch.engine.advisory.AffectedPackage;
import dev.layerwatch.engine.advisory.AffectedRange;
import dev.layerwatch.engine.advisory.RangeEvent;

/**
 * Modularity streams: a module build's release says so ({@code 17-3.module_el8.4.0+2224+b07ac28e},
 * {@code 3.3.1-2.module+el9.4.0+20787+4c237fd3}). rpmvercmp between a module build and a plain build of the same
 * name means nothing (the stream, not the version, decides what is installed), so a plain package is never
 * matched against a module advisory entry, nor a module package against a plain one. Telling two streams of one
 * module apart needs the header's MODULARITYLABEL, which the cataloger does not read yet.
 */
public final class RpmModularity {

    private RpmModularity() {
    }

    public static boolean isModuleBuild(String evr) {
        int hyphen = evr.lastIndexOf('-');
        String release = hyphen >= 0 ? evr.substring(hyphen + 1) : "";
        return release.contains(".module_") || release.contains(".module+");
    }

    /** Whether the entry's versions are of the same kind (module build or not) as the installed version. */
    public static boolean sameKind(AffectedPackage entry, String installed) {
        boolean moduleInstalled = isModuleBuild(installed);
        for (AffectedRange range : entry.ranges()) {
            for (RangeEvent event : range.events()) {
                if (event.kind() != RangeEvent.Kind.INTRODUCED || !event.version().equals("0")) {
                    return isModuleBuild(event.version()) == moduleInstalled;
                }
            }
        }
        return entry.versions().isEmpty() || isModuleBuild(entry.versions().getFirst()) == moduleInstalled;
    }
}
