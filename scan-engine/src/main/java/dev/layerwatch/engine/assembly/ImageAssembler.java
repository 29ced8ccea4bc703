package dev.layerwatch.engine.assembly;

import dev.layerwatch.common.finding.ConfigFinding;
import dev.layerwatch.common.finding.SecretFinding;
import dev.layerwatch.engine.analysis.AnalyzerSet;
import dev.layerwatch.engine.analysis.ImageCheck;
import dev.layerwatch.engine.analysis.ImageFacts;
import dev.layerwatch.engine.image.PlatformImage;
import dev.layerwatch.engine.inventory.OsRelease;
import dev.layerwatch.engine.inventory.Package;
import dev.layerwatch.engine.layerscan.LayerOutcome;
import dev.layerwatch.engine.layerscan.LayerResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Assembles one image from its layers' results, as named steps: merge the layers (whiteouts), detect
 * the OS, assemble the inventory, run the image checks. Pure: reads no layer, touches no cache.
 */
public final class ImageAssembler {

    private final AnalyzerSet analyzers;

    public ImageAssembler(AnalyzerSet analyzers) {
        this.analyzers = analyzers;
    }

    /**
     * @param imageName     the image as the user named it
     * @param layers        the image's layer outcomes, in manifest order
     * @param configWarnings what reading the image config already warned about (they come first)
     */
    public ImageInventory assemble(String imageName, PlatformImage image, List<LayerOutcome> layers, List<String> configWarnings) {
        List<String> warnings = new ArrayList<>(configWarnings);
        List<LayerResult> results = new ArrayList<>(layers.size());
        for (LayerOutcome outcome : layers) {
            LayerResult r = outcome.result();
            results.add(r);
            warnings.addAll(r.warnings());
            if (r.failed()) {
                warnings.add(r.failure());
            }
        }
        MergedFilesystem fs = MergedFilesystem.merge(results);
        OsRelease os = OsDetector.detect(fs, analyzers.osRelease(), warnings).orElse(null);
        List<String> cited = layers.stream().map(LayerOutcome::citedDigest).toList();
        List<Package> packages = InventoryAssembler.assemble(fs, cited, os);
        List<ConfigFinding> configFindings = runChecks(new ImageFacts(image.configJson(), os, packages, fs.existsPredicate()), warnings);
        List<SecretFinding> secrets = results.stream().flatMap(r -> r.secrets().stream()).toList();
        Optional<LocalDate> eol = endOfLife(os);
        return new ImageInventory(imageName, image.manifestDigest(), image.indexDigest(), image.platform(), os,
                eol.orElse(null), eol.map(date -> !date.isAfter(LocalDate.now())).orElse(null),
                packages, configFindings, secrets, warnings, layers);
    }

    private List<ConfigFinding> runChecks(ImageFacts facts, List<String> warnings) {
        List<ConfigFinding> findings = new ArrayList<>();
        for (ImageCheck check : analyzers.checks()) {
            try {
                findings.addAll(check.check(facts, warnings::add));
            } catch (RuntimeException e) {
                warnings.add("image check " + check.name() + " failed: " + e);
            }
        }
        return findings;
    }

    private Optional<LocalDate> endOfLife(OsRelease os) {
        if (os == null) {
            return Optional.empty();
        }
        try {
            return analyzers.endOfLife().endOfLife(os);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
