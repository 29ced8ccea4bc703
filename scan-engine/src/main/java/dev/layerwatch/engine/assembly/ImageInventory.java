package dev.layerwatch.engine.assembly;

import dev.layerwatch.common.event.ScanOutcome;
import dev.layerwatch.common.finding.ConfigFinding;
import dev.layerwatch.common.finding.SecretFinding;
import dev.layerwatch.common.image.Digest;
import dev.layerwatch.common.image.Platform;
import dev.layerwatch.engine.inventory.OsRelease;
import dev.layerwatch.engine.inventory.Package;
import dev.layerwatch.engine.layerscan.LayerOutcome;
import java.time.LocalDate;
import java.util.List;

/**
 * What the analysis of one platform image found, as domain values: the input of matching and of every
 * report writer.
 *
 * @param image          the image as the user named it ({@code registry/repo:tag}, {@code oci-layout:/dir})
 * @param manifestDigest the platform manifest's digest (null for {@code dir:} targets)
 * @param indexDigest    the index it was selected from, or null
 * @param platform       null when unknown
 * @param os             the detected distribution, null when none was found
 * @param eolDate        the distribution's end of life, null when unknown
 * @param eolReached     whether {@code eolDate} had passed when the image was analysed, null when unknown
 * @param packages       with their layer and locations; OS purls carry the distro qualifier
 * @param warnings       what could not be read, in the order it was met (config, layers, OS, checks)
 * @param layers         every layer and how its result was obtained, in manifest order
 */
public record ImageInventory(
        String image,
        Digest manifestDigest,
        Digest indexDigest,
        Platform platform,
        OsRelease os,
        LocalDate eolDate,
        Boolean eolReached,
        List<Package> packages,
        List<ConfigFinding> configFindings,
        List<SecretFinding> secrets,
        List<String> warnings,
        List<LayerOutcome> layers) {

    public ImageInventory {
        packages = packages == null ? List.of() : List.copyOf(packages);
        configFindings = configFindings == null ? List.of() : List.copyOf(configFindings);
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        layers = layers == null ? List.of() : List.copyOf(layers);
    }

    /** COMPLETE, or INCOMPLETE naming every layer that could not be read or was cut short by a limit. */
    public ScanOutcome outcome() {
        return ScanOutcome.of(layers.stream().filter(l -> l.problem() != null)
                .map(l -> new ScanOutcome.LayerProblem(l.citedDigest() == null ? "(directory)" : l.citedDigest(), l.problem())).toList());
    }
}
