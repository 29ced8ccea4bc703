package dev.layerwatch.engine.assembly;

import dev.layerwatch.engine.inventory.OsRelease;
import dev.layerwatch.engine.inventory.Package;
import dev.layerwatch.engine.layerscan.LayerFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns the merged filesystem into the image's package list: only packages whose evidence file
 * survives, each attributed to the earliest layer in the chain that already had it at that version
 * (so a dpkg status rewritten by every {@code apt-get install} still credits the base layer with
 * libc6), OS purls finished, declared-only packages dropped where the same version is installed.
 */
final class InventoryAssembler {

    private InventoryAssembler() {
    }

    /** @param layerDigests per layer index: the digest packages cite, or null (pseudo-layers of {@code dir:} targets) */
    static List<Package> assemble(MergedFilesystem fs, List<String> layerDigests, OsRelease os) {
        List<Package> installed = new ArrayList<>();
        List<Package> declared = new ArrayList<>();
        for (Map.Entry<String, Integer> e : fs.owners().entrySet()) {
            String path = e.getKey();
            int top = e.getValue();
            LayerFile file = fs.file(path).orElseThrow();
            for (Package p : file.packages()) {
                int earliest = fs.earliestLayerWith(path, top, lower -> lower.packages().stream().anyMatch(q -> sameRelease(p, q)));
                List<Package> target = p.declaredOnly() ? declared : installed;
                target.add(DistroPurls.finish(withLayerAndLocations(p, layerDigests.get(earliest), path), os));
            }
        }
        Set<String> installedKeys = new HashSet<>();
        installed.forEach(p -> installedKeys.add(identity(p)));
        Map<String, Package> declaredOnce = new LinkedHashMap<>();
        for (Package p : declared) {
            if (!installedKeys.contains(identity(p))) {
                declaredOnce.merge(identity(p), p, InventoryAssembler::mergeLocations);
            }
        }
        List<Package> all = new ArrayList<>(installed);
        all.addAll(declaredOnce.values());
        all.sort(Comparator.comparing((Package p) -> p.ecosystem().id()).thenComparing(Package::name)
                .thenComparing(Package::version).thenComparing(p -> p.locations().isEmpty() ? "" : p.locations().getFirst()));
        return List.copyOf(all);
    }

    private static boolean sameRelease(Package a, Package b) {
        return a.ecosystem() == b.ecosystem() && a.name().equals(b.name()) && a.version().equals(b.version());
    }

    private static String identity(Package p) {
        return p.ecosystem() + "\u0000" + p.name() + "\u0000" + p.version();
    }

    private static Package withLayerAndLocations(Package p, String layer, String path) {
        List<String> locations = p.locations().isEmpty() ? List.of("/" + path) : p.locations();
        return new Package(p.name(), p.version(), p.ecosystem(), p.purl(), p.sourceName(), p.sourceVersion(), layer,
                locations, p.declaredOnly());
    }

    private static Package mergeLocations(Package a, Package b) {
        List<String> locations = new ArrayList<>(a.locations());
        b.locations().stream().filter(l -> !locations.contains(l)).forEach(locations::add);
        return new Package(a.name(), a.version(), a.ecosystem(), a.purl(), a.sourceName(), a.sourceVersion(),
                Objects.requireNonNullElse(a.layer(), b.layer()), locations, true);
    }
}
